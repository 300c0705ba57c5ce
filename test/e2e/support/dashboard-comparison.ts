import {
  DASHBOARD_PERIODS,
  DashboardPeriod,
  GetDashboard,
  GetDashboardHandler,
  TimeTravel,
  UnitDirectory,
} from '@gl/application';
import type { INestApplicationContext } from '@nestjs/common';
import type { Clock, Scope, Unit } from '@gl/domain';
import { READ_STORE, ReadStore } from '@gl/read-models';
import { isDeepStrictEqual } from 'node:util';
import { referenceDashboard } from './dashboard-reference';

export const AUDITOR: Scope = { roles: ['auditor'], readsAll: true, reads: new Set(), writes: new Set() };

/** What the reference replays for a past dashboard: the records themselves. */
const RECORD_COLLECTIONS = [
  'unit-registry',
  'obligations',
  'activities',
  'reporting-periods',
  'reports',
  'inspections',
];

export interface Asks {
  unitIds: string[];
  years: number[];
  periods: (DashboardPeriod | undefined)[];
  bases: ('recorded' | 'today')[];
  /** Asked as of these positions too (time travel). */
  positions?: string[];
}

/** A quarter, a half, nine months, two months and the whole year: one of each kind. */
const SOME_PERIODS: (DashboardPeriod | undefined)[] = [undefined, 'Q3', 'H1', '9M', 'M02', 'M11'];

/** Every period of the year, and the whole year. */
export const EVERY_PERIOD: (DashboardPeriod | undefined)[] = [undefined, ...DASHBOARD_PERIODS];

/**
 * Asks every combination of both implementations (the per-unit figures, and the reference over
 * the records) and lists where they differ: a unit not standing answers an error from both.
 */
export const compareDashboards = async (
  deps: {
    handler: GetDashboardHandler;
    reads: ReadStore;
    units: () => Promise<ReadonlyMap<string, Unit>>;
    now: () => Date;
    timeTravel: TimeTravel;
  },
  asks: Asks,
): Promise<{ compared: number; differences: string[] }> => {
  const differences: string[] = [];
  let compared = 0;
  const pasts: (string | undefined)[] = [undefined, ...(asks.positions ?? [])];
  for (const position of pasts) {
    const reads = position ? await deps.timeTravel.storeAt(position, RECORD_COLLECTIONS) : deps.reads;
    const units = position ? await unitsOf(reads) : await deps.units();
    for (const unitId of asks.unitIds)
      for (const year of asks.years)
        for (const period of asks.periods)
          for (const basis of asks.bases) {
            const q = new GetDashboard(
              AUDITOR,
              unitId,
              year,
              basis,
              undefined,
              position ? { position } : undefined,
              period,
            );
            const [mine, theirs] = await Promise.all([
              deps.handler.execute(q).catch((e: Error) => ({ error: e.message.replace(/^unit /, '') })),
              referenceDashboard(reads, units, deps.now(), q, position ?? null).catch((e: Error) => ({
                error: e.message.replace(/^unit /, ''),
              })),
            ]);
            compared++;
            if (!isDeepStrictEqual(mine, theirs))
              differences.push(
                `${unitId} ${year} ${period ?? 'year'} ${basis}${position ? ` @${position}` : ''}: ` +
                  `${JSON.stringify(firstDifference(mine, theirs))}`,
              );
          }
  }
  return { compared, differences };
};

const unitsOf = (reads: ReadStore) => new UnitDirectory(reads).units();

/** The first path where two answers differ, with both values: what a failing test should print. */
const firstDifference = (
  a: unknown,
  b: unknown,
  path = '',
): { path: string; figures: unknown; reference: unknown } | null => {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return { path, figures: a, reference: b };
};

/**
 * In an e2e suite, after its scenario: every unit's dashboard for the years asked on both bases,
 * and the root's (and its children's) for every period, equal the reference's, field by field.
 */
export const expectDashboardsMatchReference = async (
  app: INestApplicationContext,
  clock: Clock,
  { rootId, years, positions }: { rootId: string; years: number[]; positions?: string[] },
): Promise<number> => {
  const reads = app.get<ReadStore>(READ_STORE);
  const directory = app.get(UnitDirectory);
  const deps = {
    handler: app.get(GetDashboardHandler),
    reads,
    units: () => directory.units(),
    now: () => clock.now(),
    timeTravel: app.get(TimeTravel),
  };
  const units = await directory.units();
  const top = [
    rootId,
    ...[...units.values()].filter((u) => u.parents.some((p) => p.value === rootId)).map((u) => u.id),
  ];
  // Every unit on the recorded tree for every year, and re-based onto today's for the first: the
  // re-basing does not depend on the year, and following every lineage is what costs here.
  const recorded = await compareDashboards(deps, {
    unitIds: [...units.keys()],
    years,
    periods: [undefined],
    bases: ['recorded'],
    positions,
  });
  const rebased = await compareDashboards(deps, {
    unitIds: [...units.keys()],
    years: years.slice(0, 1),
    periods: [undefined],
    bases: ['today'],
  });
  const everyUnit = {
    compared: recorded.compared + rebased.compared,
    differences: [...recorded.differences, ...rebased.differences],
  };
  // Every kind of period (quarter, half, nine months, month) at least once; the generated province asks them all.
  const everyPeriod = await compareDashboards(deps, {
    unitIds: top,
    years,
    periods: SOME_PERIODS,
    bases: ['recorded', 'today'],
  });
  expect([...everyUnit.differences, ...everyPeriod.differences].slice(0, 20)).toEqual([]);
  return everyUnit.compared + everyPeriod.compared;
};
