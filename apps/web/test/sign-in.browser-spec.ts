import { type WebApp, screenshot, seriousViolations, signInAsDemo, startWebApp } from './support/browser-harness';

describe('the web app: served at / and signed into as a demo user', () => {
  let w: WebApp;
  beforeAll(async () => {
    w = await startWebApp();
  }, 120_000);
  afterAll(() => w?.close());

  it('serves the app at / with revalidated pages and year-long hashed assets; the API stays under /api/v1', async () => {
    const page = await w.api.http().get('/dashboard/ninh-kieu').set('Accept', 'text/html').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = /\/assets\/[^"]+\.js/.exec(page.text)![0];
    const js = await w.api.http().get(asset).expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await w.api.http().get('/assets/none.js').expect(404);
    await w.api.http().get('/api/v1/nothing-here').set('Accept', 'text/html').expect(404);
  });

  it('lists the demo users; one signs in and lands on their unit, with no serious accessibility violation', async () => {
    const ctx = await w.context();
    const page = await ctx.newPage();
    await page.goto(`${w.url}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-1366');
    await signInAsDemo(page, w.url, /Cán bộ báo cáo UBND quận Ninh Kiều/);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('Ninh Kiều');
    expect(page.url()).toContain('/dashboard/ninh-kieu');
    await ctx.close();
  });

  it('refuses a token for someone who is not a demo user', async () => {
    const res = await w.api.http().post('/api/v1/sign-in/demo').send({ userId: 'nobody' }).expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
