import type { Api } from './api.ts';
import type { UserView } from './contracts/auth.ts';

/** What the server hands the SSR bundle for one request, and what it gets back. */
export interface RenderContext {
  api: Api;
  publicConfig: { oauth: { google: boolean; github: boolean }; offlineCatalog: boolean };
  /** The signed-in user's summary, or null; rendered into the header with no flash. */
  viewer: UserView | null;
  /** The public origin, for canonical and Open Graph URLs. */
  origin: string;
}
export interface RenderResult {
  status: number;
  head: string;
  html: string;
  state: string;
  /** The page module the browser loads before hydrating (as the build manifest names it), or null. */
  pageModule: string | null;
}
export type RenderFn = (url: string, ctx: RenderContext) => Promise<RenderResult>;
