import { afterEach, beforeEach, vi } from 'vitest';

// A console.error during a test means something went wrong that no assertion looked at.
// Tests that expect one opt out with `vi.spyOn(console, 'error').mockImplementation(() => {})`.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during test: ${args.map(String).join(' ')}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
