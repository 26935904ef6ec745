import type { AuthApi } from '#shared/auth-api';
import type { UserView } from '#shared/contracts/auth';
import { AppError } from '../http/errors.ts';

/**
 * The auth Api during server rendering: `me` answers from the user already loaded for this
 * request. Everything else changes a session or sends a message, which only a real request
 * (the browser's fetch) may do.
 */
export function createSsrAuthApi(
  viewerUser: UserView | null,
  wrap: <T>(work: () => Promise<T>) => Promise<T>,
): AuthApi {
  const browserOnly = () =>
    wrap<never>(async () => {
      throw new AppError('VALIDATION_ERROR', 'Account actions are not available while rendering');
    });
  return {
    me: async () => viewerUser,
    signUp: browserOnly,
    signIn: browserOnly,
    signOut: browserOnly,
    updateProfile: browserOnly,
    changePassword: browserOnly,
    signOutEverywhere: browserOnly,
    requestCode: browserOnly,
    verifyCode: browserOnly,
    requestEmailVerification: browserOnly,
    verifyEmail: browserOnly,
    forgotPassword: browserOnly,
    resetPassword: browserOnly,
  };
}
