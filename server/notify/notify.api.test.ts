import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserBody } from '#shared/contracts/auth';
import { signUpWithCookie } from '../../tests/helpers/factories.ts';
import { outboxFor } from '../../tests/helpers/outbox.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local stand-in for a provider's API: records every request, answers what the test says. */
async function fakeProvider(answer: (req: Seen) => { status: number; body?: unknown }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(r);
      const out = answer(r);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}
type Fake = Awaited<ReturnType<typeof fakeProvider>>;

async function waitFor<T>(probe: () => T | undefined, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
const upstreamCount = async (app: TestApp, service: string, outcome: string) => {
  const text = await (await app.get('/metrics')).text();
  const m = new RegExp(`cinehub_upstream_requests_total\\{service="${service}",outcome="${outcome}"\\} (\\d+)`).exec(
    text,
  );
  return Number(m?.[1] ?? 0);
};

describe('SendGrid (the real SDK against a local fake)', () => {
  let fake: Fake;
  let app: TestApp;
  let status = 202;
  beforeAll(async () => {
    fake = await fakeProvider(() => ({ status, body: status >= 400 ? { errors: [{ message: 'nope' }] } : undefined }));
    app = await startTestApp({
      env: {
        SENDGRID_API_KEY: 'SG.test-key',
        SENDGRID_BASE_URL: fake.url,
        MAIL_FROM: 'CineHub Test <no-reply@cinehub.test>',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  afterEach(() => {
    status = 202;
    fake.seen.length = 0;
  });

  it('sends the verification email through POST /v3/mail/send with the API key', async () => {
    const u = await signUpWithCookie(app);
    expect((await u.send('POST', '/api/auth/email/verify/request')).status).toBe(202);
    const req = fake.seen.find((r) => r.url === '/v3/mail/send');
    expect(req).toBeDefined();
    expect(req!.method).toBe('POST');
    expect(req!.headers.authorization).toBe('Bearer SG.test-key');
    const mail = JSON.parse(req!.body) as {
      personalizations: { to: { email: string }[] }[];
      from: { email: string; name?: string };
      subject: string;
      content: { type: string; value: string }[];
    };
    expect(mail.personalizations[0]!.to[0]!.email).toBe(u.email);
    expect(mail.from.email).toBe('no-reply@cinehub.test');
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(mail.content[0]!.value).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{40,}/);
    // Nothing in the outbox: the real provider took it.
    expect(await outboxFor(app, u.email)).toEqual([]);
    expect(await upstreamCount(app, 'sendgrid', 'ok')).toBeGreaterThan(0);
  });

  it('sends the reset email after answering, so the answer does not wait on SendGrid', async () => {
    const u = await signUpWithCookie(app);
    expect((await app.send('POST', '/api/auth/password/forgot', { email: u.email })).status).toBe(202);
    const req = await waitFor(() => fake.seen.find((r) => r.body.includes('/reset-password?token=')));
    expect(JSON.parse(req.body).personalizations[0].to[0].email).toBe(u.email);
  });

  it('retries a 5xx a bounded number of times, then answers 503 UPSTREAM_UNAVAILABLE', async () => {
    const u = await signUpWithCookie(app);
    status = 500;
    const res = await u.send('POST', '/api/auth/email/verify/request');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(fake.seen.filter((r) => r.url === '/v3/mail/send')).toHaveLength(3);
    expect(await upstreamCount(app, 'sendgrid', '500')).toBe(3);
  });

  it('does not retry a 4xx (our mistake, not theirs)', async () => {
    const u = await signUpWithCookie(app);
    status = 401;
    expect((await u.send('POST', '/api/auth/email/verify/request')).status).toBe(503);
    expect(fake.seen).toHaveLength(1);
  });
});

describe('Twilio (the real SDK against a local fake)', () => {
  let fake: Fake;
  let app: TestApp;
  let status = 201;
  const sid = 'AC0123456789abcdef0123456789abcdef';
  beforeAll(async () => {
    fake = await fakeProvider(() =>
      status === 201
        ? {
            status,
            body: {
              sid: 'SM0123456789abcdef0123456789abcdef',
              account_sid: sid,
              status: 'queued',
              to: '',
              from: '+15005550006',
              body: '',
            },
          }
        : { status, body: { code: 20500, message: 'Internal error', status } },
    );
    app = await startTestApp({
      env: {
        TWILIO_ACCOUNT_SID: sid,
        TWILIO_AUTH_TOKEN: 'twilio-test-token',
        TWILIO_FROM: '+15005550006',
        TWILIO_BASE_URL: fake.url,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  afterEach(() => {
    status = 201;
    fake.seen.length = 0;
  });

  it('texts the code through the Messages API, and that code signs in', async () => {
    const phone = '+14155550142';
    expect((await app.send('POST', '/api/auth/otp/request', { phoneNumber: phone })).status).toBe(202);
    expect(fake.seen).toHaveLength(1);
    const req = fake.seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:twilio-test-token`).toString('base64')}`);
    const form = new URLSearchParams(req.body);
    expect(form.get('To')).toBe(phone);
    expect(form.get('From')).toBe('+15005550006');
    const code = /\b(\d{6})\b/.exec(form.get('Body') ?? '')?.[1];
    expect(code).toBeDefined();
    expect(await outboxFor(app, phone)).toEqual([]);

    const res = await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code });
    expect(res.status).toBe(200);
    expect(UserBody.parse(await res.json()).user.phoneNumber).toBe(phone);
  });

  it('gives up after three tries on a 5xx with a 503', async () => {
    status = 503;
    const res = await app.send('POST', '/api/auth/otp/request', { phoneNumber: '+14155550143' });
    expect(res.status).toBe(503);
    expect(fake.seen).toHaveLength(3);
    expect(await upstreamCount(app, 'twilio', '503')).toBe(3);
  });
});

describe('a provider that never answers', () => {
  let server: Server;
  let url: string;
  let seen = 0;
  let app: TestApp;
  beforeAll(async () => {
    server = createServer(() => {
      seen++; // and never answer
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app = await startTestApp({
      env: {
        NOTIFY_TIMEOUT_MS: '300',
        SENDGRID_API_KEY: 'SG.test-key',
        SENDGRID_BASE_URL: url,
        TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        TWILIO_AUTH_TOKEN: 'twilio-test-token',
        TWILIO_FROM: '+15005550006',
        TWILIO_BASE_URL: url,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    server?.closeAllConnections();
    await new Promise<void>((r) => server?.close(() => r()));
  });

  it('times out each call, tries three times, then answers 503 (email and SMS alike)', async () => {
    const u = await signUpWithCookie(app);
    seen = 0;
    const started = Date.now();
    expect((await u.send('POST', '/api/auth/email/verify/request')).status).toBe(503);
    expect(seen).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await upstreamCount(app, 'sendgrid', 'network')).toBe(3);

    seen = 0;
    expect((await app.send('POST', '/api/auth/otp/request', { phoneNumber: '+14155550145' })).status).toBe(503);
    expect(seen).toBe(3);
    expect(await upstreamCount(app, 'twilio', 'network')).toBe(3);
  });
});

describe('the outbox (no provider configured)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps emails and text messages as rows instead of sending them', async () => {
    const u = await signUpWithCookie(app);
    await u.send('POST', '/api/auth/email/verify/request');
    await app.send('POST', '/api/auth/otp/request', { phoneNumber: '+14155550144' });
    const [mail] = await outboxFor(app, u.email);
    expect(mail).toMatchObject({ channel: 'email', subject: expect.stringMatching(/confirm/i) });
    const [sms] = await outboxFor(app, '+14155550144');
    expect(sms).toMatchObject({ channel: 'sms', subject: null, body: expect.stringMatching(/\b\d{6}\b/) });
    expect(await upstreamCount(app, 'sendgrid', 'ok')).toBe(0);
  });
});
