/**
 * A timestamp as UTC text: the server and the browser render the same string (a local-time format
 * would differ between them and break hydration).
 */
export function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-slate-500">–</span>;
  return <time dateTime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}
