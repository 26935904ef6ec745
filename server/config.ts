import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Every variable is validated once at start-up; a bad value stops
// the process with a message naming the variable (index.ts prints it and exits 1).
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
const csv = optionalString.transform((v) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean),
);

const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(5000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    PUBLIC_URL: optionalString.pipe(z.string().url().optional()),
    SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ADMIN_EMAILS: csv,
    TMDB_API_KEY: optionalString,
    TMDB_BASE_URL: z.string().url().default('https://api.themoviedb.org/3'),
    TMDB_IMAGE_BASE_URL: z.string().url().default('https://image.tmdb.org/t/p'),
    TMDB_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
    TMDB_RATE_PER_SECOND: z.coerce.number().positive().default(35),
    CACHE_TTL_DETAIL_S: z.coerce
      .number()
      .int()
      .positive()
      .default(24 * 3600),
    CACHE_TTL_PERSON_S: z.coerce
      .number()
      .int()
      .positive()
      .default(7 * 24 * 3600),
    CACHE_TTL_LIST_S: z.coerce.number().int().positive().default(3600),
    // How long "TMDB has no such id" is remembered, so a flood of bad ids stays off TMDB.
    CACHE_TTL_NOT_FOUND_S: z.coerce.number().int().positive().default(600),
    // Instances sharing one outbound IP (PM2's cluster size): each takes 1/N of TMDB_RATE_PER_SECOND.
    TMDB_INSTANCES: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a whole number').optional()),
    WEB_CONCURRENCY: optionalString,
    // Background jobs this process runs at once; 0 makes it enqueue only (a web-only instance).
    JOBS_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(1),
    // Encode AVIF copies of cached images in the background (served to browsers that accept AVIF).
    IMAGE_AVIF: z.enum(['0', '1', 'true', 'false']).default('1'),
    CLOUDINARY_URL: optionalString.pipe(
      z
        .string()
        .regex(/^cloudinary:\/\//, 'must be a cloudinary:// URL')
        .optional(),
    ),
    SENDGRID_API_KEY: optionalString,
    // Where the SendGrid SDK sends mail (tests point it at a local fake).
    SENDGRID_BASE_URL: z.string().url().default('https://api.sendgrid.com/'),
    // Per-call timeout for SendGrid and Twilio (each call is tried at most 3 times).
    NOTIFY_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    MAIL_FROM: z.string().email().default('CineHub Pro <no-reply@cinehub.local>').or(z.string().min(3)),
    TWILIO_ACCOUNT_SID: optionalString.pipe(z.string().startsWith('AC', 'must start with AC').optional()),
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_FROM: optionalString,
    // Unset: the SDK's own hosts. Set: every Twilio API call goes to this origin instead (tests).
    TWILIO_BASE_URL: optionalString.pipe(z.string().url().optional()),
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    GITHUB_CLIENT_ID: optionalString,
    GITHUB_CLIENT_SECRET: optionalString,
    // Provider endpoints, overridable so tests can point the real strategies at a local mock.
    GOOGLE_AUTH_URL: z.string().url().default('https://accounts.google.com/o/oauth2/v2/auth'),
    GOOGLE_TOKEN_URL: z.string().url().default('https://oauth2.googleapis.com/token'),
    GOOGLE_USERINFO_URL: z
      .string()
      .url()
      .refine((u) => new URL(u).pathname.endsWith('/userinfo'), 'must end in /userinfo (OpenID Connect format)')
      .default('https://openidconnect.googleapis.com/v1/userinfo'),
    GITHUB_AUTH_URL: z.string().url().default('https://github.com/login/oauth/authorize'),
    GITHUB_TOKEN_URL: z.string().url().default('https://github.com/login/oauth/access_token'),
    GITHUB_API_URL: z.string().url().default('https://api.github.com'),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
    // Set by `npm run dev`: Vite in middleware mode with hot reload instead of the built bundles.
    CINEHUB_DEV_SERVER: z.enum(['0', '1']).default('0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.SESSION_SECRET, {
    path: ['SESSION_SECRET'],
    message: 'is required in production',
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.JWT_SECRET, {
    path: ['JWT_SECRET'],
    message: 'is required in production',
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.BCRYPT_COST >= 12, {
    path: ['BCRYPT_COST'],
    message: 'must be at least 12 in production',
  })
  .refine((e) => !e.TWILIO_ACCOUNT_SID === !e.TWILIO_AUTH_TOKEN, {
    path: ['TWILIO_AUTH_TOKEN'],
    message: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together',
  })
  .refine((e) => !e.GOOGLE_CLIENT_ID === !e.GOOGLE_CLIENT_SECRET, {
    path: ['GOOGLE_CLIENT_SECRET'],
    message: 'GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET go together',
  })
  .refine((e) => !e.GITHUB_CLIENT_ID === !e.GITHUB_CLIENT_SECRET, {
    path: ['GITHUB_CLIENT_SECRET'],
    message: 'GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together',
  });

export class ConfigError extends Error {}

export type Config = ReturnType<typeof loadConfig>;

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env) {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      'Invalid configuration:\n' +
        parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n'),
    );
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const production = env.NODE_ENV === 'production';
  // TMDB limits by IP: instances behind one address split the budget (WEB_CONCURRENCY is PM2's count).
  const instances = Number(env.TMDB_INSTANCES ?? (/^\d+$/.test(env.WEB_CONCURRENCY ?? '') ? env.WEB_CONCURRENCY : 1));
  const tmdbRate = env.TMDB_RATE_PER_SECOND / Math.max(1, instances);
  return {
    mode: env.NODE_ENV,
    production,
    viteDev: env.CINEHUB_DEV_SERVER === '1',
    port: env.PORT,
    host: env.HOST,
    dataDir,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    publicUrlSet: env.PUBLIC_URL !== undefined,
    logLevel: env.LOG_LEVEL,
    db: env.DATABASE_URL
      ? { kind: 'postgres' as const, url: env.DATABASE_URL }
      : { kind: 'embedded' as const, dir: path.join(dataDir, 'pg') },
    secrets: {
      // Outside production an unset secret is generated once into DATA_DIR, so sessions survive restarts.
      session: env.SESSION_SECRET ?? persistedSecret(dataDir, 'session-secret'),
      jwt: env.JWT_SECRET ?? persistedSecret(dataDir, 'jwt-secret'),
    },
    adminEmails: env.ADMIN_EMAILS,
    bcryptCost: env.BCRYPT_COST,
    tmdb: env.TMDB_API_KEY
      ? {
          kind: 'remote' as const,
          key: env.TMDB_API_KEY,
          baseUrl: env.TMDB_BASE_URL.replace(/\/$/, ''),
          imageBaseUrl: env.TMDB_IMAGE_BASE_URL.replace(/\/$/, ''),
          timeoutMs: env.TMDB_TIMEOUT_MS,
          ratePerSecond: tmdbRate,
        }
      : { kind: 'offline' as const, timeoutMs: env.TMDB_TIMEOUT_MS, ratePerSecond: tmdbRate },
    cacheTtl: {
      detailS: env.CACHE_TTL_DETAIL_S,
      personS: env.CACHE_TTL_PERSON_S,
      listS: env.CACHE_TTL_LIST_S,
      notFoundS: env.CACHE_TTL_NOT_FOUND_S,
    },
    images: env.CLOUDINARY_URL
      ? { kind: 'cloudinary' as const, url: env.CLOUDINARY_URL, dir: path.join(dataDir, 'images') }
      : { kind: 'disk' as const, dir: path.join(dataDir, 'images') },
    imageAvif: env.IMAGE_AVIF === '1' || env.IMAGE_AVIF === 'true',
    jobs: { concurrency: env.JOBS_CONCURRENCY },
    mail: env.SENDGRID_API_KEY
      ? {
          kind: 'sendgrid' as const,
          apiKey: env.SENDGRID_API_KEY,
          from: env.MAIL_FROM,
          baseUrl: env.SENDGRID_BASE_URL,
          timeoutMs: env.NOTIFY_TIMEOUT_MS,
        }
      : { kind: 'outbox' as const, from: env.MAIL_FROM },
    sms:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
        ? {
            kind: 'twilio' as const,
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            from: env.TWILIO_FROM,
            baseUrl: env.TWILIO_BASE_URL?.replace(/\/$/, '') ?? null,
            timeoutMs: env.NOTIFY_TIMEOUT_MS,
          }
        : { kind: 'outbox' as const },
    oauth: {
      google:
        env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
          ? {
              clientId: env.GOOGLE_CLIENT_ID,
              clientSecret: env.GOOGLE_CLIENT_SECRET,
              authUrl: env.GOOGLE_AUTH_URL,
              tokenUrl: env.GOOGLE_TOKEN_URL,
              userInfoUrl: env.GOOGLE_USERINFO_URL,
            }
          : null,
      github:
        env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
          ? {
              clientId: env.GITHUB_CLIENT_ID,
              clientSecret: env.GITHUB_CLIENT_SECRET,
              authUrl: env.GITHUB_AUTH_URL,
              tokenUrl: env.GITHUB_TOKEN_URL,
              apiUrl: env.GITHUB_API_URL.replace(/\/$/, ''),
            }
          : null,
    },
  };
}

function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** What the browser may know of the configuration: nothing secret. */
export function publicConfig(config: Config) {
  return {
    oauth: { google: config.oauth.google !== null, github: config.oauth.github !== null },
    offlineCatalog: config.tmdb.kind === 'offline',
  };
}
