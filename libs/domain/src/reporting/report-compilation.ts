import type { Report } from './report.decider';
import type { Indicators } from './reporting.events';

/**
 * The indicators that are money (whole đồng): they leave the API as decimal strings, whatever their
 * size, like every other amount; counts stay numbers. A report may be drafted with either.
 */
export const MONEY_INDICATORS: readonly string[] = [
  'budgetEstimated',
  'budgetApproved',
  'budgetAllocated',
  'budgetSpent',
];

/** An exact sum of an indicator written as a decimal string: money always, a count only when too large for a number. */
export const indicatorValue = (key: string, v: bigint): number | string =>
  MONEY_INDICATORS.includes(key) || v > BigInt(Number.MAX_SAFE_INTEGER) ? v.toString() : Number(v);

/**
 * The city's report from the units' submitted reports (plan IV.1: Sở Nội vụ "tổng hợp"): exact sums
 * of each indicator over the latest submitted version of each unit's report, how many were
 * expected and received, and who is missing — named in the narrative (by `nameOf`: the units' names
 * where the caller knows them, so the letter to the Ministry reads "Phường Tân An", not an id).
 */
export const compileReports = (
  expectedUnitIds: string[],
  reports: ReadonlyMap<string, Report>,
  narrative = '',
  nameOf: (unitId: string) => string = (id) => id,
): { indicators: Indicators; narrative: string } => {
  const totals = new Map<string, bigint>();
  const received: string[] = [];
  for (const unitId of expectedUnitIds) {
    const submitted = [...(reports.get(unitId)?.versions ?? [])]
      .filter((v) => v.submittedAt)
      .sort((a, b) => b.version - a.version)[0];
    if (!submitted) continue;
    received.push(unitId);
    for (const [k, v] of Object.entries(submitted.indicators)) totals.set(k, (totals.get(k) ?? 0n) + BigInt(v));
  }
  const indicators: Indicators = { unitsExpected: expectedUnitIds.length, unitsReported: received.length };
  for (const [k, v] of totals) indicators[k] = indicatorValue(k, v);
  const missing = expectedUnitIds.filter((u) => !received.includes(u));
  return {
    indicators,
    narrative: `${narrative}\nĐơn vị chưa báo cáo (${missing.length}): ${missing.map(nameOf).join(', ')}`.trim(),
  };
};

/** What a unit recorded in a year up to the data cut-off, as the read models count it: the source of a prefilled report. */
export interface UnitYearFigures {
  conferences: { count: number; totalParticipants: number };
  media: { items: number };
  trainings: { count: number; totalTrainees: number };
  regulations: { inForce: number };
  legalReview: { documents: number };
  budget: { estimated: number | string; approved: number | string; spent: number | string };
  difficulties: Record<string, number>;
}

/** A report prefilled from what the unit recorded and how its obligations stand. */
export const prefillIndicators = (
  f: UnitYearFigures,
  obligations: readonly { status: string; overdue: boolean }[],
): Indicators => ({
  conferences: f.conferences.count,
  conferenceParticipants: f.conferences.totalParticipants,
  mediaItems: f.media.items,
  trainings: f.trainings.count,
  trainees: f.trainings.totalTrainees,
  regulationsInForce: f.regulations.inForce,
  documentsReviewed: f.legalReview.documents,
  budgetEstimated: f.budget.estimated,
  budgetApproved: f.budget.approved,
  budgetSpent: f.budget.spent,
  difficultiesRaised: Object.values(f.difficulties).reduce((a, b) => a + b, 0),
  difficultiesAnswered: (f.difficulties.answered ?? 0) + (f.difficulties.decided ?? 0),
  obligationsCompleted: obligations.filter((o) => o.status === 'completed').length,
  obligationsOverdue: obligations.filter((o) => o.overdue).length,
});
