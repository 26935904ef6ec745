import { dehydrate, HydrationBoundary, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { Router } from 'wouter';
import { isApiError } from '#shared/api';
import type { RenderContext, RenderResult } from '#shared/ssr-contract';
import { App } from './app.tsx';
import { meQuery } from './hooks/use-auth.ts';
import { ApiProvider } from './lib/api-context.tsx';
import { renderHead } from './lib/head.ts';
import { createQueryClient, serializeState } from './lib/query-client.ts';
import type { RouteDef } from './route-types.ts';
import { loadRoute, matchRoute, notFoundRoute } from './routes.tsx';

/** Renders one page: prefetch the route's data, render to a string, dehydrate the same cache. */
export async function render(url: string, ctx: RenderContext): Promise<RenderResult> {
  const parsed = new URL(url, 'http://localhost');
  const queryClient = createQueryClient();
  const match = matchRoute(parsed.pathname);
  let route: RouteDef = match.route ? await loadRoute(match.route) : notFoundRoute;
  let params = match.params;
  let status = match.route ? 200 : 404;
  // Every page's header shows who is signed in: in the cache before rendering, so no flash.
  await queryClient.prefetchQuery(meQuery(ctx.api));
  try {
    await route.prefetch?.({ queryClient, api: ctx.api, params, search: parsed.searchParams });
  } catch (err) {
    status = isApiError(err) ? (err.status === 404 || err.status === 400 ? 404 : err.status) : 500;
    if (status === 404) ({ route, params } = { route: notFoundRoute, params: {} });
  }
  const appProps = {
    initialStatus: status,
    initialPath: parsed.pathname,
    offlineCatalog: ctx.publicConfig.offlineCatalog,
    oauth: ctx.publicConfig.oauth,
  };
  const dehydrated = dehydrate(queryClient);
  const html = renderToString(
    <QueryClientProvider client={queryClient}>
      <ApiProvider api={ctx.api}>
        <HydrationBoundary state={dehydrated}>
          <Router ssrPath={parsed.pathname} ssrSearch={parsed.search.replace(/^\?/, '')}>
            <App {...appProps} />
          </Router>
        </HydrationBoundary>
      </ApiProvider>
    </QueryClientProvider>,
  );
  const head =
    status >= 500
      ? renderHead({ title: 'Something went wrong' }, ctx.origin)
      : renderHead(route.head({ params, queryClient, search: parsed.searchParams }), ctx.origin);
  queryClient.clear();
  // entry-client loads the matched route's module before hydrating, whatever the status.
  const pageModule = match.route?.module ?? null;
  return { status, head, html, state: serializeState({ app: appProps, queries: dehydrated }), pageModule };
}
