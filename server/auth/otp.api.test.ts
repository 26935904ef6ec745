import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserBody } from '#shared/contracts/auth';
import { ErrorBody } from '#shared/contracts/errors';
import { cookieClient, createUser, signUpWithCookie } from '../../tests/helpers/factories.ts';
import { outboxFor, smsCode, waitForMessage } from '../../tests/helpers/outbox.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

let numbers = 0;
const newNumber = () => `+1415555${String(1000 + ++numbers).padStart(4, '0')}`;
const sql = (text: string, values: unknown[] = []) => app.server.runtime.database.pool.query(text, values);

async function requestCode(phoneNumber: string, nth = 1) {
  const res = await app.send('POST', '/api/auth/otp/request', { phoneNumber });
  expect(res.status).toBe(202);
  return smsCode(await waitForMessage(app, phoneNumber, nth));
}
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
async function errorOf(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return ErrorBody.parse(JSON.parse(text)).error;
}

describe('phone sign-in', () => {
  it('texts a 6-digit code (stored hashed) that signs in a new phone account with a session', async () => {
    const phone = newNumber();
    const code = await requestCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    const { rows } = await sql('SELECT code_hash FROM one_time_codes WHERE phone_number = $1', [phone]);
    expect(rows[0].code_hash).not.toContain(code);

    const client = cookieClient(app);
    const res = await client.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code });
    expect(res.status).toBe(200);
    const { user } = UserBody.parse(await res.json());
    expect(user).toMatchObject({ phoneNumber: phone, providers: ['phone'], email: null, isAdmin: false });
    expect(user.username).not.toContain(phone.slice(-4));
    expect(UserBody.parse(await (await client.get('/api/auth/me')).json()).user.id).toBe(user.id);
    // The code is used up.
    await errorOf(await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code }), 401);

    // The same number later signs in to the same account.
    const again = await requestCode(phone, 2);
    const second = await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code: again });
    expect(UserBody.parse(await second.json()).user.id).toBe(user.id);
  });

  it('kills a code after five wrong tries, even for the right code', async () => {
    const phone = newNumber();
    const code = await requestCode(phone);
    for (let i = 0; i < 5; i++) {
      const e = await errorOf(
        await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code: wrongCode(code) }),
        401,
      );
      expect(e.code).toBe('UNAUTHORIZED');
    }
    await errorOf(await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code }), 401);
  });

  it('counts parallel guesses exactly: at most five are checked', async () => {
    const phone = newNumber();
    const code = await requestCode(phone);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code: wrongCode(code) }),
      ),
    );
    const { rows } = await sql('SELECT attempts FROM one_time_codes WHERE phone_number = $1', [phone]);
    expect(rows[0].attempts).toBe(5);
    expect((await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code })).status).toBe(401);
  });

  it('a new code replaces the old one, and codes expire after 10 minutes', async () => {
    const phone = newNumber();
    const first = await requestCode(phone, 1);
    const second = await requestCode(phone, 2);
    if (first !== second)
      await errorOf(await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code: first }), 401);
    await sql("UPDATE one_time_codes SET expires_at = now() - interval '1 second' WHERE phone_number = $1", [phone]);
    await errorOf(await app.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code: second }), 401);
    const { rows } = await sql(
      "SELECT expires_at - created_at < interval '10 minutes 1 second' AS ok FROM one_time_codes WHERE phone_number = $1",
      [phone],
    );
    expect(rows.every((r) => r.ok)).toBe(true);
  });

  it('links the number to a signed-in user (cookie or Bearer) without a new session', async () => {
    const u = await signUpWithCookie(app);
    const phone = newNumber();
    const code = await requestCode(phone);
    const before = u.jar.get('cinehub.sid');
    const res = await u.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code });
    const { user } = UserBody.parse(await res.json());
    expect(user).toMatchObject({ id: u.user.id, phoneNumber: phone, providers: ['password', 'phone'] });
    // Same session (the rolling cookie is re-sent with the same id).
    expect(u.jar.get('cinehub.sid')).toBe(before);

    // Another account cannot take a number that is already someone's.
    const api = await createUser(app);
    const again = await requestCode(phone, 2);
    expect(
      (await errorOf(await api.send('POST', '/api/auth/otp/verify', { phoneNumber: phone, code: again }), 409)).code,
    ).toBe('CONFLICT');
  });

  it('refuses numbers that are not E.164', async () => {
    for (const phoneNumber of ['4155550100', '+0123456789', '+1 415 555 0100', '+1234567890123456']) {
      const e = await errorOf(await app.send('POST', '/api/auth/otp/request', { phoneNumber }), 400);
      expect(e.details?.[0]?.field).toBe('phoneNumber');
    }
  });

  it('limits codes per number: the sixth request in 15 minutes is a 429 with Retry-After', async () => {
    const phone = newNumber();
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 6; i++) {
      last = await app.send('POST', '/api/auth/otp/request', { phoneNumber: phone });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(ErrorBody.parse(await last!.json()).error.code).toBe('RATE_LIMITED');
    expect(await outboxFor(app, phone)).toHaveLength(5);
  });
});
