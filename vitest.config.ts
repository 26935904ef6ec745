import { defineConfig } from 'vitest/config';

// Tests run through the real stack: each API test file starts its own app on a random port
// against its own database (real PostgreSQL when DATABASE_URL is set, else embedded PGlite).
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    setupFiles: ['tests/setup/console-guard.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
