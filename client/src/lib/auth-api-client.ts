import { isApiError, type Query } from '#shared/api';
import { authPaths as p, type AuthApi } from '#shared/auth-api';
import type { AcceptedBody, UserBody } from '#shared/contracts/auth';

interface Transport {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  get<T>(path: string, query?: Query): Promise<T>;
}

/** The browser's auth Api over fetch (cookies ride along; writes carry the CSRF header). */
export function createBrowserAuthApi({ request, get }: Transport): AuthApi {
  const user = async (pending: Promise<UserBody>) => (await pending).user;
  const message = async (pending: Promise<AcceptedBody>) => (await pending).message;
  return {
    async me() {
      try {
        return (await get<UserBody>(p.me())).user;
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null;
        throw err;
      }
    },
    signUp: (body) => user(request('POST', p.signUp(), body)),
    signIn: (body) => user(request('POST', p.signIn(), body)),
    signOut: () => request('POST', p.signOut()),
    updateProfile: (body) => user(request('PATCH', p.me(), body)),
    changePassword: (body) => request('POST', p.changePassword(), body),
    signOutEverywhere: () => request('POST', p.signOutEverywhere()),
    requestCode: async (body) => {
      await request('POST', p.requestCode(), body);
    },
    verifyCode: (body) => user(request('POST', p.verifyCode(), body)),
    requestEmailVerification: () => message(request('POST', p.requestEmailVerification())),
    verifyEmail: (body) => user(request('POST', p.verifyEmail(), body)),
    forgotPassword: (body) => message(request('POST', p.forgotPassword(), body)),
    resetPassword: (body) => request('POST', p.resetPassword(), body),
  };
}
