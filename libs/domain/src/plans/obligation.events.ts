import type { DomainEvent } from '../shared/event';
import type { CalendarDate } from '../shared/calendar-date';
import type { TaskRole } from './plan.events';

export const obligationStream = (obligationId: string): string => `obligation-${obligationId}`;

/** One unit's share of one task (for a yearly task, of one year): `<plan>.<task>.<unit>[.<year>]`. */
export const obligationIdOf = (planId: string, taskCode: string, unitId: string, year?: number): string =>
  [planId, taskCode, unitId, ...(year !== undefined ? [String(year)] : [])].join('.');

export interface Attachment {
  name: string;
  sha256: string;
  size: number;
}

export interface Evidence {
  documentNumber: string;
  documentDate: CalendarDate;
  attachments: Attachment[];
}

type O<T extends string, D> = DomainEvent<T, { obligationId: string } & D>;
export type ObligationAssigned = O<'obligation.assigned.v1', {
  planId: string; taskCode: string; unitId: string; role: TaskRole; kind: 'assigned' | 'requested';
  year: number | null; deadline: string | null; timeWords: string; assignedOn: CalendarDate;
  /** When the obligation passed from a unit that ceased to exist. */
  passedFrom: string | null;
}>;
export type ObligationAcknowledged = O<'obligation.acknowledged.v1', { unitId: string }>;
export type ProgressUpdated = O<'obligation.progress-updated.v1', { percent: number; note: string }>;
export type ObligationCompleted = O<'obligation.completed.v1', { evidence: Evidence; onTime: boolean }>;
export type ExtensionRequested = O<'obligation.extension-requested.v1', { until: string; reason: string }>;
export type ExtensionApproved = O<'obligation.extension-approved.v1', { until: string; reason: string }>;
export type ExtensionRefused = O<'obligation.extension-refused.v1', { reason: string }>;
export type ObligationReturned = O<'obligation.returned.v1', { reason: string }>;
export type ObligationCancelled = O<'obligation.cancelled.v1', { reason: string }>;
export type ObligationPassed = O<'obligation.passed-to-successor.v1', { toUnitId: string; newObligationId: string; reason: string }>;
/** Đôn đốc: a reminder addressed to the unit. */
export type ObligationReminded = O<'obligation.reminded.v1', { message: string }>;
/** Yêu cầu giải trình: the unit must explain (usually a delay). */
export type ExplanationRequested = O<'obligation.explanation-requested.v1', { question: string }>;
export type ExplanationGiven = O<'obligation.explanation-given.v1', { answer: string }>;
/** The unit recorded an activity this obligation asks for: it is under way, not yet completed. */
export type ActivityLinked = O<'obligation.activity-recorded.v1', { activityId: string; kind: string }>;

/**
 * A request (đề nghị) to a body outside the People's Committee's authority (the Fatherland Front, the
 * Labour Federation) is answered, or declined, by that body: it is not completed on an order.
 */
export type RequestAnswered = O<'obligation.request-answered.v1', { answer: string; answeredOn: CalendarDate; documentNumber: string | null }>;
export type RequestDeclined = O<'obligation.request-declined.v1', { reason: string }>;
/**
 * The unit issued the detailed plan (kế hoạch chi tiết) this duty asks of it (plan IV.2: "xây dựng Kế
 * hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý"): that part of the duty is done.
 */
export type DetailedPlanRecorded = O<'obligation.detailed-plan-recorded.v1', { planId: string; number: string | null; issuedOn: CalendarDate }>;

export type ObligationEvent =
  | ObligationAssigned | ObligationAcknowledged | ProgressUpdated | ObligationCompleted | ExtensionRequested | ExtensionApproved
  | ExtensionRefused | ObligationReturned | ObligationCancelled | ObligationPassed | ObligationReminded | ExplanationRequested
  | ExplanationGiven | ActivityLinked | RequestAnswered | RequestDeclined | DetailedPlanRecorded;

export const OBLIGATION_EVENT_TYPES: ObligationEvent['type'][] = [
  'obligation.assigned.v1', 'obligation.acknowledged.v1', 'obligation.progress-updated.v1', 'obligation.completed.v1',
  'obligation.extension-requested.v1', 'obligation.extension-approved.v1', 'obligation.extension-refused.v1',
  'obligation.returned.v1', 'obligation.cancelled.v1', 'obligation.passed-to-successor.v1', 'obligation.reminded.v1',
  'obligation.explanation-requested.v1', 'obligation.explanation-given.v1', 'obligation.activity-recorded.v1',
  'obligation.request-answered.v1', 'obligation.request-declined.v1', 'obligation.detailed-plan-recorded.v1',
];
