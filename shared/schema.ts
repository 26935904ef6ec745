import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// Every table of the product. Migrations are generated from this file by drizzle-kit
// (`npm run db:generate`) and committed under server/db/migrations; never `push`.

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email'),
    username: text('username').notNull(),
    displayName: text('display_name'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    profileImageUrl: text('profile_image_url'),
    phoneNumber: text('phone_number'),
    passwordHash: text('password_hash'),
    providers: text('providers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isAdmin: boolean('is_admin').notNull().default(false),
    isVerified: boolean('is_verified').notNull().default(false),
    isBanned: boolean('is_banned').notNull().default(false),
    // Bumped by a ban, a password reset or "sign out everywhere": access JWTs carry it, so they die at once.
    tokenVersion: integer('token_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`),
    uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_phone_uq').on(t.phoneNumber),
    index('users_created_idx').on(t.createdAt),
  ],
);

/** Refresh tokens for API clients, stored only as SHA-256 hashes; rotated on use, grouped in families. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('auth_sessions_token_uq').on(t.tokenHash),
    index('auth_sessions_user_idx').on(t.userId),
    index('auth_sessions_family_idx').on(t.familyId),
  ],
);

export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    providerUserId: text('provider_user_id').notNull(),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('social_accounts_provider_uq').on(t.provider, t.providerUserId),
    index('social_accounts_user_idx').on(t.userId),
  ],
);

/** express-session's store (connect-pg-simple); declared here so migrations own it. */
export const session = pgTable(
  'session',
  {
    sid: varchar('sid').primaryKey(),
    sess: json('sess').notNull(),
    expire: timestamp('expire', { precision: 6 }).notNull(),
  },
  (t) => [index('IDX_session_expire').on(t.expire)],
);

// media_id is text: TMDB ids for movie/tv, our UUIDs for custom titles.
export const favorites = pgTable(
  'favorites',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mediaType: text('media_type').notNull(),
    mediaId: text('media_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('favorites_user_media_uq').on(t.userId, t.mediaType, t.mediaId),
    index('favorites_user_created_idx').on(t.userId, t.createdAt),
  ],
);

export const watchlists = pgTable(
  'watchlists',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    isPublic: boolean('is_public').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('watchlists_user_idx').on(t.userId, t.createdAt)],
);

export const watchlistItems = pgTable(
  'watchlist_items',
  {
    id: id(),
    watchlistId: uuid('watchlist_id')
      .notNull()
      .references(() => watchlists.id, { onDelete: 'cascade' }),
    mediaType: text('media_type').notNull(),
    mediaId: text('media_id').notNull(),
    notes: text('notes'),
    position: integer('position').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('watchlist_items_media_uq').on(t.watchlistId, t.mediaType, t.mediaId),
    index('watchlist_items_position_idx').on(t.watchlistId, t.position),
  ],
);

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mediaType: text('media_type').notNull(),
    mediaId: text('media_id').notNull(),
    rating: numeric('rating', { precision: 3, scale: 1, mode: 'number' }).notNull(),
    content: text('content').notNull(),
    // visible | reported (still shown until a moderator decides) | hidden
    status: text('status').notNull().default('visible'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reviews_user_media_uq').on(t.userId, t.mediaType, t.mediaId),
    index('reviews_media_idx').on(t.mediaType, t.mediaId, t.createdAt),
    index('reviews_user_idx').on(t.userId, t.createdAt),
    index('reviews_status_idx').on(t.status),
  ],
);

export const reviewReports = pgTable(
  'review_reports',
  {
    id: id(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('review_reports_uq').on(t.reviewId, t.reporterId)],
);

export const customTitles = pgTable(
  'custom_titles',
  {
    id: id(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    year: text('year'),
    imageUrl: text('image_url'),
    /** The image at imageUrl has been fetched safely and stored: the title has a poster to show. */
    imageReady: boolean('image_ready').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('custom_titles_owner_idx').on(t.ownerId, t.createdAt),
    index('custom_titles_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

/** TMDB responses, keyed by what was asked; served fresh, then stale while TMDB is away. */
export const tmdbCache = pgTable(
  'tmdb_cache',
  {
    cacheKey: text('cache_key').primaryKey(),
    type: text('type').notNull(),
    category: text('category').notNull(),
    tmdbId: integer('tmdb_id'),
    page: integer('page'),
    data: jsonb('data').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('tmdb_cache_lookup_idx').on(t.type, t.category, t.page, t.expiresAt),
    index('tmdb_cache_tmdb_id_idx').on(t.type, t.tmdbId),
  ],
);

/**
 * Every title the cache has seen (from lists, searches and details), one row each, for the
 * trigram fallback search when TMDB finds nothing for a misspelt query.
 */
export const catalogTitles = pgTable(
  'catalog_titles',
  {
    mediaType: text('media_type').notNull(),
    tmdbId: integer('tmdb_id').notNull(),
    // lower-cased, accents stripped
    searchTitle: text('search_title').notNull(),
    year: integer('year'),
    popularity: numeric('popularity', { mode: 'number' }),
    item: jsonb('item').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.mediaType, t.tmdbId] }),
    index('catalog_titles_trgm_idx').using('gin', sql`${t.searchTitle} gin_trgm_ops`),
  ],
);

export const imagesCache = pgTable(
  'images_cache',
  {
    id: id(),
    // what was asked for: `tmdb:<path>` or `custom:<sha256 of url>`, at one size and format
    sourceKey: text('source_key').notNull(),
    size: text('size').notNull(),
    format: text('format').notNull(),
    mediaType: text('media_type'),
    mediaId: text('media_id'),
    storage: text('storage').notNull(),
    location: text('location').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('images_cache_source_uq').on(t.sourceKey, t.size, t.format),
    index('images_cache_media_idx').on(t.mediaType, t.mediaId),
  ],
);

/** Phone sign-in codes, stored hashed; 10 minutes, 5 tries. */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: id(),
    phoneNumber: text('phone_number').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('one_time_codes_phone_idx').on(t.phoneNumber, t.createdAt)],
);

/** Email verification and password reset links: single use, expiring, stored hashed. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_tokens_hash_uq').on(t.tokenHash), index('email_tokens_user_idx').on(t.userId)],
);

/** Messages kept instead of sent when SendGrid/Twilio are not configured (and a log of sent ones). */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull().default('stored'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt), index('audit_log_actor_idx').on(t.actorId)],
);

/** express-rate-limit's shared store: one row per key, exact under concurrency. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});

/** Per-minute counters for the admin charts (requests, cache hits, upstream calls), kept 48 hours. */
export const metricSamples = pgTable(
  'metric_samples',
  {
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    name: text('name').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.name] })],
);
