import { useQueryClient, useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Suspense, use, useEffect } from 'react';
import { Route, Switch, useLocation, useSearch } from 'wouter';
import { fullTitle } from './lib/head.ts';
import type { RouteDef } from './route-types.ts';
import { ErrorBoundary, statusOf } from './components/layout/error-boundary.tsx';
import { SiteFooter } from './components/layout/site-footer.tsx';
import { SiteHeader } from './components/layout/site-header.tsx';
import { PageSkeleton } from './components/ui/page-skeleton.tsx';
import { useLiveEvents } from './hooks/use-live-events.ts';
import { PublicConfigProvider, type PublicConfig } from './lib/public-config.tsx';
import { ErrorPage } from './pages/error-page.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { loadRoute, routes, type LazyRoute } from './routes.tsx';

export interface AppProps {
  /** The status the server answered the first page with; 404/5xx pages hydrate as such. */
  initialStatus: number;
  initialPath: string;
  offlineCatalog: boolean;
  /** Which sign-in providers are configured (their buttons show only then). */
  oauth: PublicConfig['oauth'];
}

/** Keeps the document title in step after client-side navigation (the server renders the full head). */
function HeadSync({ route, params }: { route: RouteDef; params: Record<string, string> }) {
  const queryClient = useQueryClient();
  const search = useSearch();
  const title = fullTitle(route.head({ params, queryClient, search: new URLSearchParams(search) }).title);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

/** A page whose module may still be loading: suspends until it is (the first page is loaded before hydration). */
function RoutePage({ route, params }: { route: LazyRoute; params: Record<string, string> }) {
  const def = use(loadRoute(route));
  return (
    <>
      <def.page params={params} />
      <HeadSync route={def} params={params} />
    </>
  );
}

function Pages({ initialStatus, initialPath }: Pick<AppProps, 'initialStatus' | 'initialPath'>) {
  const [location] = useLocation();
  const { reset } = useQueryErrorResetBoundary();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
  if (location === initialPath && initialStatus === 404) return <NotFoundPage />;
  if (location === initialPath && initialStatus >= 500) return <ErrorPage status={initialStatus} />;
  return (
    <ErrorBoundary
      resetKey={location}
      fallback={(error, retry) =>
        statusOf(error) === 404 ? (
          <NotFoundPage />
        ) : (
          <ErrorPage
            status={statusOf(error)}
            onRetry={() => {
              reset();
              retry();
            }}
          />
        )
      }
    >
      <Suspense fallback={<PageSkeleton />}>
        <Switch>
          {routes.map((r) => (
            <Route key={r.path} path={r.path}>
              {(params) => <RoutePage route={r} params={params as Record<string, string>} />}
            </Route>
          ))}
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}

export function App(props: AppProps) {
  // One WebSocket for the whole page (opened after hydration): server events refresh matching queries.
  useLiveEvents();
  useEffect(() => {
    // A visible signal that the page is interactive (browser tests wait for it before clicking).
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <PublicConfigProvider value={{ oauth: props.oauth }}>
      <div className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50">
          Skip to content
        </a>
        <SiteHeader />
        <div className="flex-1">
          <Pages initialStatus={props.initialStatus} initialPath={props.initialPath} />
        </div>
        <SiteFooter offlineCatalog={props.offlineCatalog} />
      </div>
    </PublicConfigProvider>
  );
}
