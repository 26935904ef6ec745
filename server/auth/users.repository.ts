import { eq, sql, type SQL } from 'drizzle-orm';
import { users } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import { AppError } from '../http/errors.ts';

// Never `select *`: the password hash leaves the database only where a password is checked.
const publicCols = {
  id: users.id,
  email: users.email,
  username: users.username,
  displayName: users.displayName,
  firstName: users.firstName,
  lastName: users.lastName,
  profileImageUrl: users.profileImageUrl,
  phoneNumber: users.phoneNumber,
  providers: users.providers,
  isAdmin: users.isAdmin,
  isVerified: users.isVerified,
  isBanned: users.isBanned,
  tokenVersion: users.tokenVersion,
  createdAt: users.createdAt,
};
const withHash = { ...publicCols, passwordHash: users.passwordHash };
export type UserRow = { [K in keyof typeof publicCols]: (typeof users.$inferSelect)[K] };
export type UserWithHash = UserRow & { passwordHash: string | null };

const FIELD_OF: Record<string, { field: string; message: string }> = {
  users_email_lower_uq: { field: 'email', message: 'An account with this email already exists' },
  users_username_lower_uq: { field: 'username', message: 'This username is taken' },
  users_phone_uq: { field: 'phoneNumber', message: 'This phone number belongs to another account' },
};

/** The constraint a unique violation (23505) hit, or null for any other error (drizzle wraps pg's in `cause`). */
export function uniqueViolation(err: unknown): string | null {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: unknown; constraint?: unknown };
    if (pg.code === '23505') return typeof pg.constraint === 'string' ? pg.constraint : '';
  }
  return null;
}

/** The unique indexes settle races (two sign-ups with one email): their violation becomes a 409. */
async function orConflict<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === null) throw err;
    const issue = FIELD_OF[constraint] ?? { field: '(body)', message: 'Already exists' };
    throw new AppError('CONFLICT', issue.message, [issue], { cause: err });
  }
}

export interface NewUser {
  email: string | null;
  username: string;
  displayName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  profileImageUrl?: string | null;
  phoneNumber?: string | null;
  passwordHash?: string | null;
  providers: string[];
  isAdmin: boolean;
  isVerified: boolean;
}

export function createUsersRepository(db: Executor) {
  const one = async (where: SQL) => (await db.select(publicCols).from(users).where(where))[0] ?? null;
  return {
    /** ConflictError (409, with the field) on a duplicate email, username or phone number. */
    async insert(user: NewUser): Promise<UserRow> {
      const [row] = await orConflict(db.insert(users).values(user).returning(publicCols));
      return row!;
    },
    findById: (id: string) => one(eq(users.id, id)),
    findByEmail: (email: string) => one(sql`lower(${users.email}) = lower(${email})`),
    findByPhone: (phone: string) => one(eq(users.phoneNumber, phone)),
    /** By email or username (usernames cannot contain `@`), with the password hash. */
    async findForSignIn(login: string): Promise<UserWithHash | null> {
      const where = login.includes('@')
        ? sql`lower(${users.email}) = lower(${login})`
        : sql`lower(${users.username}) = lower(${login})`;
      return (await db.select(withHash).from(users).where(where))[0] ?? null;
    },
    async passwordHashOf(id: string): Promise<string | null> {
      const [row] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id));
      return row?.h ?? null;
    },
    async update(
      id: string,
      patch: Partial<
        Pick<NewUser, 'displayName' | 'firstName' | 'lastName' | 'phoneNumber' | 'isAdmin' | 'isVerified'>
      >,
    ): Promise<UserRow | null> {
      if (Object.keys(patch).length === 0) return this.findById(id);
      const [row] = await orConflict(
        db
          .update(users)
          .set({ ...patch, updatedAt: sql`now()` })
          .where(eq(users.id, id))
          .returning(publicCols),
      );
      return row ?? null;
    },
    /** Adds a sign-in method to `providers` once. */
    async addProvider(id: string, provider: string): Promise<void> {
      await db
        .update(users)
        .set({
          providers: sql`CASE WHEN ${provider} = ANY(${users.providers}) THEN ${users.providers} ELSE array_append(${users.providers}, ${provider}) END`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id));
    },
    /** Callers revoke sessions and tokens in the same transaction (revokeIn). */
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db
        .update(users)
        .set({
          passwordHash,
          providers: sql`CASE WHEN 'password' = ANY(${users.providers}) THEN ${users.providers} ELSE array_append(${users.providers}, 'password') END`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id));
    },
    /** Drops the password of an account whose email was never proven (see completeOAuth). */
    async clearPassword(id: string): Promise<void> {
      await db
        .update(users)
        .set({
          passwordHash: null,
          providers: sql`array_remove(${users.providers}, 'password')`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id));
    },
    /** Every access token and session issued before now stops working. Returns the new version. */
    async bumpTokenVersion(id: string): Promise<number | null> {
      const [row] = await db
        .update(users)
        .set({ tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: sql`now()` })
        .where(eq(users.id, id))
        .returning({ v: users.tokenVersion });
      return row?.v ?? null;
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
