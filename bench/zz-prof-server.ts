// The app under test, in its own process (so the load generator does not share its event loop):
// a production build on an embedded database in a temp folder, with the offline TMDB in-process so
// the parent can count upstream calls. Talks to bench/run.ts over IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startOfflineTmdb } from '../server/catalog/offline/offline-tmdb.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { startServer } from '../server/server.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cinehub-bench-'));
const config = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123456789',
  JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789abcd',
  LOG_LEVEL: 'info',
});
// A production log line per request, written where it costs what stdout costs but is not kept.
const log = createLogger({ level: 'info', destination: pino.destination({ dest: '/dev/null', sync: false }) });
const offline = await startOfflineTmdb({ port: 0 });
const running = await startServer(config, log, { offlineTmdb: offline });

import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new Session();
session.connect();
process.on('message', (msg: { type: string }) => {
  void (async () => {
    if (msg.type === 'pstart') { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
    if (msg.type === 'pstop') { const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/prof/window.cpuprofile', JSON.stringify(profile)); }
    if (msg.type === 'reset') offline.stats.reset();
    const jobs = await running.runtime.jobs.stats();
    process.send?.({ type: msg.type, calls: offline.stats.calls, jobsPending: jobs.queued + jobs.active });
  })();
});
process.on('disconnect', () => {
  void running
    .close(1000)
    .then(() => offline.close())
    .finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
});
process.send?.({ type: 'ready', url: running.url });
