/* What the reporting API answers, as the pages read it (from the OpenAPI document). */

export interface Period {
  periodId: string;
  regimeId: string;
  planId: string;
  year: number | null;
  title: string;
  openedOn: string;
  deadline: string;
  cutOff: string;
  recipientUnitId: string;
  adHoc: boolean;
  reminders: { unitIds: string[]; message: string; at: string }[];
}

export type Level = 'city' | 'district' | 'commune';

export interface ComplianceRow {
  unitId: string;
  name: string;
  kind: string;
  level: string;
  status: 'on-time' | 'late' | 'missing';
  submittedAt: string | null;
  version: number | null;
  reminders: number;
}

export interface Compliance {
  periodId: string;
  title: string;
  deadline: string;
  deadlineVietnam: string;
  level: Level | null;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  rate: number | null;
  onTimeRate: number | null;
  rows: ComplianceRow[];
}

export type Indicators = Record<string, number | string>;

export interface ReportVersion {
  version: number;
  indicators: Indicators;
  narrative: string;
  submittedAt: string | null;
  signedBy: string | null;
  supersedes: number | null;
  reason: string | null;
}

export interface Report {
  periodId: string;
  unitId: string;
  status: 'none' | 'draft' | 'submitted' | 'returned';
  current: number;
  versions: ReportVersion[];
  firstSubmittedAt: string | null;
  onTime: boolean | null;
  returns: { version: number; reason: string; at: string }[];
}

export interface Written {
  position: string;
}

/** The indicators a unit reports, in the catalogue's order (prefill writes these). */
export const INDICATOR_KEYS = [
  'conferences',
  'conferenceParticipants',
  'mediaItems',
  'trainings',
  'trainees',
  'regulationsInForce',
  'documentsReviewed',
  'budgetEstimated',
  'budgetApproved',
  'budgetSpent',
  'difficultiesRaised',
  'difficultiesAnswered',
  'obligationsCompleted',
  'obligationsOverdue',
] as const;

/** Amounts in đồng: sent as decimal strings. */
export const MONEY_KEYS = ['budgetEstimated', 'budgetApproved', 'budgetAllocated', 'budgetSpent'];
