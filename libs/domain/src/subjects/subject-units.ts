import { ACTIVITY_EVENT_TYPES, type ActivityEvent } from '../activities/activity.events';
import { USER_EVENT_TYPES, type UserEvent } from '../access/user.events';
import { OBLIGATION_EVENT_TYPES, type ObligationEvent } from '../plans/obligation.events';
import { PLAN_EVENT_TYPES, type Addressee, type PlanEvent, type TaskDefinition } from '../plans/plan.events';
import { REPORTING_EVENT_TYPES, type ReportingEvent } from '../reporting/reporting.events';
import { INSPECTION_EVENT_TYPES, type InspectionEvent } from '../inspections/inspection.events';
import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/event';
import { UNIT_EVENT_TYPES, type UnitEvent } from '../units/unit.events';
import type { UnitLevel } from '../units/unit.types';

/** The seal of the log: a statement about the whole log, about no unit, and public to every reader. */
export const SEAL_TYPE = 'audit.sealed.v1';

/** Every event the domain records, and the seal. */
export type RecordedDomainEvent =
  | UnitEvent
  | UserEvent
  | PlanEvent
  | ObligationEvent
  | ActivityEvent
  | ReportingEvent
  | InspectionEvent
  | DomainEvent<typeof SEAL_TYPE, Record<string, unknown>>;

/**
 * What the subject of an event may depend on besides the event itself. Everything here is fixed by
 * the log before the event, so a subject computed at the append and one derived later agree.
 */
export interface SubjectContext {
  /** The first event of the event's stream (an obligation's assignment, an activity's opening, a user's registration), or null for that event itself. */
  opening: { type: string; data: unknown } | null;
  /** The units of a level standing on a day (a whole level abolished touches each of them). */
  unitsOfLevel(level: UnitLevel, on: CalendarDate): string[];
  /** The unit that issued a plan, if the plan is recorded. */
  issuerOf(planId: string): string | null;
}

const unique = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((u): u is string => typeof u === 'string' && u !== '')),
];
const named = (as: Addressee[]): string[] => as.flatMap((a) => ('unitId' in a ? [a.unitId] : []));
const taskUnits = (t: TaskDefinition): string[] => [...named(t.lead), ...named(t.performers), ...named(t.coordinating)];
const openingUnit = (ctx: SubjectContext): string | null => {
  const d = ctx.opening?.data as { unitId?: unknown; issuerUnitId?: unknown } | undefined;
  const u = d?.unitId ?? d?.issuerUnitId;
  return typeof u === 'string' ? u : null;
};
const inspectedUnit = (ctx: SubjectContext): string | null => {
  const u = (ctx.opening?.data as { inspectedUnitId?: unknown } | undefined)?.inspectedUnitId;
  return typeof u === 'string' ? u : null;
};
const dayBefore = (day: CalendarDate): CalendarDate => {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
};

/**
 * The unit or units whose record an event belongs to (the subject), apart from the unit of whoever
 * recorded it: Sở Nội vụ's reminder to Phường Tân An is about Tân An. Scope, audit by unit, the
 * feeds and webhooks read this one definition.
 * - an obligation's steps: the obligated unit (and the successor an obligation passes to);
 * - an activity and every step of it (guidance, escalation, decision, budget steps, corrections,
 *   withdrawals): the unit that carries it out;
 * - a report (draft, submission, return, correction): the reporting unit; a reminder: the units reminded;
 * - a plan: its issuer, and for its tasks the units they name; a regime or a period: the plan's
 *   issuer, the recipient, the units named or expected;
 * - a person: their unit, and the unit a role is granted or revoked for;
 * - the tree: every unit a change touches (for a level abolished, each unit of it on the day before);
 * - an inspection and every step of it (conduct, follow-ups, closing): the inspected unit;
 * - a seal: none (it is about the whole log, and every reader sees it).
 */
