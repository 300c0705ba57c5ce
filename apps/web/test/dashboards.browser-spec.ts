import type { Page } from 'playwright-core';
import { FixedClock } from '@gl/testing';
import { type WebApp, screenshot, seriousViolations, signInAsDemo, startWebApp } from './support/browser-harness';

const PLAN = 'cantho-2023-ldcs';
/** The seed is recorded on 1 November 2023; the browsing and the conference happen on the 15th. */
const SEEDED = '2023-11-01T03:00:00.000Z';
const NOW = new Date('2023-11-15T03:00:00.000Z');
const CITY_VIEWER = /Chuyên viên theo dõi, UBND thành phố/;

describe('the dashboards by level: city → district → commune, periods, "as of" a past day', () => {
  const clock = new FixedClock(SEEDED);
  let w: WebApp;
  /** The city viewer's browser, signed in once: the phone's view is the same page made narrow. */
  let page: Page;
  beforeAll(async () => {
    w = await startWebApp({}, clock);
    clock.set(NOW);
    page = await (await w.context(1366, NOW)).newPage();
    await signInAsDemo(page, w.url, CITY_VIEWER);
  }, 120_000);
  afterAll(() => w?.close());

  /** The page's figure of that name (the subtree's roll-up), once the dashboard has loaded. */
  const figure = async (name: string) => {
    const value = page.locator(`[data-figure="${name}"] .value`);
    await value.waitFor();
    return (await value.textContent())?.trim();
  };
  const chartsDrawn = () => page.locator('#months-h ~ .table-wrap').waitFor();

  it('opens the city, drills down to Ninh Kiều and to a ward; records there change the district; "as of" the day before shows the earlier figure', async () => {
    expect(page.url()).toContain('/dashboard/ubnd-can-tho');
    await page.getByRole('heading', { level: 1, name: /Tổng quan: .*Cần Thơ/ }).waitFor();
    await expect(page.getByLabel('Năm', { exact: true }).inputValue()).resolves.toBe('2023');
    // The districts with their red-amber-green in words.
    const ninhKieu = page.locator('[data-testid="children"] tr[data-unit="ninh-kieu"]');
    await expect(ninhKieu.locator('.badge').textContent()).resolves.toMatch(/Quá hạn|Sắp đến hạn|Đúng tiến độ/);
    await chartsDrawn();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-city-1366');

    await ninhKieu.getByRole('link').click();
    await page.waitForURL(/\/dashboard\/ninh-kieu\?year=2023/);
    await page.getByRole('heading', { level: 1, name: /Ninh Kiều/ }).waitFor();
    expect(await figure('conferences')).toBe('0');
    await page.locator('tr[data-unit="ninh-kieu-tan-an"] a').click();
    await page.waitForURL(/\/dashboard\/ninh-kieu-tan-an/);
    const trail = page.getByRole('navigation', { name: 'Đường dẫn đơn vị' });
    await trail.getByRole('link', { name: /Ninh Kiều/ }).waitFor();
    await expect(trail.getByRole('link').count()).resolves.toBe(2);

    // Tân An holds its conference; the district's roll-up counts it.
    await w.api
      .http()
      .post('/api/v1/activities/conference')
      .set('Authorization', `Bearer ${await w.api.token('tanan-reporter')}`)
      .send({
        unitId: 'ninh-kieu-tan-an',
        obligationId: `${PLAN}.II.1.d.ninh-kieu-tan-an`,
        year: 2023,
        details: {
          level: 'commune',
          heldOn: '2023-11-14',
          place: 'Hội trường UBND phường',
          chairedBy: 'Chủ tịch UBND phường',
          participants: { cadres: 20, 'residents-representatives': 31 },
          evidence: null,
        },
      })
      .expect(201);
    await w.api
      .http()
      .post('/api/v1/activities/budget')
      .set('Authorization', `Bearer ${await w.api.token('tanan-reporter')}`)
      .send({
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: { amount: 15_250_000, description: 'Hội nghị', source: { kind: 'state-budget', level: 'district' } },
      })
      .expect(201);
    await w.api.settle();
    await trail.getByRole('link', { name: /Ninh Kiều/ }).click();
    await page.waitForURL(/\/dashboard\/ninh-kieu\?/);
    await page.reload();
    expect(await figure('conferences')).toBe('1');
    expect(await figure('participants')).toBe('51');
    await expect(
      page
        .getByRole('region', { name: 'Kinh phí' })
        .getByRole('row', { name: /Dự toán/ })
        .textContent(),
    ).resolves.toContain('15.250.000 đ');
    await expect(page.locator('tr[data-unit="ninh-kieu-tan-an"] td.num').nth(3).textContent()).resolves.toBe('1');

    // As of 14 November (recorded by the end of that day): not yet.
    await page.getByLabel('Xem như ngày…').fill('14/11/2023');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect(page.getByTestId('as-of-banner').textContent()).resolves.toContain(
      'Đang xem số liệu như ngày 14/11/2023',
    );
    await page.waitForURL(/asOf=2023-11-14/);
    await page.locator('[data-figure="conferences"] .value', { hasText: '0' }).waitFor();
    expect(await figure('participants')).toBe('0');
    await chartsDrawn();
    await screenshot(page, 'dashboard-as-of-1366');
    await page.getByRole('button', { name: 'Trở về hôm nay' }).click();
    await page.locator('[data-figure="conferences"] .value', { hasText: '1' }).waitFor();
    await expect(page.getByTestId('as-of-banner').count()).resolves.toBe(0);

    // The period is in the URL too: the fourth quarter holds the conference, the third does not.
    await page.getByLabel('Kỳ', { exact: true }).selectOption('Q3');
    await page.waitForURL(/period=Q3/);
    await page.locator('[data-figure="conferences"] .value', { hasText: '0' }).waitFor();
  }, 60_000);

  it('shows a ward on a phone: no page scroll sideways, no serious accessibility violation', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${w.url}/dashboard/ninh-kieu-tan-an?year=2023`);
    expect(await figure('conferences')).toBe('1');
    await chartsDrawn();
    // A string, as the tests are compiled without the DOM's types.
    const [scroll, client] = (await page.evaluate(
      '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
    )) as number[];
    expect(scroll).toBeLessThanOrEqual(client);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-ward-390');
  }, 30_000);
});
