import { Link, useLocation, useSearch } from 'wouter';
import { safeReturnTo } from '#shared/return-to';
import { AuthCard } from '../components/auth/auth-card.tsx';
import { authLink } from '../components/auth/auth-styles.ts';
import { PhoneCodeForm } from '../components/auth/phone-code-form.tsx';
import { useSignedIn } from '../hooks/use-auth.ts';
import type { RouteDef } from '../route-types.ts';

export function PhoneSignInPage() {
  const returnTo = safeReturnTo(new URLSearchParams(useSearch()).get('returnTo'));
  const signedIn = useSignedIn();
  const [, navigate] = useLocation();
  return (
    <AuthCard
      title="Sign in with your phone"
      intro="No password needed: we text you a code. A new number gets a new account."
      footer={
        <p>
          <Link href="/sign-in" className={authLink}>
            Sign in with email instead
          </Link>
        </p>
      }
    >
      <PhoneCodeForm
        onVerified={async (user) => {
          await signedIn(user);
          navigate(returnTo);
        }}
      />
    </AuthCard>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: PhoneSignInPage,
  head: () => ({ title: 'Sign in with your phone' }),
};
