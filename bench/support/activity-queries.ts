import {
  GetBudgetTotals,
  GetBudgetTotalsHandler,
  GetRegulationCoverage,
  GetRegulationCoverageHandler,
  GetUnitFigures,
  GetUnitFiguresHandler,
  ListActivities,
  ListActivitiesHandler,
  UnitDirectory,
} from '@gl/application';
import type { ReadStore } from '@gl/read-models';
import { AUDITOR, timedRuns, viewerOf } from './measure';
import type { NationalTree } from './national-tree';

/**
 * The activity queries at national scale (issue 17, ADR 0014: activities are read from the file):
 * what a commune, a province and an auditor ask, one after another, as the api's handlers do.
 */
export const activityQueries = async (reads: ReadStore, tree: NationalTree, where: string): Promise<void> => {
  const directory = new UnitDirectory(reads);
  const list = new ListActivitiesHandler(reads);
  const p = tree.provinces.reduce((a, b) => (b.communes.length > a.communes.length ? b : a));
  const commune = p.communes[0];
  const province = viewerOf([p.ubnd, ...p.bodies, ...p.communes]);
  const cases: [string, number, () => Promise<unknown>][] = [
    [
      'a commune: its figures for 2023',
      20,
      () => new GetUnitFiguresHandler(reads).execute(new GetUnitFigures(viewerOf([commune]), commune, 2023)),
    ],
    [
      'a commune: its first page of activities',
      20,
      () => list.execute(new ListActivities(viewerOf([commune]), {}, 1, 20)),
    ],
    [`${p.name}: its first page of activities`, 5, () => list.execute(new ListActivities(province, {}, 1, 20))],
    [
      `${p.name}: its communes' regulations`,
      5,
      () =>
        new GetRegulationCoverageHandler(reads, directory).execute(
          new GetRegulationCoverage(province, 'commune', '2023-11-25', p.ubnd),
        ),
    ],
    [
      `${p.name}: budget totals by unit`,
      5,
      () => new GetBudgetTotalsHandler(reads).execute(new GetBudgetTotals(province, 2023, 'unit')),
    ],
    ['an auditor: the first page of every activity', 1, () => list.execute(new ListActivities(AUDITOR, {}, 1, 20))],
  ];
  console.log(`activity queries (activities ${where}):`);
  for (const [what, runs, run] of cases) {
    // The slowest (an auditor's whole list) is timed once, cold: what an auditor waits.
    const r = await timedRuns(runs, run, runs === 1 ? 0 : 3);
    console.log(`  ${what.padEnd(56)} p50 ${r.p50.toFixed(1).padStart(8)} ms   max ${r.max.toFixed(1).padStart(8)} ms`);
  }
};
