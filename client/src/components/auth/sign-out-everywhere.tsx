import { useState } from 'react';
import { useSignOut } from '../../hooks/use-auth.ts';
import { authButton } from './auth-styles.ts';
import { FormAlert } from './form-alert.tsx';

/** Ends every session and token of the account, this one included (asks once before doing it). */
export function SignOutEverywhere() {
  const signOut = useSignOut(true);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-400">
        Lost a device, or signed in somewhere you should not have? This signs you out on every browser and app, here
        too.
      </p>
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={authButton.danger}
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Yes, sign out everywhere
          </button>
          <button type="button" className={authButton.secondary} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className={authButton.danger} onClick={() => setConfirming(true)}>
          Sign out everywhere
        </button>
      )}
      <FormAlert message={signOut.isError ? 'Could not sign out everywhere; please try again.' : null} />
    </div>
  );
}
