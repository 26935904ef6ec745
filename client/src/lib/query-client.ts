import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '#shared/api';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-rendered data is fresh on arrival: no refetch on hydrate.
        staleTime: 60_000,
        retry: (failures, err) => !(isApiError(err) && err.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** JSON for a <script type="application/json">, with <, >, &, U+2028 and U+2029 escaped. */
export const serializeState = (state: unknown) =>
  JSON.stringify(state).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
