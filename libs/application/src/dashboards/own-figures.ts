import { CalendarDate, vietnamDateOf } from '@gl/domain';
import type {
  ActivityFigures,
  InspectionFigures,
  ObligationFigures,
  ObligationSlot,
  ReportFigures,
} from '@gl/read-models';
import { DayWindow, inWindow } from '../activities/activity-day';
import { Figures, share } from './dashboard-figures';

const DUE_SOON_MS = 30 * 86_400_000;

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

/** Whether a month `YYYY-MM` lies in a window of whole months. */
const monthIn = (month: string, w?: DayWindow): boolean =>
  !w || ((!w.from || w.from.slice(0, 7) <= month) && (!w.to || month <= w.to.slice(0, 7)));

/** The obligations of one deadline (epoch ms, or null) into the figures, judged against now. */
const addSlot = (f: Figures, s: ObligationSlot, deadline: number | null, now: number, w: number): void => {
  const requests = (s.answered ?? 0) + (s.declined ?? 0) + (s.awaiting ?? 0);
  if (requests > 0) {
    f.requests.total += w * requests;
    f.requests.answered += w * (s.answered ?? 0);
    f.requests.declined += w * (s.declined ?? 0);
    f.requests.awaiting += w * (s.awaiting ?? 0);
  }
  const open = s.open ?? 0;
  const completed = (s.done ?? 0) + (s.late ?? 0);
  if (open + completed === 0) return;
  const o = f.obligations;
  o.total += w * (open + completed);
  o.completed += w * completed;
  o.completedLate += w * (s.late ?? 0);
  if (open === 0) return;
  if (deadline !== null && deadline <= now) o.overdue += w * open;
  else if (deadline !== null && deadline - now <= DUE_SOON_MS) o.dueSoon += w * open;
  else o.onTrack += w * open;
};

/**
 * A unit's obligations of the year: by deadline (in a period, those whose last day falls in it, and
 * those without a deadline), and the ongoing duties in force in the year. True when any counted.
 */
export const addObligations = (f: Figures, doc: ObligationFigures | undefined, q: Asked, w: number): boolean => {
  let counted = false;
  const now = q.now.getTime();
  for (const [key, slot] of Object.entries(doc?.y?.[String(q.year)] ?? {})) {
    const deadline = key === '-' ? null : Number(key);
    // The last day it can be done on is the day its instant closes (deadlines are 00:00 of the day after).
    if (q.window && deadline !== null && !inWindow(vietnamDateOf(new Date(deadline - 1)), q.window)) continue;
    addSlot(f, slot, deadline, now, w);
    counted = true;
  }
  for (const [span, slot] of Object.entries(doc?.g ?? {})) {
    const [from, to] = span.split('|');
    if (q.year < Number(from) || (to !== '*' && q.year > Number(to))) continue;
    addSlot(f, slot, null, now, w);
    counted = true;
  }
  return counted;
};

const addCounts = (into: Record<string, number>, counts: Record<string, number> | undefined, w: number) => {
  for (const k in counts) into[k] = (into[k] ?? 0) + w * counts[k];
};

/**
 * A unit's activities of the year: what happened in the months asked (media items by the month each
 * came out), budgets record by record (a share rounds each to whole đồng), and the regulations in
 * force on the day asked, whenever issued. True when any activity of the year counted.
 */
export const addActivities = (f: Figures, doc: ActivityFigures | undefined, q: Asked, w: number): boolean => {
  const year = doc?.y?.[String(q.year)];
  if (!year) return false;
  let counted = (year.n ?? 0) > 0;
  for (const [month, m] of Object.entries(year.m ?? {})) {
    if (!monthIn(month, q.window)) continue;
    counted ||= (m.n ?? 0) > 0;
    f.conferences += w * (m.conferences ?? 0);
    f.participants += w * (m.participants ?? 0);
    f.trainings += w * (m.trainings ?? 0);
    f.trainees += w * (m.trainees ?? 0);
    f.mediaItems += w * (m.mediaItems ?? 0);
    f.documentsReviewed += w * (m.documentsReviewed ?? 0);
    addCounts(f.findings, m.findings, w);
    addCounts(f.difficulties, m.difficulties, w);
  }
  for (const [month, records] of Object.entries(year.b ?? {})) {
    if (!monthIn(month, q.window)) continue;
    for (const money of Object.values(records)) {
      f.budget.estimated += share(money.estimated ?? 0, w);
      f.budget.approved += share(money.approved ?? 0, w);
      f.budget.allocated += share(money.allocated ?? 0, w);
      f.budget.spent += share(money.spent ?? 0, w);
    }
  }
  for (const [span, n] of Object.entries(year.rg ?? {})) {
    const [from, replaced] = span.split('|');
    if (from <= q.day && (replaced === '*' || q.day < replaced)) f.regulationsInForce += w * n;
  }
  return counted;
};

/** The inspections a unit underwent, held in the months asked. True when any counted. */
export const addInspections = (f: Figures, doc: InspectionFigures | undefined, q: Asked, w: number): boolean => {
  let counted = false;
  for (const [month, m] of Object.entries(doc?.y?.[String(q.year)] ?? {})) {
    if (!monthIn(month, q.window)) continue;
    const i = f.inspections;
    i.held += w * (m.held ?? 0);
    i.findings += w * (m.findings ?? 0);
    i.followUpsOpen += w * (m.followUpsOpen ?? 0);
    i.followUpsClosed += w * (m.followUpsClosed ?? 0);
    counted = true;
  }
  return counted;
};

/** A unit's report for a period, expected of it: on time, late, or missing. */
export const addReport = (f: Figures, doc: ReportFigures | undefined, periodId: string, w: number): void => {
  const r = doc?.p?.[periodId];
  f.reports.expected += w;
  if (!r) f.reports.missing += w;
  else if (r.onTime) f.reports.onTime += w;
  else f.reports.late += w;
};
