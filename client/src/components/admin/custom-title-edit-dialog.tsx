import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { AdminCustomTitle } from '#shared/contracts/admin';
import { useUpdateCustomTitle } from '../../hooks/use-admin-mutations.ts';
import { CustomTitleForm } from '../library/custom-title-form.tsx';
import { buttonClass } from '../library/form-field.tsx';

/** Edit any user's custom title in a dialog, with the same form and rules its owner has. */
export function CustomTitleEditDialog({ title }: { title: AdminCustomTitle }) {
  const [open, setOpen] = useState(false);
  const update = useUpdateCustomTitle();
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className={buttonClass.secondary} aria-label={`Edit ${title.title}`}>
        Edit
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/70" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-slate-900 p-6 text-slate-100 shadow-2xl ring-1 ring-white/10">
          <Dialog.Title className="text-lg font-semibold">Edit “{title.title}”</Dialog.Title>
          <Dialog.Description className="mb-4 mt-1 text-sm text-slate-400">
            Added by @{title.ownerUsername}. The change is recorded in the audit log.
          </Dialog.Description>
          <CustomTitleForm
            initial={title}
            submitLabel="Save"
            onSubmit={async (body) => {
              await update.mutateAsync({ id: title.id, body });
              setOpen(false);
            }}
          />
          <Dialog.Close className={`${buttonClass.icon} absolute right-3 top-3`} aria-label="Close">
            ×
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
