import { useLiveJobs } from '../../hooks/use-live-events.ts';

/**
 * Background jobs as they run, straight from the WebSocket (JOB_PROGRESS): no reload, no polling.
 * Empty until the first event arrives after the page opened.
 */
export function LiveJobProgress() {
  const jobs = useLiveJobs();
  return (
    <section aria-labelledby="live-jobs-heading" className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
      <h2 id="live-jobs-heading" className="text-lg font-semibold">
        Live job progress
      </h2>
      {jobs.length === 0 ? (
        <p className="mt-2 text-sm text-slate-400">No job has reported progress since this page opened.</p>
      ) : (
        <ul className="mt-3 space-y-3" aria-live="polite">
          {jobs.map((j) => (
            <li key={j.jobId} className="text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{j.kind}</span>
                <span className="tabular-nums text-slate-300">
                  {j.done} / {j.total} · {j.status}
                </span>
              </div>
              <progress
                value={j.done}
                max={Math.max(1, j.total)}
                aria-label={`${j.kind} job ${j.jobId.slice(0, 8)} progress`}
                className="mt-1 h-2 w-full overflow-hidden rounded-full accent-rose-500"
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
