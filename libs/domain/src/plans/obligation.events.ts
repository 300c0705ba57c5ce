import type { TProperties } from '@sinclair/typebox';
import type { EventOf, EventsOf } from '../shared/event';
import {
  Day,
  DottedId,
  Id,
  Instant,
  Line,
  List,
  Nullable,
  Obj,
  OneOf,
  OptionalProse,
  Prose,
  Sha256,
  Static,
  Type,
  Year,
} from '../shared/schema';

export const obligationStream = (obligationId: string): string => `obligation-${obligationId}`;

/** One unit's share of one task (for a yearly task, of one year): `<plan>.<task>.<unit>[.<year>]`. */
export const obligationIdOf = (planId: string, taskCode: string, unitId: string, year?: number): string =>
  [planId, taskCode, unitId, ...(year !== undefined ? [String(year)] : [])].join('.');

/** A file named by its SHA-256 and size: the file itself stays with the unit. */
export const AttachmentSchema = Obj({
  name: Line(255),
  sha256: Sha256(),
  size: Type.Integer({ minimum: 0, maximum: 2 ** 40 }),
});
export type Attachment = Static<typeof AttachmentSchema>;

/** What shows work done: the document's number and date, and its files. */
export const EvidenceSchema = Obj({
  documentNumber: Line(100),
  documentDate: Day(),
  attachments: List(AttachmentSchema, 50),
});
export type Evidence = Static<typeof EvidenceSchema>;

const Reason = () => Prose(2000);
const o = <P extends TProperties>(p: P) => Obj({ obligationId: DottedId(), ...p });

/** The events of an obligation, each data shape defined once: its type, validation and JSON Schema. */
export const OBLIGATION_EVENTS = {
  'obligation.assigned.v1': o({
    planId: Id(),
    taskCode: Line(20),
    unitId: Id(),
    role: OneOf(['lead', 'performer', 'coordinating']),
    kind: OneOf(['assigned', 'requested']),
    year: Nullable(Year()),
    deadline: Nullable(Instant()),
    timeWords: OptionalProse(300),
    assignedOn: Day(),
    passedFrom: Nullable(
      DottedId({
        description: 'When the obligation passed from a unit that ceased to exist: the obligation it came from',
      }),
    ),
  }),
  'obligation.acknowledged.v1': o({ unitId: Id() }),
  'obligation.progress-updated.v1': o({
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    note: OptionalProse(2000),
  }),
  'obligation.completed.v1': o({ evidence: EvidenceSchema, onTime: Type.Boolean() }),
  'obligation.extension-requested.v1': o({ until: Instant(), reason: Reason() }),
  'obligation.extension-approved.v1': o({ until: Instant(), reason: Reason() }),
  'obligation.extension-refused.v1': o({ reason: Reason() }),
  'obligation.returned.v1': o({ reason: Reason() }),
  'obligation.cancelled.v1': o({ reason: Reason() }),
  'obligation.passed-to-successor.v1': o({ toUnitId: Id(), newObligationId: DottedId(), reason: Reason() }),
  /** Đôn đốc: a reminder addressed to the unit. */
  'obligation.reminded.v1': o({ message: Prose(2000) }),
  /** Yêu cầu giải trình: the unit must explain (usually a delay). */
  'obligation.explanation-requested.v1': o({ question: Prose(2000) }),
  'obligation.explanation-given.v1': o({ answer: Prose(5000) }),
  /** The unit recorded an activity this obligation asks for: it is under way, not yet completed. */
  'obligation.activity-recorded.v1': o({ activityId: Id(), kind: Line(20) }),
  /**
   * A request (đề nghị) to a body outside the People's Committee's authority (the Fatherland Front, the
   * Labour Federation) is answered, or declined, by that body: it is not completed on an order.
   */
  'obligation.request-answered.v1': o({ answer: Prose(5000), answeredOn: Day(), documentNumber: Nullable(Line(100)) }),
  'obligation.request-declined.v1': o({ reason: Reason() }),
  /**
   * The unit issued the detailed plan (kế hoạch chi tiết) this duty asks of it (plan IV.2: "xây dựng Kế
   * hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý").
   */
  'obligation.detailed-plan-recorded.v1': o({ planId: Id(), number: Nullable(Line(100)), issuedOn: Day() }),
};

type M = typeof OBLIGATION_EVENTS;
export type ObligationEvent = EventsOf<M>;
export type ObligationAssigned = EventOf<M, 'obligation.assigned.v1'>;
export type ObligationAcknowledged = EventOf<M, 'obligation.acknowledged.v1'>;
export type ProgressUpdated = EventOf<M, 'obligation.progress-updated.v1'>;
export type ObligationCompleted = EventOf<M, 'obligation.completed.v1'>;
export type ExtensionRequested = EventOf<M, 'obligation.extension-requested.v1'>;
export type ExtensionApproved = EventOf<M, 'obligation.extension-approved.v1'>;
export type ExtensionRefused = EventOf<M, 'obligation.extension-refused.v1'>;
export type ObligationReturned = EventOf<M, 'obligation.returned.v1'>;
export type ObligationCancelled = EventOf<M, 'obligation.cancelled.v1'>;
export type ObligationPassed = EventOf<M, 'obligation.passed-to-successor.v1'>;
export type ObligationReminded = EventOf<M, 'obligation.reminded.v1'>;
export type ExplanationRequested = EventOf<M, 'obligation.explanation-requested.v1'>;
export type ExplanationGiven = EventOf<M, 'obligation.explanation-given.v1'>;
export type ActivityLinked = EventOf<M, 'obligation.activity-recorded.v1'>;
export type RequestAnswered = EventOf<M, 'obligation.request-answered.v1'>;
export type RequestDeclined = EventOf<M, 'obligation.request-declined.v1'>;
export type DetailedPlanRecorded = EventOf<M, 'obligation.detailed-plan-recorded.v1'>;

export const OBLIGATION_EVENT_TYPES = Object.keys(OBLIGATION_EVENTS) as ObligationEvent['type'][];
