import * as Dialog from '@radix-ui/react-dialog';
import './dialog-nonce.ts';
import { useState } from 'react';
import type { WatchlistSummary } from '#shared/contracts/library';
import type { ImportReport } from '#shared/contracts/library-transfer';
import { errorText } from '../../hooks/use-library.ts';
import { useImportCsv } from '../../hooks/use-watchlists.ts';
import { buttonClass, FormError } from './form-field.tsx';

/**
 * Imports a Letterboxd or IMDb CSV export into a watchlist (one fixed list, or one picked from
 * `lists`), then shows what matched and what did not.
 */
export function ImportDialog({ listId, lists }: { listId?: string; lists?: WatchlistSummary[] }) {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(listId ?? lists?.[0]?.id ?? '');
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useImportCsv();
  if (!listId && !lists?.length) return null;
  const submit = async () => {
    setError(null);
    setReport(null);
    try {
      setReport(await run.mutateAsync({ listId: target, csv }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className={buttonClass.secondary}>Import CSV</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/70" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(92vw,34rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl bg-slate-900 p-6 text-slate-100 shadow-2xl ring-1 ring-white/10">
          <Dialog.Title className="text-lg font-semibold">Import from Letterboxd or IMDb</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-400">
            A CSV with a Name (Letterboxd) or Title (IMDb) column and a Year column; at most 1,000 rows.
          </Dialog.Description>
          <div className="mt-4 space-y-3">
            {!listId && lists && (
              <div>
                <label htmlFor="import-list" className="block text-sm font-medium">
                  Into watchlist
                </label>
                <select
                  id="import-list"
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  className="mt-1 block w-full rounded-lg border border-white/15 bg-slate-900 px-3 py-2 text-sm"
                >
                  {lists.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div>
              <label htmlFor="import-file" className="block text-sm font-medium">
                CSV file
              </label>
              <input
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                className="mt-1 block text-sm"
                onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
              />
            </div>
            <div>
              <label htmlFor="import-text" className="block text-sm font-medium">
                …or paste it
              </label>
              <textarea
                id="import-text"
                value={csv}
                onChange={(e) => setCsv(e.target.value)}
                rows={6}
                className="mt-1 block w-full rounded-lg border border-white/15 bg-slate-900 p-2 font-mono text-xs"
              />
            </div>
            <FormError message={error} />
            <button
              type="button"
              className={buttonClass.primary}
              disabled={!csv.trim() || !target || run.isPending}
              onClick={() => void submit()}
            >
              {run.isPending ? 'Importing…' : 'Import'}
            </button>
          </div>
          {report && (
            <div role="status" className="mt-4 space-y-2 text-sm">
              <p>
                {report.matched.length} matched, {report.unmatched.length} not found.
              </p>
              {report.unmatched.length > 0 && (
                <ul className="max-h-40 list-disc overflow-y-auto pl-5 text-slate-400" aria-label="Not found">
                  {report.unmatched.map((u) => (
                    <li key={u.row}>
                      Row {u.row}: {u.title}
                      {u.year ? ` (${u.year})` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <Dialog.Close className={`${buttonClass.secondary} mt-6 w-full`}>Close</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
