import { FixedClock } from '@gl/testing';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';

/**
 * Plan, II.1.b: the city's media "thường xuyên" (regularly) disseminate the Law. An ongoing duty has
 * no deadline: it counts in every year it is in force, is never overdue, and its activities stand beside it.
 */
describe('ongoing duties (thường xuyên) count in every year they are in force', () => {
  let h: Harness;
  const clock = new FixedClock('2024-12-20T03:00:00.000Z');
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });

  beforeAll(async () => {
    h = await startApi({}, clock);
  });
  afterAll(() => h.close());

  it("keeps Đài PT-TH Cần Thơ's media duty in 2024 beside its 2024 media items, never overdue", async () => {
    const o = (
      await h
        .http()
        .get(`/api/v1/obligations?taskCode=II.1.b&unitId=dai-ptth-can-tho`)
        .set(await as('auditor'))
        .expect(200)
    ).body.items;
    expect(o).toEqual([
      expect.objectContaining({ obligationId: `${PLAN}.II.1.b.dai-ptth-can-tho`, deadline: null, overdue: false }),
    ]);
    const media = await h
      .http()
      .post('/api/v1/activities/media')
      .set(await as('sonv-coordinator'))
      .send({
        unitId: 'dai-ptth-can-tho',
        obligationId: `${PLAN}.II.1.b.dai-ptth-can-tho`,
        year: 2024,
        details: {
          outlet: 'Đài Phát thanh và Truyền hình Cần Thơ',
          channel: 'television',
          month: '2024-03',
          items: [{ title: 'Luật Thực hiện dân chủ ở cơ sở đi vào cuộc sống', link: null, publishedOn: '2024-03-12' }],
        },
      })
      .expect(201);
    for (const year of [2023, 2024]) {
      const d = (
        await h
          .http()
          .get(`/api/v1/dashboards/dai-ptth-can-tho?year=${year}`)
          .set(await as('auditor'))
          .set('X-Wait-For-Position', media.body.position)
          .expect(200)
      ).body;
      expect([year, d.own.obligations.total, d.own.obligations.overdue]).toEqual([year, 1, 0]);
      expect([year, d.own.mediaItems]).toEqual([year, year === 2024 ? 1 : 0]);
    }
    const q1 = (
      await h
        .http()
        .get('/api/v1/dashboards/dai-ptth-can-tho?year=2024&period=Q1')
        .set(await as('auditor'))
        .expect(200)
    ).body;
    expect(q1.own).toMatchObject({ obligations: { total: 1 }, mediaItems: 1 });
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023, 2024, 2025] }),
    ).toBeGreaterThan(100);
  });
});
