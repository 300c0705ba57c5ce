import { CommandBus } from '@nestjs/cqrs';
import type { Page } from 'playwright-core';
import { OpenYears, systemScope } from '@gl/application';
import { SYSTEM_ACTOR } from '@gl/domain';
import { FixedClock } from '@gl/testing';
import { type WebApp, screenshot, seriousViolations, signInAsDemo, startWebApp } from './support/browser-harness';

const PLAN = 'cantho-2023-ldcs';
const UNIT = 'ninh-kieu-tan-an';
const NOW = '2023-09-10T09:00:00+07:00';
const REPORTER = /Cán bộ báo cáo UBND phường Tân An/;

/**
 * A commune's reporter at work (issue 15, item 4): the inbox of Phường Tân An in September 2023, a
 * conference recorded through the form generated from the API's own schema, and its figures.
 */
describe("the web app: a unit's work", () => {
  let w: WebApp;
  const clock = new FixedClock(NOW);
  const token = () => w.api.token('tanan-reporter');
  const apiGet = async (path: string) =>
    (
      await w.api
        .http()
        .get(`/api/v1${path}`)
        .set('Authorization', `Bearer ${await token()}`)
        .expect(200)
    ).body;

  const apiPost = async (who: string, path: string, body: object) =>
    (
      await w.api
        .http()
        .post(`/api/v1${path}`)
        .set('Authorization', `Bearer ${await w.api.token(who)}`)
        .send(body)
        .expect(201)
    ).body;

  beforeAll(async () => {
    w = await startWebApp({}, clock);
    // The scheduler is off in tests: the year's obligations are opened here, as the scheduler would.
    await w.api.settle();
    await w.api.app
      .get(CommandBus)
      .execute(new OpenYears({ actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'test-open-years' }));
    await w.api.settle();
  }, 120_000);
  afterAll(() => w?.close());

  const openWork = async (width: number): Promise<Page> => {
    const ctx = await w.context(width, new Date(NOW));
    const page = await ctx.newPage();
    page.setDefaultTimeout(8_000);
    await signInAsDemo(page, w.url, REPORTER);
    // Through the main navigation, as a reporter would (and without loading the app again).
    await page.getByRole('link', { name: 'Công việc của đơn vị' }).first().click();
    await page.getByRole('heading', { name: 'Nhiệm vụ được giao' }).waitFor();
    await page.locator('table.inbox').waitFor();
    return page;
  };

  it('records a conference through the generated form, refused first for an empty place, and counts it', async () => {
    const page = await openWork(1366);
    await page.getByTestId('figure-conferences').getByText('0').waitFor();
    // The deadline as the plan words it, and the day in Vietnam before which it falls.
    const row = page.getByTestId('obligation-II.1.d');
    await expect(row.textContent()).resolves.toMatch(/Quý III và quý IV năm 2023.*trước ngày 01\/01\/2024/i);
    await expect(row.textContent()).resolves.toContain('Chưa nhận');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'work-inbox-1366');

    // Acknowledged from the inbox.
    await row.getByRole('button', { name: /Xác nhận đã nhận/ }).click();
    await row.getByText('Đã nhận', { exact: true }).waitFor();
    expect((await apiGet(`/obligations/${PLAN}.II.1.d.${UNIT}`)).status).toBe('acknowledged');

    await page.getByRole('link', { name: 'Hội nghị', exact: true }).click();
    await page.getByRole('heading', { name: 'Ghi nhận hoạt động: Hội nghị' }).waitFor();
    await page.getByLabel('Thực hiện nhiệm vụ').selectOption(`${PLAN}.II.1.d.${UNIT}`);
    await page.getByLabel('Cấp tổ chức').selectOption('commune');
    await page.getByLabel('Ngày tổ chức').fill('2023-09-08');
    await page.getByLabel('Người chủ trì').fill('Chủ tịch UBND phường Tân An');
    await page.getByLabel('Cán bộ', { exact: true }).fill('12');
    await page.getByLabel('Đại diện Nhân dân').fill('30');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();

    // Refused: the sentence beside the field, the field marked, and nothing recorded or lost.
    const place = page.getByLabel('Địa điểm');
    await page.getByRole('alert').waitFor();
    await expect(place.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await place.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy.split(' ').find((x) => x.endsWith('-error'))}"]`);
    await expect(error.textContent()).resolves.toBe('Không được để trống.');
    await expect(page.getByLabel('Người chủ trì').inputValue()).resolves.toBe('Chủ tịch UBND phường Tân An');
    expect((await apiGet(`/activities?unitId=${UNIT}&year=2023`)).total).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'work-conference-error-1366');

    await place.fill('Hội trường UBND phường Tân An');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByText('Đã ghi nhận.').waitFor();
    await page.getByText('Hội trường UBND phường Tân An').waitFor();

    await page.getByRole('link', { name: 'Công việc của đơn vị' }).first().click();
    await page.getByTestId('figure-conferences').getByText('1').waitFor();
    await page.getByTestId('figure-participants').getByText('42').waitFor();
    await page.getByRole('link', { name: /Hội nghị: Hội trường UBND phường Tân An/ }).waitFor();
    await page.context().close();
  }, 60_000);

  it('works on a phone: the inbox and the conference form at 390 px', async () => {
    const page = await openWork(390);
    await screenshot(page, 'work-inbox-390');
    await page.getByRole('link', { name: 'Hội nghị', exact: true }).click();
    await page.getByLabel('Địa điểm').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'work-conference-form-390');
    await page.context().close();
  }, 40_000);

  it("reports progress on an obligation from its page, and shows a difficulty's thread in order", async () => {
    const page = await openWork(1366);
    await page.getByTestId('obligation-II.4').getByRole('link').click();
    await page.getByRole('heading', { name: /Nhiệm vụ II.4/ }).waitFor();
    await page.locator('summary', { hasText: 'Cập nhật tiến độ' }).click();
    await page.getByLabel('Tiến độ (%)').fill('40');
    await page.getByLabel('Ghi chú').fill('Đã có dự thảo quy chế');
    await page.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
    await page.getByRole('cell', { name: 'Cập nhật tiến độ' }).waitFor();
    await page.locator('.facts').getByText('Đang thực hiện').waitFor();
    await screenshot(page, 'work-obligation-1366');

    const raised = await apiPost('tanan-reporter', '/activities/difficulty', {
      unitId: UNIT,
      year: 2023,
      details: {
        title: 'Chưa có hướng dẫn lấy ý kiến Nhân dân',
        description: 'Đề nghị hướng dẫn cách tổ chức hội nghị lấy ý kiến ở khu vực.',
        raisedOn: '2023-09-05',
      },
    });
    await apiPost('sonv-coordinator', `/activities/difficulty/${raised.activityId}/steps/guidance`, {
      details: { guidance: 'Thực hiện theo Điều 25 của Luật; Sở Nội vụ gửi mẫu kèm theo.', on: '2023-09-08' },
    });
    await w.api.settle();
    await page.goto(`${w.url}/units/${UNIT}/work/activities/difficulty/${raised.activityId}`);
    const steps = page.locator('ol.thread > li');
    await steps.nth(1).waitFor();
    await expect(steps.allTextContents()).resolves.toEqual([
      expect.stringContaining('Chưa có hướng dẫn lấy ý kiến Nhân dân'),
      expect.stringMatching(/Sở Nội vụ hướng dẫn · 08\/09\/2023.*Điều 25/),
    ]);
    await screenshot(page, 'work-difficulty-1366');
    await page.context().close();
  }, 40_000);
});
