import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer boundaries (STYLE.md §3). A later block replaces an earlier one's options for a rule, so
// each block composes the full list it needs.
const SERVER = { group: ['**/server/**', '#server/*'], message: 'The client reaches the server over HTTP only.' };
const DB = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '**/*.repository', '**/*.repository.ts'],
  message: 'Queries live in *.repository.ts; call the feature service.',
};
const WEB = { group: ['express'], message: 'Services take plain values, never req/res.' };
const SSR_ONLY = { group: ['**/*.server', '**/*.server.*'], message: 'Only entry-server imports SSR code.' };
const FOREIGN_REPO = {
  group: ['../*/*.repository', '../*/*.repository.ts'],
  message: "Use the other feature's service.",
};
const CLIENT = { group: ['**/client/**', '#client/*'], message: 'shared/ stands alone.' };
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'server/db/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['client/**'],
    ignores: ['client/src/entry-server.tsx', '**/*.server.*'],
    rules: restrict(SERVER, DB, WEB, SSR_ONLY),
  },
  { files: ['client/src/entry-server.tsx', 'client/**/*.server.*'], rules: restrict(SERVER, DB, WEB) },
  { files: ['shared/**'], ignores: ['shared/schema.ts'], rules: restrict(SERVER, DB, WEB, CLIENT) },
  { files: ['server/**/*.routes.ts'], rules: restrict(DB) },
  {
    files: ['server/**/*.service.ts'],
    rules: restrict(WEB, FOREIGN_REPO, {
      group: ['drizzle-orm', 'drizzle-orm/*'],
      message: 'Queries live in the repository.',
    }),
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['server/config.ts', '*.config.ts', 'tests/**', 'bench/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Take the Config built by server/config.ts.' },
      ],
      'no-console': 'error',
    },
  },
);
