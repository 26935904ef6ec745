// Builds the client and SSR bundles when there is no build, or when a source is newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', 'server', 'entry-server.js');

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

export function ensureBuild() {
  const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
  const built = existsSync(stamp) && existsSync(path.join(root, 'dist', 'client', 'index.html'));
  if (built && Math.max(...sources.filter(existsSync).map(newest)) <= statSync(stamp).mtimeMs) return;
  process.stdout.write(built ? 'Sources changed: rebuilding the app…\n' : 'No build yet: building the app…\n');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
