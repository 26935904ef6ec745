import { Router, type Request, type Response } from 'express';
import { Passport } from 'passport';
import { Strategy as GitHubStrategy, type Profile as GitHubProfile } from 'passport-github2';
import { Strategy as GoogleStrategy, type Profile as GoogleProfile } from 'passport-google-oauth20';
import { OAuthStartQuery } from '#shared/contracts/auth';
import { safeReturnTo } from '#shared/return-to';
import type { Config } from '../config.ts';
import { AppError, ForbiddenError, UpstreamUnavailableError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';
import type { AuthDeps } from './auth-deps.ts';
import { authDoc, type AuthRouteOptions } from './auth-route-docs.ts';
import type { UserRow } from './auth.service.ts';
import { completeOAuth, type ProviderIdentity } from './oauth.service.ts';
import { instrumentOAuthTransport } from './oauth-transport.ts';
import { startSession } from './session-control.ts';

type Provider = 'google' | 'github';
type Done = (err: unknown, user?: UserRow | false) => void;
const LABEL: Record<Provider, string> = { google: 'Google', github: 'GitHub' };
const PROVIDER_TIMEOUT_MS = 5_000;

export interface OAuthRouteOptions extends AuthRouteOptions {
  oauth: Config['oauth'];
  publicUrl: string;
  metrics: Metrics;
}

function googleIdentity(p: GoogleProfile): ProviderIdentity {
  const json = p._json as { email?: string; email_verified?: boolean | string };
  return {
    provider: 'google',
    providerUserId: p.id,
    email: json.email ?? null,
    emailVerified: json.email_verified === true || json.email_verified === 'true',
    displayName: p.displayName || null,
    firstName: p.name?.givenName ?? null,
    lastName: p.name?.familyName ?? null,
    avatarUrl: p.photos?.[0]?.value ?? null,
    usernameHint: (json.email ?? p.displayName ?? 'google').split('@')[0] ?? 'google',
  };
}

function githubIdentity(p: GitHubProfile): ProviderIdentity {
  // With allRawEmails, GitHub's /user/emails answer: [{ value, primary, verified }].
  const emails = (p.emails ?? []) as { value: string; primary?: boolean; verified?: boolean }[];
  const best = emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified) ?? emails[0];
  return {
    provider: 'github',
    providerUserId: String(p.id),
    email: best?.value ?? null,
    emailVerified: best?.verified === true,
    displayName: p.displayName || null,
    firstName: null,
    lastName: null,
    avatarUrl: p.photos?.[0]?.value ?? null,
    usernameHint: p.username ?? 'github',
  };
}

/**
 * Google and GitHub sign-in through passport, without passport's own session: passport checks
 * `state` (and, for Google, PKCE) against express-session; on success we regenerate the session
 * ourselves and redirect to the saved `returnTo` (a relative path, else `/`). Routes exist only
 * for configured providers.
 */
