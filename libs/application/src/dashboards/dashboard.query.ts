import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarDate, Clock, Scope, Unit, vietnamDateOf } from '@gl/domain';
import {
  activityFigures,
  AnyProjection,
  Doc,
  inspectionFigures,
  obligationFigures,
  READ_STORE,
  ReadStore,
  reportFigures,
} from '@gl/read-models';
import { NotFoundInScopeError, requireReadable } from '../shared/access.errors';
import { CLOCK_PORT } from '../shared/ports';
import { UnitDirectory } from '../units/unit-directory';
import { projectionsWriting, TimeTravel } from './time-travel';
import { treeOn } from './tree-on-day';
import { DashboardPeriod, periodDays } from './dashboard-period';
import { landingsOfSubtree } from './rebase';
import { FigureDocs, PeriodExpecting, periodsIn } from './dashboard-tally';
import { DashboardTallies } from './dashboard-tallies';
import { dashboardParts } from './dashboard-view';
import type { Dashboard } from './dashboard.responses';

/** The per-unit figures a dashboard adds up. */
const FIGURE_COLLECTIONS = [obligationFigures, activityFigures, reportFigures, inspectionFigures].map(
  (f) => f.collection,
);
/** What a dashboard reads: a past one replays only the projections writing these (and those are the ones snapshotted). */
export const DASHBOARD_COLLECTIONS = ['unit-registry', 'reporting-periods', ...FIGURE_COLLECTIONS];
/** The projections a past dashboard replays, so the ones the engine snapshots (ADR 0013). */
export const dashboardProjections = (projections: readonly AnyProjection[]): string[] =>
  projectionsWriting(projections, DASHBOARD_COLLECTIONS);

/** The figures are being built for the first time (after an upgrade): zeros would be wrong, so no answer yet. */
export class DashboardFiguresRebuildingError extends Error {
  static readonly problem = {
    type: '/problems/dashboard-figures-rebuilding',
    status: 503,
    title: 'Dashboard figures are being built',
  };
  readonly extensions: { collections: string[]; retryAfterSeconds: number };
  constructor(readonly collections: string[]) {
    super(`the dashboard's figures (${collections.join(', ')}) are being built from the log; retry shortly.`);
    this.extensions = { collections, retryAfterSeconds: 5 };
    this.name = 'DashboardFiguresRebuildingError';
  }
}

/**
 * A unit's dashboard for a year: its own figures and the roll-up of its subtree (obligations by
 * status with red-amber-green, activities, regulation coverage, budget, difficulties, reporting
 * compliance), with the children for drill-down. `basis: 'recorded'` follows the tree as it stood at
 * the end of the year (or on `asOf`); `'today'` re-bases every record onto today's units through
 * the lineage, flagging the figures approximate where a unit passed on only in part.
 */
export class GetDashboard {
  constructor(
    readonly scope: Scope,
    readonly unitId: string,
    readonly year: number,
    readonly basis: 'recorded' | 'today',
    readonly asOf?: CalendarDate,
    /** Time travel: the read models as they were at a global position, or at a recorded instant. */
    readonly past?: { position?: string; recordedAt?: string },
    /** A part of the year: what was due, done, held or reported in it. */
    readonly period?: DashboardPeriod,
  ) {}
}

/**
 * Reads the per-unit figures of the units whose records count (issue 17: a dashboard costs the
 * units of its subtree, never their records) and composes the pure parts: landings, tallies (kept
 * between requests and mended where documents moved), view.
 */
@QueryHandler(GetDashboard)
export class GetDashboardHandler implements IQueryHandler<GetDashboard, Dashboard> {
  private readonly tallies = new DashboardTallies();
  /** A past store's registry, parsed once per store (its tallies are kept by the registry's identity). */
  private readonly pastDirectories = new WeakMap<ReadStore, UnitDirectory>();

  constructor(
    @Inject(READ_STORE) private readonly current: ReadStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly directory: UnitDirectory,
    private readonly timeTravel: TimeTravel,
  ) {}

  async execute({ scope, unitId, year, basis, asOf, past, period }: GetDashboard): Promise<Dashboard> {
    requireReadable(scope, unitId, `unit ${unitId}`);
    const { reads, units, now, asOfPosition } = await this.source(past);
    await requireFigures(reads);
    const today = vietnamDateOf(now);
    const window = period ? periodDays(year, period) : undefined;
    const span = window ?? { from: `${year}-01-01`, to: `${year}-12-31` };
    const day = basis === 'today' ? today : (asOf ?? (span.to < today ? span.to : today));
    const tree = treeOn(units, day);
    const root = tree.byId.get(unitId);
    if (!root) throw new NotFoundInScopeError(`unit ${unitId} on ${day}`);
    const { lands, members } = landingsOfSubtree(units, tree, unitId, basis, day, today);
    const byId = async <T>(collection: string) =>
      new Map((await reads.getMany(collection, members)).map((d) => [d._id, d as Doc & T]));
    const read = async (): Promise<FigureDocs> => ({
      obligations: await byId(obligationFigures.collection),
      activities: await byId(activityFigures.collection),
      inspections: await byId(inspectionFigures.collection),
      reports: await byId(reportFigures.collection),
    });
    const asked = { year, window, day, now };
    const periods = periodsIn((await reads.find('reporting-periods', { year })) as (Doc & PeriodExpecting)[], asked);
    // The versions before the documents: a batch landing between them makes the next request read again.
    const versions = await versionsOf(reads);
    const tallyInput = { reads, units, tree, basis, today, unitId, lands, read, periods, asked, versions };
    const { own, rolled } = await this.tallies.of(tallyInput);
    return {
      unit: root,
      year,
      period: period ?? null,
      from: span.from,
      to: span.to,
      basis,
      asOf: day,
      approximate: rolled(unitId).approximate,
      asOfPosition,
      ...dashboardParts(tree, own, rolled, unitId, scope),
    };
  }

  /** The read models, units and now of the dashboard: today's, or as they were at a past point. */
  private async source(past: GetDashboard['past']): Promise<{
    reads: ReadStore;
    units: ReadonlyMap<string, Unit>;
    now: Date;
    asOfPosition: string | null;
  }> {
    if (!past?.position && !past?.recordedAt)
      return { reads: this.current, units: await this.directory.units(), now: this.clock.now(), asOfPosition: null };
    const asOfPosition = past.position ?? (await this.timeTravel.positionAt(past.recordedAt!));
    const reads = await this.timeTravel.storeAt(asOfPosition, DASHBOARD_COLLECTIONS);
    return {
      reads,
      units: await this.pastDirectoryOf(reads).units(),
      // Statuses (overdue, due soon) as they were then.
      now: past.recordedAt ? new Date(past.recordedAt) : this.clock.now(),
      asOfPosition,
    };
  }

  private pastDirectoryOf(reads: ReadStore): UnitDirectory {
    let directory = this.pastDirectories.get(reads);
    if (!directory) this.pastDirectories.set(reads, (directory = new UnitDirectory(reads)));
    return directory;
  }
}

/** The figure collections' versions, where the store tells them. */
const versionsOf = async (reads: ReadStore): Promise<string | undefined> =>
  reads.version ? (await Promise.all(FIGURE_COLLECTIONS.map((c) => reads.version!(c)))).join('|') : undefined;

const requireFigures = async (reads: ReadStore): Promise<void> => {
  if (!reads.isLive) return;
  const building = [];
  for (const c of FIGURE_COLLECTIONS) if (!(await reads.isLive(c))) building.push(c);
  if (building.length > 0) throw new DashboardFiguresRebuildingError(building);
};
