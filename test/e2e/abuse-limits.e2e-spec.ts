import { SignJWT } from 'jose';
import { Harness, startApi } from './support/api-harness';

const SECRET = 'abuse-limits-secret-long-enough-for-hs256';
const PROBLEM = /^application\/problem\+json/;
const YEAR = 365 * 86_400;

/**
 * Issue 14, item 5: the limits are on here as everywhere by default; only the per-user and
 * per-address quotas are lowered so a burst is quick. Addresses come through X-Forwarded-For
 * from loopback, which TRUST_PROXY trusts, so each test has addresses of its own.
 */
describe('abuse limits: rate limits per user, per address and for failed authentication; the token policy', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const me = (from: string, token?: string) => {
    const req = h.http().get('/api/v1/me').set('X-Forwarded-For', from);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  /** `n` requests, `width` at a time (a burst, without opening hundreds of sockets at once). */
  const burst = async <T>(n: number, send: (i: number) => Promise<T>, width = 10): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < n; i += width)
      out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => send(i + j)))));
    return out;
  };
  const count = (statuses: number[]) =>
    statuses.reduce<Record<number, number>>((c, s) => ({ ...c, [s]: (c[s] ?? 0) + 1 }), {});

  beforeAll(async () => {
    h = await startApi({
      JWT_SECRET: SECRET,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_PER_USER: '40',
      RATE_LIMIT_PER_ADDRESS: '60',
    });
    for (const u of ['tanan-reporter', 'anhoa-reporter', 'ninhkieu-reporter', 'tanan-head', 'city-viewer', 'auditor'])
      tokens[u] = await h.token(u);
  });
  afterAll(() => h.close());

  it('meets 200 requests with bad tokens with 20 × 401, then 429 problem+json with Retry-After and the RateLimit fields', async () => {
    const answers = await burst(200, () => me('203.0.113.7', 'not-a-token'));
    expect(count(answers.map((r) => r.status))).toEqual({ 401: 20, 429: 180 });
    const last = answers[answers.length - 1];
    expect(last.headers['content-type']).toMatch(PROBLEM);
    expect(last.body).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      policy: 'failed-auth',
      quota: 20,
      windowSeconds: 60,
    });
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.body.retryAfterSeconds).toBe(retryAfter);
    expect(last.headers['ratelimit-policy']).toBe('"failed-auth";q=20;w=60');
    expect(last.headers.ratelimit).toBe(`"failed-auth";r=0;t=${retryAfter}`);
    // A 401 under the limit already says how many tries are left.
    expect(answers[0].headers.ratelimit).toMatch(/^"failed-auth";r=19;t=\d+$/);
  });

  it('still lets a valid token through from that address, and answers other addresses 401 as before', async () => {
    await me('203.0.113.7').expect(429);
    const ok = await me('203.0.113.7', tokens['city-viewer']).expect(200);
    expect(ok.headers['ratelimit-policy']).toBe('"address";q=60;w=60, "user";q=40;w=60');
    expect(ok.headers.ratelimit).toMatch(/^"address";r=\d+;t=\d+, "user";r=\d+;t=\d+$/);
    await me('203.0.113.8', 'not-a-token').expect(401);
  });

  it('meets a burst by one user with 429 while another user, from the same address, is unaffected', async () => {
    const answers = await burst(50, () => me('198.51.100.1', tokens['tanan-reporter']));
    expect(count(answers.map((r) => r.status))).toEqual({ 200: 40, 429: 10 });
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ type: '/problems/rate-limited', policy: 'user', quota: 40 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers.ratelimit).toMatch(/"user";r=0;t=\d+$/);
    // The same person is refused from anywhere; someone else is not.
    await me('198.51.100.2', tokens['tanan-reporter']).expect(429);
    await me('198.51.100.1', tokens['anhoa-reporter']).expect(200);
  });

  it('counts every request from one address, whoever sends it', async () => {
    const users = ['ninhkieu-reporter', 'tanan-head', 'auditor'];
    const answers = await burst(70, (i) => me('192.0.2.9', tokens[users[i % 3]]));
    expect(count(answers.map((r) => r.status))).toEqual({ 200: 60, 429: 10 });
    expect(answers.find((r) => r.status === 429)!.body).toMatchObject({ policy: 'address', quota: 60 });
  });

  it('never limits probes and metrics', async () => {
    const answers = await burst(80, (i) =>
      h
        .http()
        .get(i % 2 ? '/health/live' : '/metrics')
        .set('X-Forwarded-For', '192.0.2.10'),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(answers[0].headers.ratelimit).toBeUndefined();
  });

  describe('the token policy', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const forge = (iat: number, exp: number) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('auditor')
        .setIssuer('grassroots-ledger')
        .setAudience('grassroots-ledger-api')
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(SECRET));

    it.each([
      [
        'valid for 100 years',
        () => forge(now(), now() + 100 * YEAR),
        /lifetime \("exp" − "iat"\) of \d+ s is longer than the 86400 s allowed/,
      ],
      [
        'issued a year in the future',
        () => forge(now() + YEAR, now() + YEAR + 3600),
        /issued \d+ s in the future \("iat"\); at most 60 s of clock skew/,
      ],
    ])('refuses a token %s with 401 problem+json naming why', async (_what, token, why) => {
      const res = await me('192.0.2.20', await token()).expect(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body.detail).toMatch(why);
    });
  });
});
