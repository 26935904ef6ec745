import { HydrationBoundary, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import { hydrateRoot } from 'react-dom/client';
import { App, type AppProps } from './app.tsx';
import { createBrowserApi } from './lib/api-client.ts';
import { ApiProvider } from './lib/api-context.tsx';
import { createQueryClient } from './lib/query-client.ts';
import { loadRoute, matchRoute } from './routes.tsx';
import './styles.css';

async function start() {
  // The first page's module loads before hydration, so the hydrated tree matches the server's HTML.
  const first = matchRoute(window.location.pathname).route;
  if (first) await loadRoute(first);
  const stateEl = document.getElementById('__STATE__');
  const state = JSON.parse(stateEl?.textContent ?? '{}') as { app: AppProps; queries: DehydratedState };
  const queryClient = createQueryClient();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing');

  hydrateRoot(
    root,
    <QueryClientProvider client={queryClient}>
      <ApiProvider api={createBrowserApi()}>
        <HydrationBoundary state={state.queries}>
          <App {...state.app} />
        </HydrationBoundary>
      </ApiProvider>
    </QueryClientProvider>,
  );
}

void start();
