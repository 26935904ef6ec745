import { useState } from 'react';
import type { AdminJob } from '#shared/contracts/admin';
import { isApiError } from '#shared/api';
import { useRetryJob } from '../../hooks/use-admin-mutations.ts';
import { buttonClass } from '../library/form-field.tsx';
import { When } from './when.tsx';

function JobRow({ job }: { job: AdminJob }) {
  const retry = useRetryJob();
  const [error, setError] = useState<string | null>(null);
  return (
    <tr className="border-t border-white/10 align-top">
      <td className="py-2 pr-3">
        <div className="font-medium">{job.kind}</div>
        <div className="font-mono text-xs text-slate-400">{job.id}</div>
      </td>
      <td className="py-2 pr-3">{job.state}</td>
      <td className="py-2 pr-3 tabular-nums">
        {job.retryCount} / {job.retryLimit}
      </td>
      <td className="py-2 pr-3">
        <When iso={job.createdAt} />
      </td>
      <td className="max-w-xs py-2 pr-3 text-xs text-rose-300">{job.error}</td>
      <td className="py-2 text-right">
        {job.state === 'failed' && (
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={retry.isPending}
            aria-label={`Retry ${job.kind} job ${job.id.slice(0, 8)}`}
            onClick={() =>
              retry
                .mutateAsync(job.id)
                .catch((err: unknown) => setError(isApiError(err) ? err.message : 'Could not retry'))
            }
          >
            Retry
          </button>
        )}
        {error && (
          <p role="alert" className="mt-1 text-xs text-rose-300">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Background jobs with state, tries and the failure message; failed ones can be retried. */
export function JobsTable({ jobs }: { jobs: AdminJob[] }) {
  if (jobs.length === 0) return <p className="text-slate-400">No jobs here.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Jobs</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Job
            </th>
            <th scope="col" className="py-2 pr-3">
              State
            </th>
            <th scope="col" className="py-2 pr-3">
              Retries
            </th>
            <th scope="col" className="py-2 pr-3">
              Queued
            </th>
            <th scope="col" className="py-2 pr-3">
              Error
            </th>
            <th scope="col" className="py-2 text-right">
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <JobRow key={j.id} job={j} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
