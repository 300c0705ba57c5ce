/** The figures of one unit, or summed over a subtree. Money is exact (BigInt, decimal strings out). */
export interface Figures {
  /** completed, of which completedLate after the deadline; the open ones on track, due within 30 days, or overdue. */
  obligations: {
    total: number;
    completed: number;
    completedLate: number;
    onTrack: number;
    dueSoon: number;
    overdue: number;
  };
  /** Requests (đề nghị) to bodies outside UBND's authority, apart: answered or declined (đã phản hồi), or awaiting (chưa phản hồi); never red. */
  requests: { total: number; answered: number; declined: number; awaiting: number };
  conferences: number;
  participants: number;
  mediaItems: number;
  trainings: number;
  trainees: number;
  regulationsInForce: number;
  documentsReviewed: number;
  findings: Record<string, number>;
  budget: { estimated: bigint; approved: bigint; allocated: bigint; spent: bigint };
  difficulties: Record<string, number>;
  reports: { expected: number; onTime: number; late: number; missing: number };
  /** Inspections of the unit (kiểm tra, plan II.6, IV.1) held in the year: their findings, and their follow-ups answered (closed) or not (open). */
  inspections: { held: number; findings: number; followUpsOpen: number; followUpsClosed: number };
}

export const emptyFigures = (): Figures => ({
  obligations: { total: 0, completed: 0, completedLate: 0, onTrack: 0, dueSoon: 0, overdue: 0 },
  requests: { total: 0, answered: 0, declined: 0, awaiting: 0 },
  conferences: 0,
  participants: 0,
  mediaItems: 0,
  trainings: 0,
  trainees: 0,
  regulationsInForce: 0,
  documentsReviewed: 0,
  findings: {},
  budget: { estimated: 0n, approved: 0n, allocated: 0n, spent: 0n },
  difficulties: { open: 0, answered: 0, escalated: 0, decided: 0 },
  reports: { expected: 0, onTime: 0, late: 0, missing: 0 },
  inspections: { held: 0, findings: 0, followUpsOpen: 0, followUpsClosed: 0 },
});

const sum = <T extends Record<string, number>>(x: T, y: Record<string, number>): T => {
  const out: Record<string, number> = { ...x };
  for (const k in y) out[k] = (out[k] ?? 0) + y[k];
  return out as T;
};

/** a + b, as a new value. */
export const addFigures = (a: Figures, b: Figures): Figures => ({
  obligations: sum(a.obligations, b.obligations),
  requests: sum(a.requests, b.requests),
  conferences: a.conferences + b.conferences,
  participants: a.participants + b.participants,
  mediaItems: a.mediaItems + b.mediaItems,
  trainings: a.trainings + b.trainings,
  trainees: a.trainees + b.trainees,
  regulationsInForce: a.regulationsInForce + b.regulationsInForce,
  documentsReviewed: a.documentsReviewed + b.documentsReviewed,
  findings: sum(a.findings, b.findings),
  budget: {
    estimated: a.budget.estimated + b.budget.estimated,
    approved: a.budget.approved + b.budget.approved,
    allocated: a.budget.allocated + b.budget.allocated,
    spent: a.budget.spent + b.budget.spent,
  },
  difficulties: sum(a.difficulties, b.difficulties),
  reports: sum(a.reports, b.reports),
  inspections: sum(a.inspections, b.inspections),
});

/** An amount's share, in whole đồng (exact when the share is the whole). */
export const share = (amount: string | number, w: number): bigint =>
  w === 1 ? BigInt(amount) : BigInt(Math.round(Number(amount) * w));

/** Shares of records (through a part) are shown to two decimals; whole counts stay whole. */
const rounded = <T>(v: T): T => {
  if (typeof v === 'number') return (Number.isInteger(v) ? v : Math.round(v * 100) / 100) as T;
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) as T;
  return v;
};

/** Red while anything is overdue, amber while anything falls due within 30 days, else green. */
export const rag = (f: Figures): 'red' | 'amber' | 'green' =>
  f.obligations.overdue > 0 ? 'red' : f.obligations.dueSoon > 0 ? 'amber' : 'green';

/** The figures as the API answers them: shares rounded, money as decimal strings, with their colour. */
export const figuresOut = (f: Figures) => ({
  ...rounded({ ...f, budget: {} }),
  rag: rag(f),
  budget: {
    estimated: f.budget.estimated.toString(),
    approved: f.budget.approved.toString(),
    allocated: f.budget.allocated.toString(),
    spent: f.budget.spent.toString(),
  },
});
