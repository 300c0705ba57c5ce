import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type WebApp, screenshot, seriousViolations, startWebApp } from './support/browser-harness';

const CLIENT_ID = 'grassroots-ledger-web';
const RESOURCE = 'urn:grassroots-ledger:api';
const AUDIENCE = 'grassroots-ledger-api';
const SIGN_IN_BUTTON = 'Đăng nhập bằng tài khoản của cơ quan';

/** A port nobody listens on now: the provider's issuer must be known before the app starts, and the app's callback before the provider does. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** oidc-provider (ESM-only) as a child process; resolves once it prints its issuer. */
const startProvider = (port: number, redirectUri: string) =>
  new Promise<{ child: ChildProcess; issuer: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'support/oidc-provider.mjs'), String(port), redirectUri, CLIENT_ID, RESOURCE, AUDIENCE],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      const line = d.toString().trim().split('\n')[0];
      if (line.startsWith('http')) resolve({ child, issuer: line });
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider exited ${code}: ${err}`)));
  });

/** What the page's sessionStorage holds under a key (an expression: the suite is compiled without the DOM's types). */
const kept = (page: Page, key: string) =>
  page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(key)})`);

/** At the provider's development login form (any login is an account with that `sub`), then its consent. */
const signInAtProvider = async (page: Page, login: string) => {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
};

/** A browser profile; the provider's development pages ask Google for a font, which this machine cannot reach. */
const contextOf = async (w: WebApp) => {
  const ctx = await w.context();
  await ctx.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (r) => r.abort());
  return ctx;
};

describe('the web app: signing in at the organisation’s identity provider (OIDC code flow with PKCE)', () => {
  let w: WebApp;
  let provider: ChildProcess | undefined;
  let issuer: string;

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    // Production: no demo users, no token issued by the api itself; the store is seeded on purpose.
    w = await startWebApp({
      NODE_ENV: 'production',
      SEED_ON_EMPTY: 'true',
      OIDC_ISSUER: issuer,
      OIDC_JWKS_URL: `${issuer}/jwks`,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_RESOURCE: RESOURCE,
    });
    ({ child: provider } = await startProvider(port, `${w.url}/auth/callback`));
  }, 120_000);
  afterAll(async () => {
    provider?.kill('SIGTERM');
    await w?.close();
  });

  it('offers the provider and no demo users; the CSP lets the page reach the provider', async () => {
    const res = await w.api.http().get('/api/v1/sign-in/options').expect(200);
    expect(res.body).toEqual({
      demo: null,
      oidc: { issuer, clientId: CLIENT_ID, scope: 'openid profile', resource: RESOURCE },
    });
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ${issuer}`);
    await w.api.http().post('/api/v1/sign-in/demo').send({ userId: 'tanan-reporter' }).expect(404);
  });

  it('signs in a registered user at the provider and lands back on the page they asked for', async () => {
    const ctx = await contextOf(w);
    const page = await ctx.newPage();
    await page.goto(`${w.url}/dashboard/ninh-kieu-tan-an?year=2023`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByRole('heading', { name: /Người dùng thử/ }).count()).toBe(0);
    await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
    await page.waitForURL(`${issuer}/**`);
    await signInAtProvider(page, 'tanan-reporter');
    await page.getByTestId('signed-in-as').waitFor();
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Tân An');
    const landed = new URL(page.url());
    expect(landed.origin + landed.pathname).toBe(`${w.url}/dashboard/ninh-kieu-tan-an`);
    expect(landed.searchParams.get('year')).toBe('2023');
    // The kept token is the provider's ES256 access token for the API, not one the api issued.
    const token = await kept(page, 'gl.token');
    const [header, payload] = token!
      .split('.')
      .slice(0, 2)
      .map((p: string) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('ES256');
    expect(payload).toMatchObject({ iss: issuer, sub: 'tanan-reporter', aud: AUDIENCE });
    expect(await kept(page, 'gl.oidc.pending')).toBeNull();
    await screenshot(page, 'oidc-sign-in-1366');
    // Signing out ends the provider's session too: the next sign-in asks for a login again.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${w.url}/sign-in`);
    expect(await kept(page, 'gl.token')).toBeNull();
    await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
    await page.locator('input[name="login"]').waitFor();
    await ctx.close();
  });

  it('refuses a provider account the record does not know, and says so with a way back', async () => {
    const ctx = await contextOf(w);
    const page = await ctx.newPage();
    await page.goto(`${w.url}/sign-in`);
    await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
    await page.waitForURL(`${issuer}/**`);
    await signInAtProvider(page, 'nobody-in-the-record');
    const problem = page.getByTestId('oidc-problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('chưa được đăng ký trong sổ');
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await kept(page, 'gl.token')).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByRole('link', { name: 'Quay lại trang đăng nhập' }).getAttribute('href')).toBe('/sign-in');
    // Signed in at the provider with the wrong account: signing out there lets them choose another.
    await page.getByRole('link', { name: /dùng tài khoản khác/ }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${w.url}/sign-in`);
    await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
    await page.locator('input[name="login"]').waitFor();
    await ctx.close();
  });

  it('refuses an answer whose state is not the one this tab sent, and uses nothing of it', async () => {
    const ctx = await contextOf(w);
    const page = await ctx.newPage();
    await page.goto(`${w.url}/sign-in`);
    await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
    await page.waitForURL(`${issuer}/**`);
    // A forged answer arrives instead of the provider's.
    await page.goto(`${w.url}/auth/callback?code=forged&state=tampered&iss=${encodeURIComponent(issuer)}`);
    const problem = page.getByTestId('oidc-problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('không khớp');
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    // The pending sign-in is spent: a replay finds nothing to finish.
    expect(await kept(page, 'gl.oidc.pending')).toBeNull();
    await ctx.close();
  });
});
