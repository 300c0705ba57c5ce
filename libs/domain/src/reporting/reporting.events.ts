import type { DomainEvent } from '../shared/event';
import type { CalendarDate } from '../shared/calendar-date';
import type { Addressee } from '../plans/plan.events';

/**
 * Reporting regimes follow Decree 09/2019/NĐ-CP: who reports, to whom, how often, the deadline,
 * the data cut-off, the outline and the indicators. Deadlines and cut-offs are settings, not constants.
 */
export interface RegimeDefinition {
  regimeId: string;
  planId: string;
  title: string;
  reporters: Addressee[];
  recipientUnitId: string;
  /** Yearly: the period of year Y opens on opensOn, is due before deadline, with data up to cutOff. */
  opensOn: { month: number; day: number };
  deadline: { month: number; day: number };
  cutOff: { month: number; day: number };
  fromYear: number;
  outline: string[];
  /** Another regime whose submitted reports this one's report compiles (the city's report from the units'). */
  compiles: string | null;
}

export const regimeStream = (regimeId: string) => `regime-${regimeId}`;
export const periodIdOf = (regimeId: string, year: number) => `${regimeId}_${year}`;
export const periodStream = (periodId: string) => `period-${periodId}`;
/** DESIGN.md's naming: one stream per unit and period. */
export const reportStream = (unitId: string, periodId: string) => `report-${unitId}_${periodId}`;

/** Numbers reported: counts, and amounts in whole đồng as decimal strings. */
export type Indicators = Record<string, number | string>;

export type RegimeDefined = DomainEvent<'reporting.regime-defined.v1', RegimeDefinition>;
export type PeriodOpened = DomainEvent<'reporting.period-opened.v1', {
  periodId: string; regimeId: string; planId: string; year: number | null; title: string; openedOn: CalendarDate;
  deadline: string; cutOff: CalendarDate; recipientUnitId: string; expectedUnitIds: string[]; adHoc: boolean;
}>;
export type ReminderSent = DomainEvent<'reporting.reminder-sent.v1', { periodId: string; unitIds: string[]; message: string }>;
export type ReportDrafted = DomainEvent<'report.drafted.v1', {
  periodId: string; unitId: string; version: number; indicators: Indicators; narrative: string; prefilledFrom: string | null;
}>;
export type ReportSubmitted = DomainEvent<'report.submitted.v1', {
  periodId: string; unitId: string; version: number; signedBy: string; submittedAt: string; onTime: boolean;
}>;
export type ReportReturned = DomainEvent<'report.returned.v1', { periodId: string; unitId: string; version: number; reason: string }>;
/** A correction after submission: a new version that supersedes the old, with a reason; it is then submitted again. */
export type ReportCorrected = DomainEvent<'report.corrected.v1', {
  periodId: string; unitId: string; version: number; supersedes: number; indicators: Indicators; narrative: string; reason: string;
}>;

export type ReportingEvent = RegimeDefined | PeriodOpened | ReminderSent | ReportDrafted | ReportSubmitted | ReportReturned | ReportCorrected;
export const REPORTING_EVENT_TYPES: ReportingEvent['type'][] = [
  'reporting.regime-defined.v1', 'reporting.period-opened.v1', 'reporting.reminder-sent.v1',
  'report.drafted.v1', 'report.submitted.v1', 'report.returned.v1', 'report.corrected.v1',
];
