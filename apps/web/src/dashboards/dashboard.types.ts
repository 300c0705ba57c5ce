/*
 * The answers the dashboard page reads, as the API documents them (GET /api/v1/dashboards/{unitId},
 * GET /api/v1/units/{id}); written here because the web app sees the API only over HTTP.
 */

export type Rag = 'red' | 'amber' | 'green';

export const PERIODS = [
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'H1',
  'H2',
  '9M',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;
export type Period = (typeof PERIODS)[number];

export interface DashboardFigures {
  obligations: {
    total: number;
    completed: number;
    completedLate: number;
    onTrack: number;
    dueSoon: number;
    overdue: number;
  };
  requests: { total: number; answered: number; declined: number; awaiting: number };
  conferences: number;
  participants: number;
  mediaItems: number;
  trainings: number;
  trainees: number;
  regulationsInForce: number;
  documentsReviewed: number;
  findings: Record<string, number>;
  /** Whole đồng as decimal strings. */
  budget: { estimated: string; approved: string; allocated: string; spent: string };
  difficulties: Record<string, number>;
  reports: { expected: number; onTime: number; late: number; missing: number };
  inspections: { held: number; findings: number; followUpsOpen: number; followUpsClosed: number };
  rag: Rag;
}

export interface UnitOnDate {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string;
  level: 'central' | 'city' | 'district' | 'commune';
  parentId: string | null;
}

export interface DashboardChild {
  unitId: string;
  name: string;
  kind: string;
  level: string;
  rag: Rag;
  approximate: boolean;
  rollup: DashboardFigures;
}

export interface Dashboard {
  unit: UnitOnDate;
  year: number;
  period: Period | null;
  from: string;
  to: string;
  basis: 'recorded' | 'today';
  asOf: string;
  approximate: boolean;
  asOfPosition: string | null;
  own: DashboardFigures;
  rollup: DashboardFigures & { regulationCoverage: Record<string, { units: number; covered: number }> };
  children: DashboardChild[];
}

export interface UnitAnswer {
  asOf: string;
  onDate: UnitOnDate | null;
}

export interface PlanList {
  items: { planId: string; issued: { issuedOn: string | null; assignedOn: string } | null }[];
}

/** The months (1–12) a period spans. */
export const monthsOf = (period: Period | null): number[] => {
  const span: Record<string, [number, number]> = {
    Q1: [1, 3],
    Q2: [4, 6],
    Q3: [7, 9],
    Q4: [10, 12],
    H1: [1, 6],
    H2: [7, 12],
    '9M': [1, 9],
  };
  const [a, b] = period ? (span[period] ?? [Number(period.slice(1)), Number(period.slice(1))]) : [1, 12];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
};

/** Whether a unit's figures hold anything at all for the year. */
export const hasFigures = (f: DashboardFigures): boolean =>
  f.obligations.total + f.requests.total + f.conferences + f.trainings + f.mediaItems + f.reports.expected > 0 ||
  f.budget.estimated !== '0';
