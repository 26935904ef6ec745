import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';

// The README's promise: on a fresh clone, `npm install && npm start` serves the app with real movies,
// no configuration and no database server. Runs once, in the embedded-database pass.
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'cinehub-clone-'));
let child: ReturnType<typeof spawn> | null = null;

afterAll(async () => {
  if (child && child.exitCode === null) {
    // The whole process group: sh, npm and the server it started; then wait until every one of
    // them is gone (the server drains and closes its database before exiting).
    const group = -child.pid!;
    process.kill(group, 'SIGTERM');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(group, 0);
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  // The server may still be finishing a write into ./data as it exits.
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('a fresh clone', () => {
  it('serves real movies from `npm install && npm start` with no configuration', { timeout: 600_000 }, async () => {
    execFileSync('git', ['clone', '--quiet', repoRoot, dir], { stdio: 'ignore' });
    const port = await freePort();
    // Nothing but what a user's shell has: no DATABASE_URL, no keys, no NODE_ENV.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, PORT: String(port) };
    child = spawn('sh', ['-c', 'npm install --no-audit --no-fund && npm start'], {
      cwd: dir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('CineHub Pro is up')) {
          clearInterval(timer);
          resolve();
        }
      }, 250);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
      });
    });

    const base = `http://127.0.0.1:${port}`;
    const html = await (await fetch(`${base}/`)).text();
    const trending = CatalogPage.parse(await (await fetch(`${base}/api/movies/trending`)).json());
    expect(trending.items.length).toBeGreaterThan(0);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const shown = trending.items.filter((m) => html.includes(escape(m.title)));
    expect(shown.length).toBeGreaterThanOrEqual(5);
    // Data lives in ./data of the clone.
    expect(execFileSync('ls', [path.join(dir, 'data')]).toString()).toMatch(/pg/);
  });
});
