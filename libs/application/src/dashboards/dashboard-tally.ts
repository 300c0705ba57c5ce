import type { ActivityFigures, InspectionFigures, ObligationFigures, ReportFigures } from '@gl/read-models';
import { inWindow } from '../activities/activity-day';
import { lastDayBefore } from './dashboard-period';
import { emptyFigures, Figures } from './dashboard-figures';
import { addActivities, addInspections, addObligations, addReport, Asked, UnitFigureDocs } from './own-figures';
import type { Landing } from './rebase';

/** A document as stored: with the position of the last event applied to it. */
type Stored<T> = T & { _position?: string };

/** The per-unit documents a dashboard reads, by unit id. */
export interface FigureDocs {
  obligations: ReadonlyMap<string, Stored<ObligationFigures>>;
  activities: ReadonlyMap<string, Stored<ActivityFigures>>;
  inspections: ReadonlyMap<string, Stored<InspectionFigures>>;
  reports: ReadonlyMap<string, Stored<ReportFigures>>;
}

/** A reporting period as a dashboard needs it. */
export interface PeriodExpecting {
  _id: string;
  deadline: string;
  expectedUnitIds: string[];
}

/** The periods of a year a dashboard counts reports of: in a part of the year, those due in it. */
export const periodsIn = <P extends PeriodExpecting>(periods: P[], q: Pick<Asked, 'window'>): P[] =>
  periods.filter((p) => !q.window || inWindow(lastDayBefore(p.deadline), q.window));

/**
 * Each unit's own figures on the tree asked: every unit whose records count here adds its figures,
 * times the share it passed on, to the unit each of its landings names. The units reached through
 * a part by some counted record are returned apart: their figures are approximate.
 */
export const tallyOwn = (
  lands: ReadonlyMap<string, Landing[]>,
  docs: FigureDocs,
  periods: PeriodExpecting[],
  q: Asked,
): { own: Map<string, Figures>; approximateUnits: Set<string> } => {
  const own = new Map<string, Figures>();
  const approximateUnits = new Set<string>();
  const figuresOf = (id: string) => own.get(id) ?? own.set(id, emptyFigures()).get(id)!;
  for (const [id, landings] of lands) {
    const unit: UnitFigureDocs = {
      obligations: docs.obligations.get(id),
      activities: docs.activities.get(id),
      inspections: docs.inspections.get(id),
    };
    if (!unit.obligations && !unit.activities && !unit.inspections) continue;
    for (const l of landings) {
      const f = figuresOf(l.to);
      // Each adds its part whatever the others say (no short-circuit).
      const obligations = addObligations(f, unit.obligations, q, l.weight);
      const activities = addActivities(f, unit.activities, q, l.weight);
      const inspections = addInspections(f, unit.inspections, q, l.weight);
      const counted = obligations || activities || inspections;
      if (counted && l.approximate) approximateUnits.add(l.to);
    }
  }
  for (const p of periods)
    for (const u of p.expectedUnitIds) {
      const landings = lands.get(u);
      if (!landings) continue;
      for (const l of landings) {
        addReport(figuresOf(l.to), docs.reports.get(u), p._id, l.weight);
        if (l.approximate) approximateUnits.add(l.to);
      }
    }
  return { own, approximateUnits };
};
