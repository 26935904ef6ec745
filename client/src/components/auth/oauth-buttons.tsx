import { authPaths } from '#shared/auth-api';
import { usePublicConfig } from '../../lib/public-config.tsx';
import { authButton } from './auth-styles.ts';

const LABELS = { google: 'Continue with Google', github: 'Continue with GitHub' } as const;

/**
 * One button per configured provider (none at all when none is configured). These are plain
 * links: the provider's consent screen is a full-page navigation, not a fetch.
 */
export function OAuthButtons({ returnTo, verb }: { returnTo: string; verb?: string }) {
  const { oauth } = usePublicConfig();
  const providers = (['google', 'github'] as const).filter((p) => oauth[p]);
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2">
      {providers.map((p) => (
        <a key={p} href={authPaths.oauth(p, returnTo)} className={`${authButton.secondary} w-full`}>
          {verb ? LABELS[p].replace('Continue', verb) : LABELS[p]}
        </a>
      ))}
      <div className="flex items-center gap-3 py-2 text-xs uppercase tracking-wide text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-white/10" />
        or
        <span className="h-px flex-1 bg-white/10" />
      </div>
    </div>
  );
}
