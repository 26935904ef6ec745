import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * A value only the browser knows (its origin, whether this part of the page has hydrated): the
 * server's stand-in during server rendering and hydration, so hydration meets the server's HTML,
 * then the browser's.
 */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(noSubscription, inBrowser, () => onServer);
}
