import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DASHBOARD_COLLECTIONS,
  dashboardProjections,
  GetDashboard,
  GetDashboardHandler,
  TimeTravel,
  UnitDirectory,
} from '@gl/application';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { allProjections, ProjectionEngine } from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';
import { LogWriter, SettableClock } from '../../bench/support/log-writer';
import { writeNationalLog } from '../../bench/support/national-log';
import type { NationalTree } from '../../bench/support/national-tree';
import { AUDITOR, compareDashboards, EVERY_PERIOD } from './support/dashboard-comparison';

/**
 * Issue 17: the dashboards made of per-unit figures answer, figure by figure, what the reference
 * over the records answers, on a generated log (one province of the national bench's: its communes'
 * conferences, trainings, media, legal reviews, regulations amended, budgets through every step,
 * difficulties, corrections, withdrawals, completions and reports), at two instants and in the past.
 */
describe('dashboards of per-unit figures on a generated province', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-figures-'));
  const clock = new SettableClock('2023-01-01T02:00:00.000Z');
  const events = new SqliteEventStore({ filename: join(dir, 'events.db'), clock, synchronous: 'OFF' });
  const store = new EmbeddedReadStore({ filename: join(dir, 'read-models.db'), clock, synchronous: 'OFF' });
  const scratch = () => new EmbeddedReadStore({ filename: ':memory:', clock });
  // "As of" starts from the read models' snapshots, taken every 2,000 events of the log.
  const timeTravel = new TimeTravel(events, allProjections, scratch, 1e7, store);
  const snapshotted = dashboardProjections(allProjections);
  const handler = new GetDashboardHandler(store, clock, new UnitDirectory(store), timeTravel);
  const deps = {
    handler,
    reads: store,
    units: () => new UnitDirectory(store).units(),
    now: () => clock.now(),
    timeTravel,
  };
  let tree: NationalTree;
  let head: string;
  let midway: { compared: number; differences: string[] } | undefined;
  const catchUp = async () => {
    const at = await events.headPosition();
    const engine = new ProjectionEngine(events, store, allProjections, {
      clock,
      run: true,
      batchSize: 1000,
      snapshots: { every: 2000, projections: snapshotted },
    });
    engine.start();
    if (!(await engine.waitFor(at, 300_000))) throw new Error('the projections did not catch up');
    await engine.stop();
    return at;
  };
  const LATE_NOVEMBER = '2023-11-25T03:00:00.000Z';

  beforeAll(async () => {
    // Halfway through the year's records, every unit's dashboard is asked once as of late November:
    // the tallies the handler keeps are then mended by the second half, not made afresh.
    tree = await writeNationalLog(new LogWriter(events, clock), 1, async () => {
      await catchUp();
      const writing = clock.now().toISOString();
      clock.set(LATE_NOVEMBER);
      midway = await compareDashboards(deps, {
        unitIds: [...(await deps.units()).keys()],
        years: [2023],
        periods: [undefined, 'Q3'],
        bases: ['recorded', 'today'],
      });
      clock.set(writing);
    });
    head = await catchUp();
  }, 600_000);

  it('halfway through the records, every unit’s figures equal too', () => {
    expect(midway!.differences.slice(0, 20)).toEqual([]);
    expect(midway!.compared).toBeGreaterThan(200);
  });

  afterAll(async () => {
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([LATE_NOVEMBER, '2024-03-01T03:00:00.000Z'])(
    'every unit for the year (the tallies kept from halfway mended), and the top units for every period, on both bases, now %s',
    async (now) => {
      clock.set(now);
      const [p] = tree.provinces;
      const all = await compareDashboards(deps, {
        unitIds: [tree.rootId, p.ubnd, ...p.bodies, ...p.communes],
        years: [2023],
        periods: [undefined],
        bases: ['recorded', 'today'],
      });
      const periods = await compareDashboards(deps, {
        unitIds: [tree.rootId, p.ubnd, p.communes[0]],
        years: [2023],
        periods: EVERY_PERIOD,
        bases: ['recorded', 'today'],
      });
      expect([...all.differences, ...periods.differences].slice(0, 20)).toEqual([]);
      expect(all.compared + periods.compared).toBeGreaterThan(200);
      // The scenario is not empty: what is compared holds every kind of figure.
      const nation = await handler.execute(new GetDashboard(AUDITOR, tree.rootId, 2023, 'recorded'));
      expect(nation.rollup).toMatchObject({
        conferences: expect.any(Number),
        reports: { expected: expect.any(Number) },
      });
      for (const n of [
        nation.rollup.conferences,
        nation.rollup.trainings,
        nation.rollup.mediaItems,
        nation.rollup.documentsReviewed,
        nation.rollup.regulationsInForce,
        nation.rollup.obligations.completed,
        nation.rollup.reports.onTime,
        Number(nation.rollup.budget.spent),
      ])
        expect(n).toBeGreaterThan(0);
    },
    300_000,
  );

  it('as of a past position, the read models from the nearest snapshot equal a replay of the whole log', async () => {
    const whole = new TimeTravel(events, allProjections, scratch, 1e7);
    const positions = [String(BigInt(head) / 3n), String((BigInt(head) * 2n) / 3n), head];
    expect(await store.snapshotBefore('activities', positions[0])).not.toBeNull();
    for (const at of positions) {
      const [past, replayed] = [await timeTravel.storeAt(at), await whole.storeAt(at)];
      for (const c of [...DASHBOARD_COLLECTIONS, 'obligations', 'activities', 'reports', 'inspections']) {
        const [a, b] = [await past.find(c, {}, { sort: { _id: 1 } }), await replayed.find(c, {}, { sort: { _id: 1 } })];
        // Per-unit figures carry their batch's last position, which the two replays cut differently.
        const meaning = (docs: typeof a) => (c.endsWith('-figures') ? docs.map(({ _position, ...d }) => d) : docs);
        expect({ c, at, n: a.length, docs: meaning(a) }).toEqual({ c, at, n: b.length, docs: meaning(b) });
      }
    }
  }, 300_000);

  it('as of a past position (time travel), every figure equal too', async () => {
    clock.set('2023-11-25T03:00:00.000Z');
    const [p] = tree.provinces;
    const r = await compareDashboards(deps, {
      unitIds: [tree.rootId, p.ubnd, p.communes[1]],
      years: [2023],
      periods: [undefined, 'Q2', 'H2'],
      bases: ['recorded'],
      positions: [String(BigInt(head) / 3n), String((BigInt(head) * 2n) / 3n)],
    });
    expect(r.differences.slice(0, 20)).toEqual([]);
  }, 300_000);
});