export const subjectUnitsOf = (e: RecordedDomainEvent, ctx: SubjectContext): string[] => {
  switch (e.type) {
    case 'unit.established.v1':
      return unique([e.data.unitId, e.data.parentId]);
    case 'unit.renamed.v1':
    case 'unit.recoded.v1':
    case 'unit.reclassified.v1':
    case 'unit.dissolved.v1':
      return unique([e.data.unitId]);
    case 'unit.reparented.v1':
      return unique([e.data.unitId, e.data.parentId]);
    case 'units.merged.v1':
      return unique([...e.data.predecessors.map((p) => p.unitId), e.data.successor.unitId]);
    case 'unit.split.v1':
      return unique([e.data.unitId, ...e.data.successors.map((s) => s.unitId)]);
    case 'unit.part-transferred.v1':
      return unique([e.data.fromUnitId, e.data.toUnitId]);
    case 'units.level-abolished.v1':
      return unique(ctx.unitsOfLevel(e.data.level, dayBefore(e.data.effectiveOn)));
    case 'user.registered.v1':
      return unique([e.data.unitId]);
    case 'user.role-granted.v1':
    case 'user.role-revoked.v1':
      return unique([e.data.unitId, openingUnit(ctx)]);
    case 'plan.issued.v1':
      return unique([e.data.issuerUnitId]);
    case 'plan.task-added.v1':
    case 'plan.task-changed.v1':
      return unique([ctx.issuerOf(e.data.planId), ...taskUnits(e.data.task)]);
    case 'plan.task-cancelled.v1':
      return unique([ctx.issuerOf(e.data.planId)]);
    case 'plan.receipt-acknowledged.v1':
      return unique([e.data.unitId, ctx.issuerOf(e.data.planId)]);
    case 'obligation.assigned.v1':
      return unique([e.data.unitId]);
    case 'obligation.passed-to-successor.v1':
      return unique([openingUnit(ctx), e.data.toUnitId]);
    case 'obligation.acknowledged.v1':
    case 'obligation.progress-updated.v1':
    case 'obligation.completed.v1':
    case 'obligation.extension-requested.v1':
    case 'obligation.extension-approved.v1':
    case 'obligation.extension-refused.v1':
    case 'obligation.returned.v1':
    case 'obligation.cancelled.v1':
    case 'obligation.reminded.v1':
    case 'obligation.explanation-requested.v1':
    case 'obligation.explanation-given.v1':
    case 'obligation.activity-recorded.v1':
    case 'obligation.request-answered.v1':
    case 'obligation.request-declined.v1':
    case 'obligation.detailed-plan-recorded.v1':
      return unique([openingUnit(ctx)]);
    case 'conference.held.v1':
    case 'media.items-published.v1':
    case 'training.held.v1':
    case 'resolution.drafted.v1':
    case 'regulation.issued.v1':
    case 'legalreview.recorded.v1':
    case 'budget.estimated.v1':
    case 'difficulty.raised.v1':
      return unique([e.data.unitId]);
    case 'resolution.consulted.v1':
    case 'resolution.submitted.v1':
    case 'resolution.adopted.v1':
    case 'resolution.returned.v1':
    case 'regulation.amended.v1':
    case 'regulation.replaced.v1':
    case 'budget.submitted.v1':
    case 'budget.approved.v1':
    case 'budget.adjusted.v1':
    case 'budget.allocated.v1':
    case 'budget.spent.v1':
    case 'difficulty.guidance-given.v1':
    case 'difficulty.escalated.v1':
    case 'difficulty.decided.v1':
    case 'activity.corrected.v1':
    case 'activity.withdrawn.v1':
      return unique([openingUnit(ctx)]);
    case 'reporting.regime-defined.v1':
      return unique([ctx.issuerOf(e.data.planId), e.data.recipientUnitId, ...named(e.data.reporters)]);
    case 'reporting.period-opened.v1':
      return unique([ctx.issuerOf(e.data.planId), e.data.recipientUnitId, ...e.data.expectedUnitIds]);
    case 'reporting.reminder-sent.v1':
      return unique(e.data.unitIds);
    case 'report.drafted.v1':
    case 'report.submitted.v1':
    case 'report.returned.v1':
    case 'report.corrected.v1':
      return unique([e.data.unitId]);
    case 'inspection.planned.v1':
      return unique([e.data.inspectedUnitId]);
    case 'inspection.conducted.v1':
    case 'inspection.follow-up-requested.v1':
    case 'inspection.follow-up-answered.v1':
    case 'inspection.closed.v1':
      return unique([inspectedUnit(ctx)]);
    case SEAL_TYPE:
      return [];
    default:
      return assertNever(e);
  }
};

const assertNever = (e: never): string[] => {
  throw new Error(`no subject rule for event type ${(e as DomainEvent).type}`);
};

/** The types whose subject is read from their stream's first event. */
export const SUBJECT_FROM_OPENING = new Set<string>([
  'user.role-granted.v1',
  'user.role-revoked.v1',
  'obligation.passed-to-successor.v1',
  'obligation.acknowledged.v1',
  'obligation.progress-updated.v1',
  'obligation.completed.v1',
  'obligation.extension-requested.v1',
  'obligation.extension-approved.v1',
  'obligation.extension-refused.v1',
  'obligation.returned.v1',
  'obligation.cancelled.v1',
  'obligation.reminded.v1',
  'obligation.explanation-requested.v1',
  'obligation.explanation-given.v1',
  'obligation.activity-recorded.v1',
  'obligation.request-answered.v1',
  'obligation.request-declined.v1',
  'obligation.detailed-plan-recorded.v1',
  'resolution.consulted.v1',
  'resolution.submitted.v1',
  'resolution.adopted.v1',
  'resolution.returned.v1',
  'regulation.amended.v1',
  'regulation.replaced.v1',
  'budget.submitted.v1',
  'budget.approved.v1',
  'budget.adjusted.v1',
  'budget.allocated.v1',
  'budget.spent.v1',
  'difficulty.guidance-given.v1',
  'difficulty.escalated.v1',
  'difficulty.decided.v1',
  'activity.corrected.v1',
  'activity.withdrawn.v1',
  'inspection.conducted.v1',
  'inspection.follow-up-requested.v1',
  'inspection.follow-up-answered.v1',
  'inspection.closed.v1',
]);

/** Every type the domain records, with the seal: each has a subject rule above. */
export const RECORDED_EVENT_TYPES: readonly string[] = [
  ...UNIT_EVENT_TYPES,
  ...USER_EVENT_TYPES,
  ...PLAN_EVENT_TYPES,
  ...OBLIGATION_EVENT_TYPES,
  ...ACTIVITY_EVENT_TYPES,
  ...REPORTING_EVENT_TYPES,
  ...INSPECTION_EVENT_TYPES,
  SEAL_TYPE,
];
