import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { Api } from '#shared/api';
import type { HeadTags } from './lib/head.ts';

export type Params = Record<string, string>;

export interface PrefetchContext {
  queryClient: QueryClient;
  api: Api;
  params: Params;
  search: URLSearchParams;
}

export interface RouteDef {
  path: string;
  page: ComponentType<{ params: Params }>;
  /** Loads the route's data on the server before rendering (and is fine to call on the client). */
  prefetch?: (ctx: PrefetchContext) => Promise<unknown>;
  /** The page's <head>, from its params and the data the prefetch loaded. */
  head: (ctx: { params: Params; queryClient: QueryClient; search: URLSearchParams }) => HeadTags;
}
