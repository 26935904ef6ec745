export function ErrorPage({ status, onRetry }: { status: number; onRetry?: () => void }) {
  const unavailable = status === 503;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-rose-400">{status}</p>
      <h1 className="mt-2 text-3xl font-bold">
        {unavailable ? 'The catalog is unavailable right now' : 'Something went wrong'}
      </h1>
      <p className="mt-4 text-slate-400">Please try again in a moment.</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-8 rounded-md bg-rose-600 px-4 py-2 font-medium hover:bg-rose-500"
        >
          Try again
        </button>
      )}
    </main>
  );
}
