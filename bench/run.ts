// npm run bench: the app's throughput beside a bare Express baseline measured in the same run,
// upstream (TMDB) calls per 1,000 warm page views, and the home page's first-load JS (gzip).
// See bench/README.md for what each figure means.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const root = path.resolve(import.meta.dirname, '..');
const DURATION_S = Number(process.argv.find((a) => a.startsWith('--duration='))?.split('=')[1] ?? 5);
const CONNECTIONS = 50;
const TARGETS = [
  { name: 'home page (SSR)', path: '/' },
  { name: 'GET /api/movies/trending', path: '/api/movies/trending' },
  { name: 'movie detail page (SSR)', path: '/movie/603' },
  { name: 'discover query', path: '/api/movies/discover?genre=878&sort=rating.desc&minVotes=100' },
  { name: 'search query', path: '/api/search?q=matrix' },
];
// Headers Express writes itself (or that describe the connection), not copied to the baseline.
const OWN_HEADERS = new Set(['content-length', 'date', 'connection', 'keep-alive', 'etag', 'transfer-encoding']);

function start(script: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(root, 'bench', script), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.once('message', (m: { type: string; url: string }) => resolve({ child, url: m.url }));
  });
}

function ask<T>(child: ChildProcess, msg: object, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    child.send(msg);
  });
}

const run = (url: string, duration = DURATION_S) => autocannon({ url, connections: CONNECTIONS, duration });

/**
 * The JavaScript a first visit to the home page loads: the entry chunk, the home page's own chunk
 * (each page loads on demand) and every chunk they import statically, from Vite's manifest.
 */
function firstLoadJs(): { files: number; rawBytes: number; gzipBytes: number } {
  type Chunk = { file: string; imports?: string[] };
  const manifest = JSON.parse(
    readFileSync(path.join(root, 'dist', 'client', '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, Chunk>;
  const seen = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const dep of chunk.imports ?? []) walk(dep);
  };
  walk('index.html');
  walk('src/pages/home.tsx');
  let rawBytes = 0;
  let gzipBytes = 0;
  const files = [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const file = readFileSync(path.join(root, 'dist', 'client', f));
    rawBytes += file.length;
    gzipBytes += gzipSync(file).length;
  }
  return { files: files.length, rawBytes, gzipBytes };
}

async function main() {
  if (!existsSync(path.join(root, 'dist', 'client', 'index.html'))) {
    throw new Error('No production build: run `npm run build` first.');
  }
  const app = await start('app-server.ts');
  const baseline = await start('baseline-server.ts');
  try {
    // Warm: every target fetched (TMDB answers land in the cache), then the poster jobs those
    // fetches queued are left to finish so they do not share the CPU with the measurements.
    for (const t of TARGETS) for (let i = 0; i < 3; i++) await fetch(`${app.url}${t.path}`);
    for (let i = 0; i < 120; i++) {
      const s = await ask<{ jobsPending: number }>(app.child, { type: 'stats' }, 'stats');
      if (s.jobsPending === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const t of TARGETS) await run(`${app.url}${t.path}`, 1);
    await ask(app.child, { type: 'reset' }, 'reset');

    const rows = [];
    let appRequests = 0;
    for (const t of TARGETS) {
      const sample = await fetch(`${app.url}${t.path}`);
      const body = Buffer.from(await sample.arrayBuffer());
      const headers: Record<string, string> = {};
      sample.headers.forEach((v, k) => {
        if (!OWN_HEADERS.has(k)) headers[k] = v;
      });
      await ask(baseline.child, { type: 'set', body: body.toString('base64'), headers }, 'set');
      await run(`${baseline.url}${t.path}`, 1);
      const mine = await run(`${app.url}${t.path}`);
      const base = await run(`${baseline.url}${t.path}`);
      appRequests += mine.requests.total + 1;
      rows.push({
        target: t.name,
        bytes: body.length,
        rps: Math.round(mine.requests.average),
        p99: mine.latency.p99,
        baseRps: Math.round(base.requests.average),
        baseP99: base.latency.p99,
        ratio: mine.requests.average / base.requests.average,
        failures: mine.non2xx + mine.errors + mine.timeouts,
      });
    }
    const { calls } = await ask<{ calls: number }>(app.child, { type: 'stats' }, 'stats');
    const js = firstLoadJs();

    const out = [
      `CineHub Pro bench — ${new Date().toISOString()} — Node ${process.version}, ${CONNECTIONS} connections, ${DURATION_S} s each`,
      '',
      '| target | body bytes | req/s | p99 ms | baseline req/s | baseline p99 ms | ratio | failed |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.target} | ${r.bytes} | ${r.rps} | ${r.p99} | ${r.baseRps} | ${r.baseP99} | ${r.ratio.toFixed(2)} | ${r.failures} |`,
      ),
      '',
      `Upstream (TMDB) calls during the measured runs: ${calls} for ${appRequests} warm requests = ${((calls / appRequests) * 1000).toFixed(2)} per 1,000 (goal 0).`,
      `Home page first-load JS: ${js.files} file(s), ${(js.rawBytes / 1024).toFixed(1)} KiB raw, ${(js.gzipBytes / 1024).toFixed(1)} KiB gzip.`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    const below = rows.filter((r) => (r.target.startsWith('home') || r.target.includes('trending')) && r.ratio < 0.8);
    if (below.length) process.stdout.write(`Below the 0.8 target: ${below.map((r) => r.target).join(', ')}\n`);
  } finally {
    app.child.disconnect();
    baseline.child.disconnect();
  }
}

await main();
