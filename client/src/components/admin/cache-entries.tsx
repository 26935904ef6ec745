import type { CacheEntry } from '#shared/contracts/admin';
import { When } from './when.tsx';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Cached TMDB answers, newest first, with when they expire. */
export function CacheEntries({ entries, caption }: { entries: CacheEntry[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Key
            </th>
            <th scope="col" className="py-2 pr-3">
              Fetched
            </th>
            <th scope="col" className="py-2 pr-3">
              Expires
            </th>
            <th scope="col" className="py-2 text-right">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.key} className="border-t border-white/10">
              <td className="break-all py-2 pr-3 font-mono text-xs">{e.key}</td>
              <td className="py-2 pr-3">
                <When iso={e.fetchedAt} />
              </td>
              <td className="py-2 pr-3">
                <When iso={e.expiresAt} /> {e.expired && <span className="text-amber-300">(expired)</span>}
              </td>
              <td className="py-2 text-right tabular-nums">{kb(e.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
