import type { FiguresSpec } from '../../engine/figures';
import { activityDay } from './activity-day';
import type { ActivityDoc } from './activity-doc.schemas';

/** The additive figures of a unit's activities in one month (of the day each counts on). */
export type ActivityMonth = {
  /** Activities counted on a day of the month (every kind but media and regulations, which count on other days). */
  n?: number;
  conferences?: number;
  participants?: number;
  trainings?: number;
  trainees?: number;
  mediaItems?: number;
  documentsReviewed?: number;
  findings?: Record<string, number>;
  difficulties?: Record<string, number>;
};

/** One budget record's money, whole đồng as decimal strings. */
export type BudgetMoney = {
  estimated?: string;
  approved?: string;
  allocated?: string;
  spent?: string;
};

/** A unit's activities of one plan year. */
export type ActivityYear = {
  /** Media and regulations of the year, which count whatever the period (their items, or on the day asked). */
  n?: number;
  /** By month `YYYY-MM`. */
  m?: Record<string, ActivityMonth>;
  /** Budgets by month, then by activity: a share of one is rounded record by record (re-basing through a part). */
  b?: Record<string, Record<string, BudgetMoney>>;
  /** Regulations by `effectiveFrom|replacedOn` (`*` while in force): in force on a day is a count over intervals. */
  rg?: Record<string, number>;
};

/** The `activity-figures` document of a unit: its activities' figures by plan year (`y`). */
export type ActivityFigures = {
  _id: string;
  y?: Record<string, ActivityYear>;
};

const headcount = (h: unknown): number => {
  let n = 0;
  for (const k in h as Record<string, number>) n += (h as Record<string, number>)[k];
  return n;
};

/**
 * What one activity adds to its unit's figures, in its plan year. Every activity is counted (`n`),
 * whatever its kind: a dashboard re-based through a part is approximate when any record reached it so.
 */
const figuresOf = (a: ActivityDoc): ActivityYear => {
  const month = activityDay(a).slice(0, 7);
  const f = a.fields;
  switch (a.kind) {
    case 'conference':
      return { m: { [month]: { n: 1, conferences: 1, participants: headcount(f.participants) } } };
    case 'training':
      return { m: { [month]: { n: 1, trainings: 1, trainees: headcount(f.trainees) } } };
    case 'media': {
      const m: Record<string, ActivityMonth> = {};
      for (const i of f.items as { publishedOn: string }[]) {
        const k = i.publishedOn.slice(0, 7);
        m[k] = { mediaItems: (m[k]?.mediaItems ?? 0) + 1 };
      }
      return { n: 1, m };
    }
    case 'legalreview': {
      const findings: Record<string, number> = {};
      const documents = f.documents as { finding: string }[];
      for (const d of documents) findings[d.finding] = (findings[d.finding] ?? 0) + 1;
      return { m: { [month]: { n: 1, documentsReviewed: documents.length, findings } } };
    }
    case 'regulation':
      return { n: 1, rg: { [`${f.effectiveFrom as string}|${(f.replacedOn as string | undefined) || '*'}`]: 1 } };
    case 'budget': {
      const money = a.money;
      const amounts: BudgetMoney = {
        estimated: String(money.estimated),
        approved: String(money.approved ?? 0),
        allocated: String(money.allocated),
        spent: String(money.spent),
      };
      return { m: { [month]: { n: 1 } }, b: { [month]: { [a.activityId]: amounts } } };
    }
    case 'difficulty':
      return { m: { [month]: { n: 1, difficulties: { [a.status]: 1 } } } };
    default:
      return { m: { [month]: { n: 1 } } };
  }
};

/** Per-unit activity figures beside the activities (issue 17): a withdrawn activity adds nothing. */
export const activityFigures: FiguresSpec<ActivityDoc> = {
  collection: 'activity-figures',
  contribution: (a) => {
    if (a.withdrawn) return null;
    return { unitId: a.unitId, figures: { y: { [String(a.year)]: figuresOf(a) } } };
  },
};
