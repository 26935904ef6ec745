import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { createAuthStateRepository } from './auth/auth-state.repository.ts';
import { attachRealtime, type Realtime } from './realtime/ws-server.ts';
import { createRuntime, type RuntimeOptions } from './runtime.ts';

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  runtime: Awaited<ReturnType<typeof createRuntime>>;
  /** The /ws endpoint on this server. */
  realtime: Realtime;
  /** Stops accepting, lets in-flight requests finish (up to `drainMs`), then closes everything. */
  close(drainMs?: number): Promise<void>;
}

export async function startServer(config: Config, log: Logger, opts: RuntimeOptions = {}): Promise<RunningServer> {
  const runtime = await createRuntime(config, log, opts);
  const server = createServer();
  let app;
  try {
    app = await buildApp(runtime, { httpServer: server });
  } catch (err) {
    // The database, job workers and timers are open by now: close them, or the process lingers.
    await runtime.close().catch(() => {});
    throw err;
  }
  server.on('request', app);
  const realtime = attachRealtime({
    server,
    events: runtime.events,
    sessions: runtime.sessions.middleware,
    authState: createAuthStateRepository(runtime.database.db),
    jwtSecret: config.secrets.jwt,
    publicUrl: config.publicUrl,
    metrics: runtime.metrics,
    log,
    heartbeatMs: opts.wsHeartbeatMs,
  });
  // Slightly above nginx's keepalive_timeout so nginx closes idle upstream sockets first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    // The port is taken (EADDRINUSE) or not ours: close what was opened, then say so.
    await realtime.close().catch(() => {});
    await app.close().catch(() => {});
    await runtime.close().catch(() => {});
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    server,
    runtime,
    realtime,
    close(drainMs = 10_000) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await app.close();
        // Upgraded sockets would keep the server open: tell clients to go away (1001) and reconnect elsewhere.
        await realtime.close();
        const timer = setTimeout(() => server.closeAllConnections(), drainMs);
        await closed;
        clearTimeout(timer);
        await runtime.close();
      })();
      return closing;
    },
  };
}
