import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOfflineTmdb } from '../catalog/offline/offline-tmdb.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startServer } from '../server.ts';
import { openTestDatabase } from '../../tests/helpers/databases.ts';
import { createUser, signUpWithCookie } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openSocket, settle } from '../../tests/helpers/ws.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const gauge = async () => {
  const text = await (await app.get('/metrics')).text();
  return Number(/^cinehub_ws_connections (\d+)/m.exec(text)?.[1]);
};

describe('WebSocket /ws handshake', () => {
  it('refuses a foreign Origin with 403 before upgrading', async () => {
    await expect(openSocket(app.url, { origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    await expect(openSocket(app.url, { origin: 'null' })).rejects.toMatchObject({ status: 403 });
  });

  it('accepts the same origin, and a client that sends no Origin', async () => {
    const a = await openSocket(app.url);
    const b = await openSocket(app.url, { origin: null });
    a.ws.close();
    b.ws.close();
    await Promise.all([a.closed, b.closed]);
  });

  it('refuses a bad token with 401 rather than falling back to anonymous', async () => {
    await expect(openSocket(app.url, { query: 'token=not-a-jwt' })).rejects.toMatchObject({ status: 401 });
    await expect(openSocket(app.url, { query: 'token=' })).rejects.toMatchObject({ status: 401 });
  });

  it('answers other upgrade paths with 404', async () => {
    const ws = new WebSocket(`${app.url.replace(/^http/, 'ws')}/not-ws`);
    const status = await new Promise<number>((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('upgraded on an unknown path')));
      ws.once('error', reject);
    });
    expect(status).toBe(404);
  });
});

describe('WebSocket messages', () => {
  it('answers PING with PONG and counts open connections', async () => {
    const s = await openSocket(app.url);
    expect(await gauge()).toBeGreaterThanOrEqual(1);
    s.ws.send(JSON.stringify({ type: 'PING' }));
    await s.next((m) => m.type === 'PONG');
    s.ws.close();
    await s.closed;
    await settle(100);
    expect(await gauge()).toBe(0);
  });

  it('closes a socket sending malformed JSON with 1003 and the server stays up', async () => {
    const bystander = await openSocket(app.url);
    const bad = await openSocket(app.url);
    bad.ws.send('{not json');
    expect((await bad.closed).code).toBe(1003);

    const wrongShape = await openSocket(app.url);
    wrongShape.ws.send(JSON.stringify({ type: 'SUBSCRIBE', everything: true }));
    expect((await wrongShape.closed).code).toBe(1003);

    const binary = await openSocket(app.url);
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1003);

    // The others are untouched and new sockets work.
    const fresh = await openSocket(app.url);
    await app.server.runtime.events.publish({ type: 'NOTIFICATION', payload: { text: 'still here' } });
    await fresh.next((m) => m.type === 'NOTIFICATION');
    await bystander.next((m) => m.type === 'NOTIFICATION');
    expect((await app.get('/health')).status).toBe(200);
    fresh.ws.close();
    bystander.ws.close();
  });

  it('closes a socket sending a 2 MB message with 1009', async () => {
    const s = await openSocket(app.url);
    s.ws.send(JSON.stringify({ type: 'PING', pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect((await s.closed).code).toBe(1009);
    const again = await openSocket(app.url);
    again.ws.send(JSON.stringify({ type: 'PING' }));
    await again.next((m) => m.type === 'PONG');
    again.ws.close();
  });

  it('closes a socket that floods messages (1008) without touching the others', async () => {
    const s = await openSocket(app.url);
    for (let i = 0; i < 200; i++) s.ws.send(JSON.stringify({ type: 'PING' }));
    expect((await s.closed).code).toBe(1008);
  });
});

describe('WebSocket events', () => {
  it('anonymous sockets get CACHE_UPDATE when a title is cached', async () => {
    const s = await openSocket(app.url);
    const list = (await (await app.get('/api/movies/popular?limit=1')).json()) as { items: { id: number }[] };
    const id = list.items[0]!.id;
    expect((await app.get(`/api/movies/${id}`)).status).toBe(200);
    const msg = await s.next((m) => m.type === 'CACHE_UPDATE' && m.payload.mediaId === id);
    expect(msg).toEqual({ type: 'CACHE_UPDATE', payload: { mediaType: 'movie', mediaId: id, status: 'cached' } });
    s.ws.close();
  });

  it("a signed-in socket gets its own NOTIFICATION and never another user's; anonymous gets neither", async () => {
    const alice = await createUser(app);
    const bob = await createUser(app);
    const aliceSock = await openSocket(app.url, { query: `token=${alice.token}` });
    const bobSock = await openSocket(app.url, { headers: { authorization: `Bearer ${bob.token}` } });
    const anon = await openSocket(app.url);

    await app.server.runtime.events.publish({ type: 'NOTIFICATION', payload: { text: 'for alice' }, userId: alice.id });
    await app.server.runtime.events.publish({ type: 'NOTIFICATION', payload: { text: 'for everyone' } });

    expect((await aliceSock.next((m) => m.payload.text === 'for alice')).type).toBe('NOTIFICATION');
    await bobSock.next((m) => m.payload.text === 'for everyone');
    await anon.next((m) => m.payload.text === 'for everyone');
    await settle();
    expect(bobSock.messages.map((m) => m.payload.text)).not.toContain('for alice');
    expect(anon.messages.map((m) => m.payload.text)).not.toContain('for alice');
    // The addressee never appears on the wire.
    expect(aliceSock.messages.every((m) => !('userId' in m))).toBe(true);
    for (const s of [aliceSock, bobSock, anon]) s.ws.close();
  });

  it('a socket signed in by session cookie gets its own events, and loses them at sign-out', async () => {
    const member = await signUpWithCookie(app);
    const sock = await openSocket(app.url, { headers: { cookie: member.jar.header() } });
    await app.server.runtime.events.publish({
      type: 'NOTIFICATION',
      payload: { text: 'cookie' },
      userId: member.user.id,
    });
    await sock.next((m) => m.payload.text === 'cookie');
    expect((await member.send('POST', '/api/auth/logout')).status).toBe(204);
    // The sign-out is seen at the next check (heartbeat or a revocation event); until then nothing private is lost,
    // and after it the socket is closed so the page reconnects as anonymous.
    await app.server.runtime.events.publish({ type: 'SESSIONS_REVOKED', payload: {}, userId: member.user.id });
    expect((await sock.closed).code).toBe(1008);
  });

  it('closes every socket with 1001 when the server shuts down', async () => {
    const other = await startTestApp();
    const s = await openSocket(other.url);
    const closing = other.close();
    expect((await s.closed).code).toBe(1001);
    await closing;
  });
});

describe('WebSocket heartbeats', () => {
  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cinehub-ws-'));
    const [database, offline] = await Promise.all([openTestDatabase(), startOfflineTmdb({ port: 0 })]);
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SESSION_SECRET: 'test-session-secret-0123456789abcdef0123',
      JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
    });
    const server = await startServer(config, createLogger({ level: 'silent' }), {
      database,
      offlineTmdb: offline,
      wsHeartbeatMs: 150,
    });
    try {
      const healthy = await openSocket(server.url);
      const silent = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws`, { autoPong: false, origin: server.url });
      const silentClosed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
      await new Promise((resolve) => silent.once('open', resolve));
      // Terminated (no close frame: 1006) after two beats without a pong.
      expect(await silentClosed).toBe(1006);
      await settle(300);
      expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
      expect(server.realtime.connections()).toBe(1);
      healthy.ws.close();
    } finally {
      await server.close(500);
      await offline.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