export function oauthRoutes(deps: AuthDeps, o: OAuthRouteOptions): Router {
  const router = Router();
  const passport = new Passport();
  const doc = authDoc(o.docs);
  const callbackURL = (p: Provider) => `${o.publicUrl.replace(/\/$/, '')}/api/auth/${p}/callback`;

  const verify =
    (provider: Provider) =>
    (req: Request, _at: string, _rt: string, profile: GoogleProfile | GitHubProfile, done: Done) => {
      const identity =
        provider === 'google' ? googleIdentity(profile as GoogleProfile) : githubIdentity(profile as GitHubProfile);
      // Already signed in with a browser session: this links the provider to that account.
      const current = req.viewer?.via === 'session' ? req.viewer.userId : null;
      completeOAuth(deps, identity, current).then((user) => done(null, user), done);
    };

  const google = o.oauth.google;
  if (google) {
    const strategy = new GoogleStrategy(
      {
        clientID: google.clientId,
        clientSecret: google.clientSecret,
        callbackURL: callbackURL('google'),
        authorizationURL: google.authUrl,
        tokenURL: google.tokenUrl,
        userProfileURL: google.userInfoUrl,
        scope: ['openid', 'email', 'profile'],
        state: true,
        pkce: true,
        // Distinct keys: both providers may sit on one host (a test mock), and flows must not collide.
        sessionKey: 'oauth2:google',
        passReqToCallback: true,
      } as ConstructorParameters<typeof GoogleStrategy>[0],
      verify('google'),
    );
    instrumentOAuthTransport(strategy, { service: 'google', metrics: o.metrics, timeoutMs: PROVIDER_TIMEOUT_MS });
    passport.use('google', strategy);
  }
  const github = o.oauth.github;
  if (github) {
    const strategy = new GitHubStrategy(
      {
        clientID: github.clientId,
        clientSecret: github.clientSecret,
        callbackURL: callbackURL('github'),
        authorizationURL: github.authUrl,
        tokenURL: github.tokenUrl,
        userProfileURL: `${github.apiUrl}/user`,
        userEmailURL: `${github.apiUrl}/user/emails`,
        allRawEmails: true,
        scope: ['read:user', 'user:email'],
        state: true,
        sessionKey: 'oauth2:github',
        passReqToCallback: true,
        // @types/passport-github2 declares `state` a string; passport-oauth2 takes `true` (state kept in the session).
      } as unknown as ConstructorParameters<typeof GitHubStrategy>[0],
      verify('github'),
    );
    instrumentOAuthTransport(strategy, { service: 'github', metrics: o.metrics, timeoutMs: PROVIDER_TIMEOUT_MS });
    passport.use('github', strategy);
  }

  for (const provider of (['google', 'github'] as const).filter((p) => o.oauth[p])) {
    doc({
      method: 'get',
      path: `/${provider}`,
      guard: 'public',
      query: OAuthStartQuery,
      responses: { 302: null },
      summary: `302 to ${LABEL[provider]} with a state${provider === 'google' ? ' and a PKCE challenge' : ''}. returnTo (a relative path) is kept in the session.`,
    });
    router.get(`/${provider}`, (req, res, next) => {
      req.session.returnTo = safeReturnTo(req.query.returnTo);
      passport.authenticate(provider, { session: false })(req, res, next);
    });

    doc({
      method: 'get',
      path: `/${provider}/callback`,
      guard: 'public',
      responses: { 302: null },
      summary: `${LABEL[provider]} returns here: signs in (creating the account, or linking by an email the provider says is verified; linking to the signed-in account), then 302 to returnTo. A missing or wrong state: 403. Declined at the provider: 302 to /sign-in?error=oauth_denied.`,
    });
    router.get(`/${provider}/callback`, (req, res, next) => {
      passport.authenticate(provider, { session: false }, (err: unknown, user: UserRow | false) => {
        finish(req, res, provider, err, user).catch(next);
      })(req, res, next);
    });
  }

  async function finish(req: Request, res: Response, provider: Provider, err: unknown, user: UserRow | false) {
    if (err) throw asAppError(err, provider);
    if (!user) {
      if (req.query.error === 'access_denied') return res.redirect(302, '/sign-in?error=oauth_denied');
      throw new ForbiddenError(
        `${LABEL[provider]} sign-in could not be verified (state mismatch or expired); start again`,
      );
    }
    const returnTo = safeReturnTo(req.session.returnTo);
    await startSession(req, user);
    res.redirect(302, returnTo);
  }

  return router;
}

/** Our own refusals pass through; the provider refusing the code is a 403; no answer is a 503. */
function asAppError(err: unknown, provider: Provider): AppError {
  if (err instanceof AppError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TokenError' || name === 'AuthorizationError') {
    return new ForbiddenError(`${LABEL[provider]} refused the sign-in; start again`);
  }
  return new UpstreamUnavailableError(LABEL[provider], { cause: err });
}
