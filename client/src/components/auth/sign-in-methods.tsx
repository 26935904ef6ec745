import { useState } from 'react';
import { authPaths } from '#shared/auth-api';
import type { UserView } from '#shared/contracts/auth';
import { useUserUpdated } from '../../hooks/use-auth.ts';
import { useApi } from '../../lib/api-context.tsx';
import { usePublicConfig } from '../../lib/public-config.tsx';
import { authButton } from './auth-styles.ts';
import { FormAlert } from './form-alert.tsx';
import { PhoneCodeForm } from './phone-code-form.tsx';
import { applyServerErrors } from './server-errors.ts';

const NAMES: Record<string, string> = {
  password: 'Email and password',
  google: 'Google',
  github: 'GitHub',
  phone: 'Phone code',
};

function EmailRow({ user }: { user: UserView }) {
  const api = useApi();
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' } | null>(null);
  if (!user.email) return null;
  const send = async () => {
    try {
      setMessage({ text: await api.auth.requestEmailVerification(), tone: 'success' });
    } catch (err) {
      setMessage({ text: applyServerErrors(err, () => {}, []) ?? 'Could not send the email.', tone: 'error' });
    }
  };
  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>
          <span className="text-slate-400">Email:</span> {user.email}{' '}
          <span className={user.isVerified ? 'text-emerald-300' : 'text-amber-300'}>
            {user.isVerified ? '(verified)' : '(not verified)'}
          </span>
        </span>
        {!user.isVerified && (
          <button type="button" className={authButton.secondary} onClick={() => void send()}>
            Send a confirmation email
          </button>
        )}
      </div>
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
    </li>
  );
}

/** How this account can sign in: linked providers, email status, phone number, and ways to add more. */
export function SignInMethods({ user }: { user: UserView }) {
  const { oauth } = usePublicConfig();
  const updated = useUserUpdated();
  const [addingPhone, setAddingPhone] = useState(false);
  const linkable = (['google', 'github'] as const).filter((p) => oauth[p] && !user.providers.includes(p));
  return (
    <div className="space-y-4 text-sm">
      <ul aria-label="Linked sign-in methods" className="flex flex-wrap gap-2">
        {user.providers.map((p) => (
          <li key={p} className="rounded-full bg-white/10 px-3 py-1 text-slate-200">
            {NAMES[p] ?? p}
          </li>
        ))}
      </ul>
      <ul className="divide-y divide-white/10">
        <EmailRow user={user} />
        <li className="space-y-3 py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="text-slate-400">Phone:</span> {user.phoneNumber ?? 'none'}
            </span>
            {!addingPhone && (
              <button type="button" className={authButton.secondary} onClick={() => setAddingPhone(true)}>
                {user.phoneNumber ? 'Change number' : 'Add a number'}
              </button>
            )}
          </div>
          {addingPhone && (
            <PhoneCodeForm
              onVerified={(u) => {
                updated(u);
                setAddingPhone(false);
              }}
            />
          )}
        </li>
      </ul>
      {linkable.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {linkable.map((p) => (
            <a key={p} href={authPaths.oauth(p, '/account')} className={authButton.secondary}>
              Link {NAMES[p]}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
