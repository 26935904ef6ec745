import { z } from 'zod';
import './messages.ts';

// Request and response bodies of /api/auth. The same schemas validate requests on the server,
// drive the sign-in/sign-up forms (react-hook-form's zod resolver) and the OpenAPI document.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** bcrypt reads only the first 72 bytes: longer passwords are refused, never silently cut. */
export const PASSWORD_MAX_BYTES = 72;

// A short list of the passwords attackers try first (lengths ≥ 8; shorter ones fail the minimum).
// prettier-ignore
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password12', 'password123', 'password!', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000',
  '88888888', '12341234', '12121212', '123123123', '11223344', 'qwertyui', 'qwertyuiop', 'qwerty123',
  'qwerty12', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'qazwsxedc', 'zaq12wsx', 'q1w2e3r4', '1234qwer',
  'qwer1234', 'asdfghjkl', 'asdf1234', 'abc12345', 'abcd1234', 'abcdefgh', 'iloveyou', 'iloveyou1',
  'sunshine', 'princess', 'football', 'baseball', 'basketball', 'welcome1', 'welcome123', 'letmein1',
  'letmein123', 'trustno1', 'superman', 'batman123', 'changeme', 'changeme1', 'dragon123', 'monkey123',
  'michael1', 'jennifer', 'computer', 'starwars', 'whatever', 'mercedes', 'master123', 'admin123',
  'administrator', 'secret123', 'shadow123', 'freedom1', 'internet', 'cinehub123', 'cinehubpro', 'movies123',
]);

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

export const Password = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine(
    (p) => utf8Bytes(p) <= PASSWORD_MAX_BYTES,
    `Too long: a password may use at most ${PASSWORD_MAX_BYTES} bytes (accented letters and emoji count as 2–4 each)`,
  )
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'This password is too common; choose another');

export const Email = z
  .string()
  .trim()
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'))
  .transform((e) => e.toLowerCase());

export const Username = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(30, 'Use at most 30 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Letters, digits, dots, dashes and underscores only');

const PersonName = z.string().trim().min(1, 'Cannot be blank').max(60, 'Use at most 60 characters');

/** E.164: a plus, a country code, up to 15 digits in all. */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'Use the international format, e.g. +14155550123');

// `.strict()`: isAdmin, isVerified, providers, id or any unknown field is a 400 (no mass assignment).
export const SignUpBody = z
  .object({ email: Email, password: Password, username: Username, displayName: PersonName.optional() })
  .strict();
export type SignUpBody = z.input<typeof SignUpBody>;

/** `email` holds an email or a username. Passwords are not re-checked for strength at sign-in. */
export const Credentials = z
  .object({
    email: z.string().trim().min(1, 'Enter your email or username').max(254),
    password: z.string().min(1, 'Enter your password').max(1024),
  })
  .strict();
export type Credentials = z.input<typeof Credentials>;

export const SignInBody = Credentials.extend({
  /** Keep the session for 30 days instead of 30 idle minutes. */
  remember: z.boolean().optional(),
}).strict();
export type SignInBody = z.input<typeof SignInBody>;

export const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).strict();
export type RefreshBody = z.input<typeof RefreshBody>;

export const UpdateProfileBody = z
  .object({
    displayName: PersonName.nullable().optional(),
    firstName: PersonName.nullable().optional(),
    lastName: PersonName.nullable().optional(),
  })
  .strict();
export type UpdateProfileBody = z.input<typeof UpdateProfileBody>;

/** `currentPassword` is required when the account has a password (not for Google/GitHub/phone-only accounts). */
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().max(1024).optional(), newPassword: Password })
  .strict();
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;

export const OtpRequestBody = z.object({ phoneNumber: PhoneNumber }).strict();
export type OtpRequestBody = z.input<typeof OtpRequestBody>;

export const OtpVerifyBody = z
  .object({
    phoneNumber: PhoneNumber,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Enter the 6-digit code'),
  })
  .strict();
export type OtpVerifyBody = z.input<typeof OtpVerifyBody>;

const LinkToken = z.string().trim().min(20, 'This link is incomplete').max(200, 'This link is malformed');

export const EmailVerifyBody = z.object({ token: LinkToken }).strict();
export type EmailVerifyBody = z.input<typeof EmailVerifyBody>;

export const ForgotPasswordBody = z.object({ email: Email }).strict();
export type ForgotPasswordBody = z.input<typeof ForgotPasswordBody>;

export const ResetPasswordBody = z.object({ token: LinkToken, password: Password }).strict();
export type ResetPasswordBody = z.input<typeof ResetPasswordBody>;

export const OAuthStartQuery = z.object({ returnTo: z.string().max(2000).optional() });

export const AuthProvider = z.enum(['password', 'google', 'github', 'phone']);
export type AuthProvider = z.infer<typeof AuthProvider>;

/** The one public shape of a user: never a hash, a token or an internal flag beyond these. */
export const UserView = z.object({
  id: z.string().uuid(),
  email: z.string().nullable(),
  username: z.string(),
  displayName: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  profileImageUrl: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  providers: z.array(z.string()),
  isAdmin: z.boolean(),
  isVerified: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const UserBody = z.object({ user: UserView });
export type UserBody = z.infer<typeof UserBody>;

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: UserView,
});
export type TokenPair = z.infer<typeof TokenPair>;

/** The body of every 202: the same text whatever happened behind it. */
export const AcceptedBody = z.object({ message: z.string() });
export type AcceptedBody = z.infer<typeof AcceptedBody>;
