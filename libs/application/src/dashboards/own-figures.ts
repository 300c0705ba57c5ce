import type { CalendarDate } from '@gl/domain';
import type { ActivityFigures, InspectionFigures, ObligationFigures, ReportFigures } from '@gl/read-models';
import type { DayWindow } from '../activities/activity-day';
import { activitySummary, inspectionSummary, obligationSummary } from './figure-summaries';
import { accumulateCounts, F, Figures, share } from './dashboard-figures';

const DUE_SOON_MS = 30 * 86_400_000;

/** The instants an open obligation with this deadline changes status at: due soon from the first, overdue from the second. */
export const statusChanges = (deadline: number): [number, number] => [deadline - DUE_SOON_MS, deadline];

/** What a dashboard asks of a unit's figures: a year, perhaps a part of it, the day regulations are counted on, and now. */
export interface Asked {
  year: number;
  /** Whole months of the year (a dashboard period), both ends included. */
  window?: DayWindow;
  day: CalendarDate;
  now: Date;
}

/** A unit's per-unit figure documents (each absent while the unit has none of that kind). */
export interface UnitFigureDocs {
  obligations?: ObligationFigures;
  activities?: ActivityFigures;
  inspections?: InspectionFigures;
}

/**
 * A unit's obligations of the year: by deadline (in a period, those whose last day falls in it, and
 * those without a deadline), the open ones judged against now, and the ongoing duties in force in
 * the year. True when any counted.
 */
export const addObligations = (f: Figures, doc: ObligationFigures | undefined, q: Asked, w: number): boolean => {
  if (!doc) return false;
  const s = obligationSummary(doc, q.year, q.window);
  if (!s.counted) return false;
  accumulateCounts(f, s.figures, w);
  const now = q.now.getTime();
  for (const [deadline, open] of s.openByDeadline) {
    const status =
      deadline <= now
        ? 'obligations.overdue'
        : deadline - now <= DUE_SOON_MS
          ? 'obligations.dueSoon'
          : 'obligations.onTrack';
    f.c[F[status]] += w * open;
  }
  return true;
};

/**
 * A unit's activities of the year: what happened in the months asked (media items by the month each
 * came out), budgets (a share rounds each record to whole đồng), and the regulations in force on the
 * day asked, whenever issued. True when any activity of the year counted.
 */
export const addActivities = (f: Figures, doc: ActivityFigures | undefined, q: Asked, w: number): boolean => {
  const s = doc && activitySummary(doc, q.year, q.window);
  if (!s) return false;
  accumulateCounts(f, s.figures, w);
  if (w === 1) for (let i = 0; i < 4; i++) f.money[i] += s.figures.money[i];
  else for (const amounts of s.budgets) amounts.forEach((v, i) => (f.money[i] += share(v, w)));
  for (const [from, replaced, n] of s.regulations)
    if (from <= q.day && (replaced === null || q.day < replaced)) f.c[F.regulationsInForce] += w * n;
  return s.counted;
};

/** The inspections a unit underwent, held in the months asked. True when any counted. */
export const addInspections = (f: Figures, doc: InspectionFigures | undefined, q: Asked, w: number): boolean => {
  if (!doc) return false;
  const s = inspectionSummary(doc, q.year, q.window);
  accumulateCounts(f, s.figures, w);
  return s.counted;
};

/** A unit's report for a period, expected of it: on time, late, or missing. */
export const addReport = (f: Figures, doc: ReportFigures | undefined, periodId: string, w: number): void => {
  const r = doc?.p?.[periodId];
  f.c[F['reports.expected']] += w;
  f.c[F[!r ? 'reports.missing' : r.onTime ? 'reports.onTime' : 'reports.late']] += w;
};
