import { FixedClock } from '@gl/testing';
import type { ReadStore } from '@gl/read-models';
import { UnitDirectory } from '../units/unit-directory';
import { DashboardFiguresRebuildingError, GetDashboard, GetDashboardHandler } from './dashboard.query';
import type { TimeTravel } from './time-travel';

const AUDITOR = { roles: ['auditor' as const], readsAll: true, reads: new Set<string>(), writes: new Set<string>() };

/** An empty read store whose live collections are the ones given. */
const storeWith = (live: string[]): ReadStore => ({
  get: async () => null,
  getMany: async () => [],
  find: async () => [],
  count: async () => 0,
  aggregate: async () => [],
  isLive: async (c) => live.includes(c),
});

describe('a dashboard while its figures are built for the first time', () => {
  const clock = new FixedClock('2023-11-01T03:00:00.000Z');
  const ask = (store: ReadStore) =>
    new GetDashboardHandler(store, clock, new UnitDirectory(store), {} as TimeTravel).execute(
      new GetDashboard(AUDITOR, 'ubnd-can-tho', 2023, 'recorded'),
    );

  it('answers 503 naming the figures being built, not zeros, while the live generations lack them', async () => {
    // given live read models without the activities' and inspections' figures (a rebuild under way)
    const refused = await ask(storeWith(['unit-registry', 'obligation-figures', 'report-figures'])).catch(
      (e: unknown) => e,
    );
    // then the dashboard is refused, saying which, and when to retry
    expect(refused).toBeInstanceOf(DashboardFiguresRebuildingError);
    expect(refused).toMatchObject({
      extensions: { collections: ['activity-figures', 'inspection-figures'], retryAfterSeconds: 5 },
    });
    expect(DashboardFiguresRebuildingError.problem.status).toBe(503);
  });

  it('answers from the figures once their generations are live', async () => {
    const live = storeWith(['obligation-figures', 'activity-figures', 'report-figures', 'inspection-figures']);
    // the unit is not in this empty registry: the refusal is that, not the figures
    await expect(ask(live)).rejects.toThrow('unit ubnd-can-tho on 2023-11-01');
  });

  it('asks nothing of a store that cannot say (its figures are read as they are)', async () => {
    const { isLive: _, ...plain } = storeWith([]);
    await expect(ask(plain)).rejects.toThrow('unit ubnd-can-tho on 2023-11-01');
  });
});
