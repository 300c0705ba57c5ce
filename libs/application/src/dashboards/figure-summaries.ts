import { vietnamDateOf } from '@gl/domain';
import type {
  ActivityFigures,
  ActivityMonth,
  InspectionFigures,
  ObligationFigures,
  ObligationSlot,
} from '@gl/read-models';
import { DayWindow, inWindow } from '../activities/activity-day';
import { addNamed, emptyFigures, F, Figures } from './dashboard-figures';

/**
 * A unit's figure document summed for one year and part of it, worked out once per document: the
 * embedded store hands out the same frozen document until it changes, so every dashboard after the
 * first adds a vector per unit instead of walking its months (issue 17: the nation's dashboard sums
 * 4,444 units). A store that reads documents afresh (MongoDB) sums them each time.
 */
const memoOf = <T>() => {
  const memo = new WeakMap<object, Map<string, T>>();
  return (doc: object, key: string, make: () => T): T => {
    let byKey = memo.get(doc);
    if (!byKey) memo.set(doc, (byKey = new Map()));
    let v = byKey.get(key);
    if (v === undefined) byKey.set(key, (v = make()));
    return v;
  };
};
// One key string per year and window object, so a lookup hashes a string already hashed.
const keys = new WeakMap<DayWindow, Map<number, string>>();
const wholeYears = new Map<number, string>();
const keyOf = (year: number, w?: DayWindow): string => {
  let byYear = w ? keys.get(w) : wholeYears;
  if (!byYear) keys.set(w!, (byYear = new Map()));
  let k = byYear.get(year);
  if (k === undefined) byYear.set(year, (k = `${year}|${w?.from ?? ''}|${w?.to ?? ''}`));
  return k;
};

/** Whether a month `YYYY-MM` lies in a window of whole months. */
const monthIn = (month: string, w?: DayWindow): boolean =>
  !w || ((!w.from || w.from.slice(0, 7) <= month) && (!w.to || month <= w.to.slice(0, 7)));

/** Orders and requests of a year: what does not depend on now summed, the open orders by deadline. */
export interface ObligationSummary {
  counted: boolean;
  /** Totals, completions, requests, and the open orders without a deadline (on track). */
  figures: Figures;
  /** Open orders with a deadline: [deadline in epoch ms, how many]. */
  openByDeadline: [number, number][];
}

const obligationMemo = memoOf<ObligationSummary>();
export const obligationSummary = (doc: ObligationFigures, year: number, window?: DayWindow): ObligationSummary =>
  obligationMemo(doc, keyOf(year, window), () => {
    const s: ObligationSummary = { counted: false, figures: emptyFigures(), openByDeadline: [] };
    const c = s.figures.c;
    const add = (slot: ObligationSlot, deadline: number | null) => {
      s.counted = true;
      const requests = (slot.answered ?? 0) + (slot.declined ?? 0) + (slot.awaiting ?? 0);
      c[F['requests.total']] += requests;
      c[F['requests.answered']] += slot.answered ?? 0;
      c[F['requests.declined']] += slot.declined ?? 0;
      c[F['requests.awaiting']] += slot.awaiting ?? 0;
      const completed = (slot.done ?? 0) + (slot.late ?? 0);
      c[F['obligations.total']] += completed + (slot.open ?? 0);
      c[F['obligations.completed']] += completed;
      c[F['obligations.completedLate']] += slot.late ?? 0;
      if (!slot.open) return;
      if (deadline === null) c[F['obligations.onTrack']] += slot.open;
      else s.openByDeadline.push([deadline, slot.open]);
    };
    for (const [key, slot] of Object.entries(doc.y?.[String(year)] ?? {})) {
      const deadline = key === '-' ? null : Number(key);
      // The last day it can be done on is the day its instant closes (deadlines are 00:00 of the day after).
      if (window && deadline !== null && !inWindow(vietnamDateOf(new Date(deadline - 1)), window)) continue;
      add(slot, deadline);
    }
    for (const [span, slot] of Object.entries(doc.g ?? {})) {
      const [from, to] = span.split('|');
      if (year >= Number(from) && (to === '*' || year <= Number(to))) add(slot, null);
    }
    return s;
  });

/** Activities of a year in the months asked, summed; budgets also record by record (for shares). */
export interface ActivitySummary {
  counted: boolean;
  /** The counts of the months asked, and the budgets' sum (regulations apart: they depend on the day). */
  figures: Figures;
  /** Each budget's [estimated, approved, allocated, spent], whole đồng. */
  budgets: [number, number, number, number][];
  /** Regulations: [in force from, replaced on or null, how many]. */
  regulations: [string, string | null, number][];
}

const MONTH_FIELDS = [
  'conferences',
  'participants',
  'trainings',
  'trainees',
  'mediaItems',
  'documentsReviewed',
] as const satisfies readonly (keyof ActivityMonth)[];

const activityMemo = memoOf<ActivitySummary>();
export const activitySummary = (doc: ActivityFigures, year: number, window?: DayWindow): ActivitySummary | null => {
  const y = doc.y?.[String(year)];
  if (!y) return null;
  return activityMemo(doc, keyOf(year, window), () => {
    const s: ActivitySummary = { counted: (y.n ?? 0) > 0, figures: emptyFigures(), budgets: [], regulations: [] };
    const f = s.figures;
    for (const [month, m] of Object.entries(y.m ?? {})) {
      if (!monthIn(month, window)) continue;
      s.counted ||= (m.n ?? 0) > 0;
      for (const field of MONTH_FIELDS) f.c[F[field]] += m[field] ?? 0;
      for (const k in m.findings) addNamed(f, 'findings', k, m.findings[k]);
      for (const k in m.difficulties) addNamed(f, 'difficulties', k, m.difficulties[k]);
    }
    for (const [month, records] of Object.entries(y.b ?? {})) {
      if (!monthIn(month, window)) continue;
      for (const money of Object.values(records)) {
        const amounts = [money.estimated, money.approved, money.allocated, money.spent].map((v) => v ?? '0');
        amounts.forEach((v, i) => (f.money[i] += BigInt(v)));
        s.budgets.push(amounts.map(Number) as [number, number, number, number]);
      }
    }
    for (const [span, n] of Object.entries(y.rg ?? {})) {
      const [from, replaced] = span.split('|');
      s.regulations.push([from, replaced === '*' ? null : replaced, n]);
    }
    return s;
  });
};

/** Inspections of a year held in the months asked, summed. */
const inspectionMemo = memoOf<{ counted: boolean; figures: Figures }>();
export const inspectionSummary = (
  doc: InspectionFigures,
  year: number,
  window?: DayWindow,
): { counted: boolean; figures: Figures } =>
  inspectionMemo(doc, keyOf(year, window), () => {
    const s = { counted: false, figures: emptyFigures() };
    const c = s.figures.c;
    for (const [month, m] of Object.entries(doc.y?.[String(year)] ?? {})) {
      if (!monthIn(month, window)) continue;
      s.counted = true;
      c[F['inspections.held']] += m.held ?? 0;
      c[F['inspections.findings']] += m.findings ?? 0;
      c[F['inspections.followUpsOpen']] += m.followUpsOpen ?? 0;
      c[F['inspections.followUpsClosed']] += m.followUpsClosed ?? 0;
    }
    return s;
  });
