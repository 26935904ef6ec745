// The baseline: a bare Express 5 app answering a fixed body with about as many headers as the
// app's response to the same path. bench/run.ts sets the body and headers over IPC before each run.
import express from 'express';
import type { AddressInfo } from 'node:net';

let body = Buffer.alloc(0);
let headers: Record<string, string> = {};
const app = express();
app.disable('x-powered-by');
app.get('/{*splat}', (_req, res) => {
  res.set(headers).send(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', (msg: { type: string; body: string; headers: Record<string, string> }) => {
  if (msg.type !== 'set') return;
  body = Buffer.from(msg.body, 'base64');
  headers = msg.headers;
  process.send?.({ type: 'set' });
});
process.on('disconnect', () => {
  server.close();
  process.exit(0);
});
