import { FixedClock } from '@gl/testing';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';

/**
 * NQ 1668/NQ-UBTVQH15: part of Phường Bùi Hữu Nghĩa went into Phường Cái Khế (khoản 2) and the rest
 * into Phường Bình Thủy. On today's tree its 2023 records go to both, in the recorded shares (none is
 * recorded: equal shares), and every dashboard they reach says it is approximate.
 */
describe('re-basing a ward divided between successors', () => {
  let h: Harness;
  const clock = new FixedClock('2023-10-01T03:00:00.000Z');
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const dashboard = async (unitId: string, position: string) =>
    (
      await h
        .http()
        .get(`/api/v1/dashboards/${unitId}?year=2023&basis=today`)
        .set(await as('city-viewer'))
        .set('X-Wait-For-Position', position)
        .expect(200)
    ).body;

  beforeAll(async () => {
    h = await startApi({}, clock);
  });
  afterAll(() => h.close());

  it("sends Bùi Hữu Nghĩa's conference to Cái Khế and Bình Thủy alike, each approximate, once in the city", async () => {
    const c = await h
      .http()
      .post('/api/v1/activities/conference')
      .set(await as('sonv-coordinator'))
      .send({
        unitId: 'binh-thuy-bui-huu-nghia',
        year: 2023,
        details: {
          level: 'commune',
          heldOn: '2023-09-20',
          place: 'Hội trường UBND phường',
          chairedBy: 'Chủ tịch UBND phường',
          participants: { cadres: 20, 'residents-representatives': 40 },
          evidence: null,
        },
      })
      .expect(201);
    clock.set('2025-08-01T03:00:00.000Z');
    const caiKhe = await dashboard('new-phuong-cai-khe', c.body.position);
    const binhThuy = await dashboard('new-phuong-binh-thuy', c.body.position);
    for (const d of [caiKhe, binhThuy]) {
      expect(d.approximate).toBe(true);
      expect(d.rollup).toMatchObject({ conferences: 0.5, participants: 30 });
    }
    const city = await dashboard('ubnd-can-tho', c.body.position);
    expect(city.rollup.conferences).toBe(1);
    expect(
      city.children.filter((x: { approximate: boolean }) => x.approximate).map((x: { unitId: string }) => x.unitId),
    ).toEqual(expect.arrayContaining(['new-phuong-cai-khe', 'new-phuong-binh-thuy']));
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023] }),
    ).toBeGreaterThan(100);
  });
});
