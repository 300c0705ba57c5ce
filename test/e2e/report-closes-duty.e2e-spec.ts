import { FixedClock } from '@gl/testing';
import { schemaErrors } from '@gl/platform';
import { ObligationAnswer } from '../../apps/api/src/plans/plans.responses';
import { ComplianceAnswer, ReportAnswer } from '../../apps/api/src/reporting/reporting.responses';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const PERIOD = 'cantho-2023-ldcs-units_2023';
const DUTY = `${PLAN}.IV.2.b.ninh-kieu-tan-an.2023`;

/** Plan IV.2: units "báo cáo kết quả … hàng năm, trước ngày 15 tháng 11": the report submitted is the duty done. */
describe('the annual report closes its duty', () => {
  let h: Harness;
  const clock = new FixedClock('2023-11-10T03:00:00.000Z');
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const post = async (who: string, path: string, body: object = {}) => {
    const r = await h
      .http()
      .post(`/api/v1/${path}`)
      .set(await as(who))
      .send(body);
    expect([path, r.status]).toEqual([path, 201]);
    return r.body;
  };
  const get = async (path: string, position: string) =>
    (
      await h
        .http()
        .get(`/api/v1/${path}`)
        .set(await as('auditor'))
        .set('X-Wait-For-Position', position)
        .expect(200)
    ).body;

  beforeAll(async () => {
    h = await startApi({}, clock);
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-units', year: 2023 });
  });
  afterAll(() => h.close());

  it("completes Tân An's IV.2 obligation when its head submits the report on time", async () => {
    await post('tanan-reporter', `reporting/periods/${PERIOD}/reports/ninh-kieu-tan-an/draft`, {
      indicators: { conferences: 1, budgetEstimated: 15_000_000 },
      narrative: 'Báo cáo năm 2023',
    });
    const s = await post('tanan-head', `reporting/periods/${PERIOD}/reports/ninh-kieu-tan-an/submission`);
    // Money leaves the API as a decimal string of whole đồng, however it was drafted.
    const report = await get(`reporting/periods/${PERIOD}/reports/ninh-kieu-tan-an`, s.position);
    expect(report.versions[0].indicators).toEqual({ conferences: 1, budgetEstimated: '15000000' });
    expect(schemaErrors(ReportAnswer, report)).toEqual([]);
    const o = await get(`obligations/${DUTY}`, s.position);
    expect(o).toMatchObject({ status: 'completed', onTime: true, overdue: false });
    expect(schemaErrors(ObligationAnswer, o)).toEqual([]);
    clock.set('2023-11-20T03:00:00.000Z');
    expect((await get(`obligations/${DUTY}`, s.position)).overdue).toBe(false);
    const overdue = (await get(`obligations?unitId=ninh-kieu-tan-an&taskCode=IV.2.b&overdue=true`, s.position)).items;
    expect(overdue).toEqual([]);
  });

  it('stays completed through a correction, and compliance shows the version submitted, not the draft', async () => {
    await post('sonv-coordinator', `reporting/periods/${PERIOD}/reports/ninh-kieu-tan-an/return`, {
      reason: 'Thiếu số liệu tập huấn',
    });
    const c = await post('tanan-reporter', `reporting/periods/${PERIOD}/reports/ninh-kieu-tan-an/correction`, {
      indicators: { conferences: 1, trainees: 5 },
      narrative: 'Bổ sung',
      reason: 'Theo yêu cầu của Sở Nội vụ',
    });
    expect((await get(`obligations/${DUTY}`, c.position)).status).toBe('completed');
    const row = (await get(`reporting/periods/${PERIOD}/compliance`, c.position)).rows.find(
      (r: { unitId: string }) => r.unitId === 'ninh-kieu-tan-an',
    );
    expect(row).toMatchObject({ status: 'on-time', version: 1 });
    const again = await post('tanan-head', `reporting/periods/${PERIOD}/reports/ninh-kieu-tan-an/submission`);
    const compliance = await get(`reporting/periods/${PERIOD}/compliance`, again.position);
    expect(schemaErrors(ComplianceAnswer, compliance)).toEqual([]);
    const row2 = compliance.rows.find((r: { unitId: string }) => r.unitId === 'ninh-kieu-tan-an');
    expect(row2).toMatchObject({ status: 'on-time', version: 2 });
  });

  it('completes a late report’s duty as late', async () => {
    await post('sonv-coordinator', 'users', {
      userId: 'an-hoa-head',
      displayName: 'Chủ tịch UBND phường An Hòa (demo)',
      unitId: 'ninh-kieu-an-hoa',
      from: '2023-06-01T00:00:00+07:00',
    });
    await post('sonv-coordinator', 'users/an-hoa-head/grants', {
      role: 'unit-head',
      unitId: 'ninh-kieu-an-hoa',
      from: '2023-06-01T00:00:00+07:00',
    });
    await post('anhoa-reporter', `reporting/periods/${PERIOD}/reports/ninh-kieu-an-hoa/draft`, {
      indicators: { conferences: 1 },
      narrative: 'Báo cáo',
    });
    const s = await post('an-hoa-head', `reporting/periods/${PERIOD}/reports/ninh-kieu-an-hoa/submission`);
    expect(await get(`obligations/${PLAN}.IV.2.b.ninh-kieu-an-hoa.2023`, s.position)).toMatchObject({
      status: 'completed',
      onTime: false,
    });
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023] }),
    ).toBeGreaterThan(100);
  });
});
