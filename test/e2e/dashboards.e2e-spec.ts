import { DashboardSchema } from '@gl/application';
import { schemaErrors } from '@gl/platform';
import { PROJECTION_STORE, ProjectionStore } from '@gl/read-models';
import { FixedClock } from '@gl/testing';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';

describe('per-level dashboards over HTTP', () => {
  const clock = new FixedClock('2023-11-01T03:00:00.000Z');
  let h: Harness;
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const post = async (who: string, path: string, body: object = {}) =>
    (
      await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as(who))
        .send(body)
        .expect(201)
    ).body;
  /** Every dashboard answered here is in the shape OpenAPI documents. */
  const dashboard = async (who: string, unitId: string, query = 'year=2023', position = '0') => {
    const { body } = await h
      .http()
      .get(`/api/v1/dashboards/${unitId}?${query}`)
      .set(await as(who))
      .set('X-Wait-For-Position', position)
      .expect(200);
    expect(schemaErrors(DashboardSchema, body)).toEqual([]);
    return body;
  };
  let last = '0';

  beforeAll(async () => {
    // Snapshots every 200 events: "as of" below replays from the nearest one (ADR 0013), through the api's wiring.
    h = await startApi({ READ_MODEL_SNAPSHOT_EVERY: '200' }, clock);
    const conference = (unitId: string, participants: Record<string, number>) => ({
      unitId,
      obligationId: `${PLAN}.II.1.d.${unitId}`,
      year: 2023,
      details: {
        level: 'commune',
        heldOn: '2023-09-20',
        place: 'Hội trường',
        chairedBy: 'Chủ tịch UBND phường',
        participants,
        evidence: null,
      },
    });
    await post(
      'tanan-reporter',
      'activities/conference',
      conference('ninh-kieu-tan-an', { cadres: 20, 'residents-representatives': 31 }),
    );
    await post(
      'anhoa-reporter',
      'activities/conference',
      conference('ninh-kieu-an-hoa', { cadres: 15, 'residents-representatives': 25 }),
    );
    await post('tanan-reporter', 'activities/budget', {
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: { amount: 15_000_000, description: 'Hội nghị', source: { kind: 'state-budget', level: 'district' } },
    });
    last = (
      await post('tanan-reporter', `obligations/${PLAN}.II.1.d.ninh-kieu-tan-an/completion`, {
        evidence: { documentNumber: '98/BC-UBND', documentDate: '2023-10-30', attachments: [] },
      })
    ).position;
  });
  afterAll(() => h.close());

  it('shows a commune its own figures, with obligations by status and red-amber-green', async () => {
    const d = await dashboard('tanan-reporter', 'ninh-kieu-tan-an', 'year=2023', last);
    // 8 obligations of 2023: II.1.d completed; IV.2.b due on 15 November (within 30 days: amber); the rest,
    // IV.2.a (the detailed plan, no time in the plan) among them, on track.
    expect(d.own.obligations).toEqual({ total: 8, completed: 1, completedLate: 0, onTrack: 6, dueSoon: 1, overdue: 0 });
    expect(d.own).toMatchObject({ rag: 'amber', conferences: 1, participants: 51, budget: { estimated: '15000000' } });
  });

  it('rolls a district up from its communes, with drill-down to each commune', async () => {
    const d = await dashboard('ninhkieu-head', 'ninh-kieu', 'year=2023', last);
    expect(d.rollup).toMatchObject({ conferences: 2, participants: 91, budget: { estimated: '15000000' } });
    // The district's own 8 obligations and 8 for each of its 11 wards.
    expect(d.rollup.obligations).toMatchObject({ total: 8 + 11 * 8, completed: 1 });
    expect(d.children).toHaveLength(11);
    expect(d.children.find((c: { unitId: string }) => c.unitId === 'ninh-kieu-tan-an')).toMatchObject({
      rag: 'amber',
      rollup: { conferences: 1, participants: 51 },
    });
    expect(d.rollup.regulationCoverage).toEqual({
      district: { units: 1, covered: 0 },
      commune: { units: 11, covered: 0 },
    });
  });

  it('gives the city viewer the city with its districts to drill into; a commune user cannot see the district', async () => {
    const city = await dashboard('city-viewer', 'ubnd-can-tho', 'year=2023', last);
    expect(city.children.filter((c: { level: string }) => c.level === 'district')).toHaveLength(9);
    expect(city.children.find((c: { unitId: string }) => c.unitId === 'ninh-kieu').rollup.conferences).toBe(2);
    expect(city.rollup.conferences).toBe(2);
    await h
      .http()
      .get('/api/v1/dashboards/ninh-kieu?year=2023')
      .set(await as('tanan-reporter'))
      .expect(404);
  });

  it('answers "as of" just before and just after an event, differing exactly by that event', async () => {
    const e = await post('anhoa-reporter', 'activities/conference', {
      unitId: 'ninh-kieu-an-hoa',
      year: 2023,
      details: {
        level: 'commune',
        heldOn: '2023-10-25',
        place: 'Nhà văn hóa khu vực 2',
        chairedBy: 'Phó Chủ tịch UBND phường',
        participants: { 'residents-representatives': 60 },
        evidence: null,
      },
    });
    const before = await dashboard(
      'city-viewer',
      'ninh-kieu',
      `year=2023&asOfPosition=${BigInt(e.position) - 1n}`,
      e.position,
    );
    const after = await dashboard('city-viewer', 'ninh-kieu', `year=2023&asOfPosition=${e.position}`, e.position);
    // both started from a snapshot of the activities, not from the start of the log
    expect(await h.app.get<ProjectionStore>(PROJECTION_STORE).snapshotBefore?.('activities', e.position)).toMatchObject(
      {
        projection: 'activities',
      },
    );
    expect(after.rollup.conferences - before.rollup.conferences).toBe(1);
    expect(after.rollup.participants - before.rollup.participants).toBe(60);
    const { conferences: _a, participants: _b, ...restAfter } = after.rollup;
    const { conferences: _c, participants: _d, ...restBefore } = before.rollup;
    expect(restAfter).toEqual(restBefore);
    const now = await dashboard('city-viewer', 'ninh-kieu', 'year=2023', e.position);
    expect(now.rollup).toEqual(after.rollup);
    await h
      .http()
      .get('/api/v1/dashboards/ninh-kieu?year=2023&asOfPosition=yesterday')
      .set(await as('city-viewer'))
      .expect(400);
  });

  it("re-bases 2023's records onto today's units, flagged approximate where a unit passed on only in part", async () => {
    clock.set('2025-08-01T03:00:00.000Z');
    const d = await dashboard('city-viewer', 'ubnd-can-tho', 'year=2023&basis=today');
    expect(d.children.some((c: { level: string }) => c.level === 'district')).toBe(false);
    expect(d.children.find((c: { unitId: string }) => c.unitId === 'new-phuong-ninh-kieu').rollup.conferences).toBe(1);
    expect(d.rollup.conferences).toBe(3);
    expect(d.approximate).toBe(true);
    // Only the records that land in a unit's subtree decide its flag: Phường Ninh Kiều took its wards whole.
    const ward = await dashboard('city-viewer', 'new-phuong-ninh-kieu', 'year=2023&basis=today');
    expect(ward.rollup).toMatchObject({ conferences: 1, participants: 51 });
    expect(ward.approximate).toBe(false);
  });

  it('narrows to a period of the year: what fell due, was held or recorded in it (kỳ: quý, 6 tháng, 9 tháng, tháng)', async () => {
    clock.set('2023-11-01T03:00:00.000Z');
    const of = async (period: string) => dashboard('city-viewer', 'ninh-kieu', `year=2023&period=${period}`);
    const q3 = await of('Q3');
    expect(q3).toMatchObject({ period: 'Q3', from: '2023-07-01', to: '2023-09-30', asOf: '2023-09-30' });
    // Held on 20 September in Tân An (51) and An Hòa (40); the budget was recorded on 1 November.
    expect(q3.rollup).toMatchObject({ conferences: 2, participants: 91, budget: { estimated: '0' } });
    // Nothing of 2023 fell due in the third quarter: only the duties without a deadline — the ongoing ones
    // (II.1.b, II.6) and the detailed plan not yet issued (IV.2.a) — of the district and its 11 wards.
    expect(q3.rollup.obligations).toEqual({
      total: 12 * 3,
      completed: 0,
      completedLate: 0,
      onTrack: 36,
      dueSoon: 0,
      overdue: 0,
    });
    const q4 = await of('Q4');
    expect(q4.rollup).toMatchObject({ conferences: 1, participants: 60, budget: { estimated: '15000000' } });
    expect(q4.rollup.obligations).toMatchObject({ total: 96, completed: 1, completedLate: 0, dueSoon: 12 });
    // An Hòa sends its yearly report (IV.2, due before 15 November) five days late: completed, and late.
    clock.set('2023-11-20T03:00:00.000Z');
    const late = await post('anhoa-reporter', `obligations/${PLAN}.IV.2.b.ninh-kieu-an-hoa.2023/completion`, {
      evidence: { documentNumber: '121/BC-UBND', documentDate: '2023-11-20', attachments: [] },
    });
    const after = await dashboard('city-viewer', 'ninh-kieu', 'year=2023&period=Q4', late.position);
    expect(after.rollup.obligations).toMatchObject({ total: 96, completed: 2, completedLate: 1 });
    expect(
      after.children.find((c: { unitId: string }) => c.unitId === 'ninh-kieu-an-hoa').rollup.obligations,
    ).toMatchObject({ completed: 1, completedLate: 1 });
    expect((await of('H2')).rollup).toMatchObject({ conferences: 3, participants: 151 });
    expect((await of('M09')).rollup.conferences).toBe(2);
    const bad = await h
      .http()
      .get('/api/v1/dashboards/ninh-kieu?year=2023&period=Q5')
      .set(await as('city-viewer'))
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toContain('period must be one of Q1, Q2, Q3, Q4, H1, H2, 9M, M01');
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023] }),
    ).toBeGreaterThan(100);
  });
});
