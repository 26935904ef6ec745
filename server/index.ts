import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

// Start, listen, shut down gracefully. The only place that reads the environment (via loadConfig).
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
const log = createLogger({ level: config.logLevel });

try {
  const running = await startServer(config, log);
  log.info({ url: `http://localhost:${running.port}`, db: running.runtime.database.kind }, 'CineHub Pro is up');
  if (config.production && !config.publicUrlSet) {
    // OAuth callbacks, emailed links and the WebSocket origin check all use it.
    log.warn('PUBLIC_URL is not set: links in emails and OAuth callbacks point at localhost');
  }
  // PM2 waits for this before sending traffic (wait_ready), so a reload drops nothing.
  process.send?.('ready');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    running
      .close(8_000)
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'unclean shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  log.fatal({ err }, 'could not start');
  process.exit(1);
}
