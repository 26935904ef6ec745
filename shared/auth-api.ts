import type {
  ChangePasswordBody,
  EmailVerifyBody,
  ForgotPasswordBody,
  OtpRequestBody,
  OtpVerifyBody,
  ResetPasswordBody,
  SignInBody,
  SignUpBody,
  UpdateProfileBody,
  UserView,
} from './contracts/auth.ts';

/** The accounts part of the typed Api (shared/api.ts). */
export interface AuthApi {
  /** The signed-in user, or null when anonymous (the API's 401). */
  me(): Promise<UserView | null>;
  signUp(body: SignUpBody): Promise<UserView>;
  signIn(body: SignInBody): Promise<UserView>;
  signOut(): Promise<void>;
  updateProfile(body: UpdateProfileBody): Promise<UserView>;
  changePassword(body: ChangePasswordBody): Promise<void>;
  signOutEverywhere(): Promise<void>;
  requestCode(body: OtpRequestBody): Promise<void>;
  verifyCode(body: OtpVerifyBody): Promise<UserView>;
  /** Resolves to the message to show. */
  requestEmailVerification(): Promise<string>;
  verifyEmail(body: EmailVerifyBody): Promise<UserView>;
  forgotPassword(body: ForgotPasswordBody): Promise<string>;
  resetPassword(body: ResetPasswordBody): Promise<void>;
}

/** Where each auth call lives over HTTP. */
export const authPaths = {
  me: () => '/api/auth/me',
  signUp: () => '/api/auth/signup',
  signIn: () => '/api/auth/signin',
  signOut: () => '/api/auth/logout',
  changePassword: () => '/api/auth/password/change',
  signOutEverywhere: () => '/api/auth/sessions/revoke-all',
  requestCode: () => '/api/auth/otp/request',
  verifyCode: () => '/api/auth/otp/verify',
  requestEmailVerification: () => '/api/auth/email/verify/request',
  verifyEmail: () => '/api/auth/email/verify',
  forgotPassword: () => '/api/auth/password/forgot',
  resetPassword: () => '/api/auth/password/reset',
  /** Full-page navigations (not fetch): the provider's consent screen, then back to `returnTo`. */
  oauth: (provider: 'google' | 'github', returnTo: string) =>
    `/api/auth/${provider}?returnTo=${encodeURIComponent(returnTo)}`,
};
