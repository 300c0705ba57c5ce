import { CommandBus } from '@nestjs/cqrs';
import { OpenYears, systemScope } from '@gl/application';
import { SYSTEM_ACTOR } from '@gl/domain';
import { READ_STORE, ReadStore } from '@gl/read-models';
import { FixedClock } from '@gl/testing';
import { schemaErrors } from '@gl/platform';
import { ComplianceAnswer } from '../../apps/api/src/reporting/reporting.responses';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const CLOSED = ['cancelled', 'passed'];

/**
 * Plan IV.2: "Các sở, ban ngành thành phố; Ủy ban nhân dân cấp huyện; Ủy ban nhân dân cấp xã … báo
 * cáo kết quả … hàng năm, trước ngày 15 tháng 11". One rule for who owes a yearly duty and who is
 * expected to report for its period: the units standing on the day it falls due (14 November).
 */
describe('yearly duties follow the tree of their year', () => {
  let h: Harness;
  const clock = new FixedClock('2026-01-05T03:00:00.000Z');
  const ctx = { actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'test-scheduler' };
  const openYears = async () => {
    await h.settle();
    await h.app.get(CommandBus).execute(new OpenYears(ctx));
    await h.settle();
  };
  const owing = async (year: number) =>
    (
      await h.app
        .get<ReadStore>(READ_STORE)
        .find('obligations', { planId: PLAN, taskCode: 'IV.2.b', year, status: { $nin: CLOSED } })
    )
      .map((o) => o.unitId as string)
      .sort();
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });

  beforeAll(async () => {
    h = await startApi({}, clock);
    clock.set('2026-12-01T03:00:00.000Z');
    await openYears();
  });
  afterAll(() => h.close());

  it('owes IV.2 in 2023–2026 exactly as each year’s period expects, unit by unit', async () => {
    for (const year of [2023, 2024, 2025, 2026]) {
      const period = (
        await h
          .http()
          .get(`/api/v1/reporting/periods/cantho-2023-ldcs-units_${year}/compliance`)
          .set(await as('auditor'))
          .expect(200)
      ).body;
      expect(schemaErrors(ComplianceAnswer, period)).toEqual([]);
      const expected = period.rows.map((r: { unitId: string }) => r.unitId).sort();
      expect([year, await owing(year)]).toEqual([year, expected]);
    }
  });

  it('asks nothing of the units that ended on 1 July 2025, and the 2025 report of the new wards', async () => {
    const y2025 = await owing(2025);
    expect(y2025).not.toContain('ninh-kieu');
    expect(y2025).not.toContain('ninh-kieu-tan-an');
    expect(y2025).toContain('new-phuong-ninh-kieu');
    expect(y2025.filter((u) => u.startsWith('ninh-kieu')).length).toBe(0);
  });

  it('passes an open duty to the successor when a merger is recorded after the year opened', async () => {
    const before = await owing(2026);
    const [a, b] = before.filter((u) => u.startsWith('new-phuong-'));
    const merged = await h
      .http()
      .post('/api/v1/units/mergers')
      .set(await as('sonv-coordinator'))
      .send({
        predecessors: [
          { unitId: a, whole: true },
          { unitId: b, whole: true },
        ],
        continuingUnitId: a,
        effectiveOn: '2026-06-01',
        legalBasis: {
          number: '9999/NQ-UBTVQH15 (thử nghiệm)',
          date: '2026-05-01',
          issuer: 'Ủy ban Thường vụ Quốc hội',
        },
      });
    expect(merged.status).toBe(201);
    await openYears();
    const after = await owing(2026);
    expect(after).toContain(a);
    expect(after).not.toContain(b);
    const old = await h.app.get<ReadStore>(READ_STORE).get('obligations', `${PLAN}.IV.2.b.${b}.2026`);
    expect(old).toMatchObject({ status: 'passed', passedTo: a });
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2024, 2025, 2026] }),
    ).toBeGreaterThan(100);
  });
});
