import { SealScheduler } from '@gl/platform';
import { FixedClock } from '@gl/testing';
import type { Page } from 'playwright-core';
import { type WebApp, screenshot, seriousViolations, signInAsDemo, startWebApp } from './support/browser-harness';

const UNITS = 'cantho-2023-ldcs-units_2023';
const TAN_AN = 'ninh-kieu-tan-an';
const HEAD = 'Chủ tịch UBND phường Tân An (demo)';

describe('reporting and audit in the browser: a ward drafts, its head submits, the coordinator sees it on time, the auditor sees who', () => {
  // 09:00 on 2 October 2023 in Vietnam, well before the deadline (before 15 November).
  const now = new Date('2023-10-02T02:00:00.000Z');
  const clock = new FixedClock(now.toISOString());
  let w: WebApp;

  beforeAll(async () => {
    w = await startWebApp({}, clock);
    // SCHEDULER is off in tests: the coordinator opens the 2023 period through the API.
    await w.api
      .http()
      .post('/api/v1/reporting/periods')
      .set('Authorization', `Bearer ${await w.api.token('sonv-coordinator')}`)
      .send({ regimeId: 'cantho-2023-ldcs-units', year: 2023 })
      .expect(201);
    await w.api.settle();
  }, 120_000);
  afterAll(() => w?.close());

  const signedIn = async (who: RegExp | string, width = 1366) => {
    const ctx = await w.context(width, now);
    const page = await ctx.newPage();
    page.setDefaultTimeout(6000);
    await signInAsDemo(page, w.url, who);
    return { ctx, page };
  };
  const rowOf = (page: Page, unitId: string) =>
    page.locator(`[data-testid="compliance-table"] tr[data-unit="${unitId}"]`);

  it('runs the cycle through the pages, with no serious accessibility violation on any', async () => {
    // The coordinator's compliance table: the ward has not reported yet.
    const coordinator = await signedIn(/Điều phối viên Sở Nội vụ/);
    const cp = coordinator.page;
    await cp.goto(`${w.url}/reporting`);
    await cp
      .getByRole('link', { name: /Ninh Kiều|báo cáo/i })
      .first()
      .waitFor();
    // The periods' list has loaded when its deadline words show (the breadcrumb's link is there before).
    await cp.locator('main').getByText('Hằng năm, trước ngày 15 tháng 11').first().waitFor();
    expect(await seriousViolations(cp)).toEqual([]);
    await cp.goto(`${w.url}/reporting/${UNITS}?level=commune`);
    await expect(rowOf(cp, TAN_AN).textContent()).resolves.toContain('Chưa báo cáo');
    await expect(rowOf(cp, TAN_AN).textContent()).resolves.toContain('Cấp xã');

    // The ward's reporter prefills from the record, edits the draft and saves it.
    const reporter = await signedIn(/Cán bộ báo cáo UBND phường Tân An/);
    const rp = reporter.page;
    await rp.goto(`${w.url}/reporting/${UNITS}/${TAN_AN}`);
    await rp.getByRole('button', { name: 'Lập dự thảo từ số liệu đã ghi nhận' }).click();
    await rp.getByTestId('report-status').filter({ hasText: 'Bản nháp' }).waitFor();
    expect(await rp.getByRole('button', { name: 'Ký và gửi báo cáo' }).count()).toBe(0);
    await rp.getByLabel('Số lớp tập huấn').fill('2');
    await rp.getByLabel('Kinh phí dự toán (đồng)').fill('15000000');
    await rp.getByLabel('Nội dung báo cáo').fill('Phường đã tổ chức hội nghị quán triệt và hai lớp tập huấn.');
    await rp.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await rp.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await expect(rp.getByLabel('Số lớp tập huấn').inputValue()).resolves.toBe('2');
    await reporter.ctx.close();

    // The head signs and submits, on a phone.
    const head = await signedIn(HEAD, 390);
    const hp = head.page;
    await hp.goto(`${w.url}/reporting/${UNITS}/${TAN_AN}`);
    await hp.getByRole('button', { name: 'Ký và gửi báo cáo' }).click();
    await hp.getByTestId('report-status').filter({ hasText: 'Đã gửi' }).waitFor();
    const versions = hp.getByTestId('report-versions');
    await versions.getByText(HEAD).waitFor();
    await expect(versions.textContent()).resolves.toContain('02/10/2023 09:00');
    expect(await seriousViolations(hp)).toEqual([]);
    expect(await hp.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(hp, 'reporting-report-390');
    const [docx] = await Promise.all([
      hp.waitForEvent('download'),
      hp.getByRole('button', { name: 'Báo cáo (DOCX)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe('Báo cáo Phường Tân An cantho-2023-ldcs-units_2023.docx');
    await head.ctx.close();

    // The coordinator's table now shows the ward on time.
    await cp.reload();
    await rowOf(cp, TAN_AN).getByText('Đúng hạn').waitFor();
    await expect(rowOf(cp, TAN_AN).textContent()).resolves.toContain('02/10/2023 09:00');
    expect(await cp.getByRole('button', { name: /^Đôn đốc \d+ đơn vị chưa báo cáo$/ }).count()).toBe(1);
    await screenshot(cp, 'reporting-compliance-1366');
    // The level filter: the districts only (axe reads the same table, shorter).
    await cp.getByLabel('Cấp').selectOption('district');
    await cp.waitForURL('**level=district');
    await rowOf(cp, 'ninh-kieu').waitFor();
    await expect(rowOf(cp, TAN_AN).count()).resolves.toBe(0);
    const [xlsx] = await Promise.all([
      cp.waitForEvent('download'),
      cp.getByRole('button', { name: 'Tình hình báo cáo (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`Tình hình báo cáo ${UNITS} cấp huyện.xlsx`);
    expect(await seriousViolations(cp)).toEqual([]);
    await coordinator.ctx.close();
  }, 60_000);

  it('shows the auditor who recorded the submission and when, and that the log is intact, also against a pinned seal', async () => {
    await w.api.app.get(SealScheduler).sealNow();
    const auditor = await signedIn(/Thanh tra viên, Thanh tra thành phố/);
    const ap = auditor.page;
    await ap.goto(`${w.url}/audit`);
    await ap.getByLabel('Đơn vị').selectOption(TAN_AN);
    await ap.getByRole('button', { name: 'Xem lịch sử đơn vị' }).click();
    await ap.waitForURL(`**/audit/units/${TAN_AN}`);
    const submitted = ap.locator('tr[data-type="report.submitted.v1"]');
    for (let i = 0; i < 20 && !(await submitted.count()); i++) {
      await ap.getByTestId('audit-events').waitFor();
      if (await ap.getByRole('button', { name: 'Trang sau' }).isDisabled()) break;
      await ap.getByRole('button', { name: 'Trang sau' }).click();
      await ap.waitForTimeout(150);
    }
    await submitted.getByText(HEAD).waitFor();
    const row = await submitted.textContent();
    expect(row).toContain('Ký và gửi báo cáo');
    expect(row).toContain('Thủ trưởng đơn vị');
    expect(row).toContain('02/10/2023 09:00');
    await ap
      .getByTestId('verify-status')
      .getByText(/Nhật ký nguyên vẹn/)
      .waitFor();
    await ap.getByTestId('latest-seal').waitFor();
    await ap.getByRole('button', { name: 'Ghim niêm phong này trong trình duyệt' }).click();
    await ap
      .getByTestId('pin-result')
      .getByText(/vẫn còn nguyên/)
      .waitFor();
    expect(await ap.evaluate("localStorage.getItem('gl.audit.pinnedSeal')")).toContain('"upTo"');
    expect(await seriousViolations(ap)).toEqual([]);
    await screenshot(ap, 'audit-history-1366');
    // The same history in English.
    await ap.getByLabel('Ngôn ngữ').selectOption('en');
    await ap.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await expect(submitted.textContent()).resolves.toContain('Report signed and submitted');
    await expect(submitted.textContent()).resolves.toContain('Head of unit');
    await auditor.ctx.close();
  }, 60_000);

  it("compiles the city's report to Bộ Nội vụ in Sở Nội vụ, its director signs and submits it and downloads the DOCX", async () => {
    const later = new Date('2023-11-20T02:00:00.000Z');
    clock.set(later.toISOString());
    await w.api
      .http()
      .post('/api/v1/reporting/periods')
      .set('Authorization', `Bearer ${await w.api.token('sonv-coordinator')}`)
      .send({ regimeId: 'cantho-2023-ldcs-city', year: 2023 })
      .expect(201);
    await w.api.settle();
    const CITY = 'cantho-2023-ldcs-city_2023';
    const as = async (who: RegExp) => {
      const ctx = await w.context(1366, later);
      const page = await ctx.newPage();
      page.setDefaultTimeout(6000);
      await signInAsDemo(page, w.url, who);
      return { ctx, page };
    };
    const coordinator = await as(/Điều phối viên Sở Nội vụ/);
    await coordinator.page.goto(`${w.url}/reporting/${CITY}/so-noi-vu`);
    await coordinator.page.getByRole('button', { name: 'Tổng hợp báo cáo từ các đơn vị' }).click();
    await coordinator.page.getByTestId('report-status').filter({ hasText: 'Bản nháp' }).waitFor();
    await coordinator.ctx.close();

    const director = await as(/Giám đốc Sở Nội vụ/);
    const dp = director.page;
    await dp.goto(`${w.url}/reporting/${CITY}/so-noi-vu`);
    await dp.getByRole('button', { name: 'Ký và gửi báo cáo' }).click();
    await dp.getByTestId('report-status').filter({ hasText: 'Đã gửi' }).waitFor();
    await dp.getByTestId('report-versions').getByText('Giám đốc Sở Nội vụ (demo)').waitFor();
    const [docx] = await Promise.all([
      dp.waitForEvent('download'),
      dp.getByRole('button', { name: 'Báo cáo (DOCX)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/^Báo cáo Sở Nội vụ.*\.docx$/);
    expect(await seriousViolations(dp)).toEqual([]);
    await screenshot(dp, 'reporting-city-report-1366');
    await director.ctx.close();
  }, 60_000);
});
