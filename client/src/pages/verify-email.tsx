import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { AuthCard } from '../components/auth/auth-card.tsx';
import { authButton } from '../components/auth/auth-styles.ts';
import { FormAlert } from '../components/auth/form-alert.tsx';
import { applyServerErrors } from '../components/auth/server-errors.ts';
import { useUserUpdated, useViewer } from '../hooks/use-auth.ts';
import { useApi } from '../lib/api-context.tsx';
import type { RouteDef } from '../route-types.ts';

/**
 * Confirms an email from its link. A button, not an automatic request on load: mail scanners open
 * links, and a page that acted on GET would spend the single-use token for them.
 */
export function VerifyEmailPage() {
  const api = useApi();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const viewer = useViewer();
  const updated = useUserUpdated();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setState('busy');
    setError(null);
    try {
      const user = await api.auth.verifyEmail({ token });
      if (viewer?.id === user.id) updated(user);
      setState('done');
    } catch (err) {
      setError(applyServerErrors(err, () => {}, []));
      setState('idle');
    }
  };
  return (
    <AuthCard title="Confirm your email">
      {!token ? (
        <FormAlert message="This page needs the link from the email we sent you." />
      ) : state === 'done' ? (
        <div className="space-y-4">
          <FormAlert message="Thank you: your email is confirmed." tone="success" />
          <Link href={viewer ? '/account' : '/sign-in'} className={authButton.primary}>
            {viewer ? 'Back to your account' : 'Sign in'}
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-300">Confirm that this email address is yours.</p>
          <FormAlert message={error} />
          <button
            type="button"
            className={authButton.primary}
            onClick={() => void confirm()}
            disabled={state === 'busy'}
          >
            Confirm my email
          </button>
        </div>
      )}
    </AuthCard>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: VerifyEmailPage,
  head: () => ({ title: 'Confirm your email' }),
};
