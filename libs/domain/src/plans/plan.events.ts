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
  Static,
  Type,
} from '../shared/schema';
import { LegalBasisSchema } from '../units/unit.types';
import { TimeFrameSchema } from './time-frame';

export const planStream = (planId: string): string => `plan-${planId}`;

/** The groups a task may be addressed to; each fans out to one obligation per unit in it. */
export const UNIT_GROUPS = [
  'every-department',
  'every-district-peoples-committee',
  'every-commune-peoples-committee',
  'every-state-enterprise',
  'every-enterprise',
  'every-public-service-unit',
  'every-media',
] as const;
export const UnitGroupSchema = OneOf(UNIT_GROUPS);
export type UnitGroup = Static<typeof UnitGroupSchema>;

/** One unit, or a whole group as it stands on the assignment day. */
export const AddresseeSchema = Type.Union([Obj({ unitId: Id() }), Obj({ group: UnitGroupSchema })], {
  description: 'A unit ({unitId}) or a group of units ({group})',
  errorMessage: 'must be a unit ({unitId}) or a group ({group}), not both',
});
export type Addressee = Static<typeof AddresseeSchema>;

export type TaskRole = 'lead' | 'performer' | 'coordinating';

/** Section and code, e.g. `II.1.a`, `IV.2`. */
export const TaskCodeSchema = (options: { description?: string } = {}) =>
  Type.String({
    pattern: '^[IVX]+(\\.\\d+)?(\\.[a-z])?$',
    maxLength: 20,
    errorMessage: 'must be a task code like II.1.a or IV.2',
    ...options,
  });

const addressees = () => List(AddresseeSchema, 50);

export const TaskSchema = Obj({
  code: TaskCodeSchema(),
  section: Line(20, { minLength: 0, examples: ['II.1'] }),
  title: Line(1000),
  description: OptionalProse(5000),
  lead: addressees(),
  performers: addressees(),
  coordinating: addressees(),
  obligation: OneOf(['assigned', 'requested'], {
    description: "assigned (giao) to a subordinate unit, or requested (đề nghị) from a body outside UBND's authority",
  }),
  timeFrame: TimeFrameSchema,
  timeWords: Line(300, {
    minLength: 0,
    description: "The plan's own words for the time",
    examples: ['Quý III hoặc quý IV năm 2023'],
  }),
  /**
   * What discharges the duty besides evidence: `detailed-plan` when the duty is to issue one (plan
   * IV.2: "xây dựng Kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý"), so the
   * detailed plan recorded under it completes it. Tasks recorded before it existed lack it.
   */
  dischargedBy: Type.Optional(
    Type.Literal('detailed-plan', {
      description: 'The duty is to issue a detailed plan (plan IV.2): the detailed plan issued under it completes it',
    }),
  ),
});
export type TaskDefinition = Static<typeof TaskSchema>;

/**
 * What a detailed plan (kế hoạch chi tiết, plan IV.2–3) answers: tasks of its parent plan, and for each
 * the issuer's own obligation under it (its share of the task; for a yearly task, that of the detailed
 * plan's year). `fulfils` is decided when the plan is recorded; events before it was kept lack it.
 */
export const DetailedPlanParentSchema = Obj({
  planId: Id(),
  taskCodes: List(TaskCodeSchema(), 50, 1),
  fulfils: Type.Optional(List(Obj({ taskCode: TaskCodeSchema(), obligationId: DottedId() }), 50)),
});
export type DetailedPlanParent = Static<typeof DetailedPlanParentSchema>;

export const RecipientSchema = Obj({
  key: Id(),
  label: Line(300, { description: 'The line of the distribution list (Nơi nhận)' }),
  unitIds: List(Id(), 200),
  groups: List(UnitGroupSchema, UNIT_GROUPS.length),
});
export type Recipient = Static<typeof RecipientSchema>;

const Reason = () => Prose(1000);
const p = <P extends TProperties>(props: P) => Obj({ planId: Id(), ...props });

/** The events of a plan, each data shape defined once: its type, validation and JSON Schema. */
export const PLAN_EVENTS = {
  'plan.issued.v1': p({
    number: Nullable(Line(50)),
    issuedOn: Nullable(Day()),
    assignedOn: Day({
      description: 'The day obligations are assigned from: the tree of that day decides who is in a group',
    }),
    issuerUnitId: Id(),
    signer: Obj({ name: Line(200), title: Line(200) }),
    legalBasis: List(LegalBasisSchema, 50),
    title: Line(500),
    purposes: List(Prose(2000), 50),
    requirements: List(Prose(2000), 50),
    sections: List(Obj({ code: Line(20), title: Line(500) }), 100),
    budgetDuties: List(Prose(2000), 50),
    difficultyChannel: Obj({ reportToUnitId: Id(), text: OptionalProse(2000) }),
    recipients: List(RecipientSchema, 100),
    /** For a detailed plan (kế hoạch chi tiết): the parent plan and the tasks it implements. */
    parent: Nullable(DetailedPlanParentSchema),
  }),
  'plan.task-added.v1': p({ task: TaskSchema }),
  'plan.task-changed.v1': p({ task: TaskSchema, reason: Reason() }),
  'plan.task-cancelled.v1': p({ code: TaskCodeSchema(), reason: Reason() }),
  'plan.receipt-acknowledged.v1': p({ recipientKey: Id(), unitId: Id(), at: Instant() }),
};

type M = typeof PLAN_EVENTS;
export type PlanEvent = EventsOf<M>;
export type PlanIssued = EventOf<M, 'plan.issued.v1'>;
export type TaskAdded = EventOf<M, 'plan.task-added.v1'>;
export type TaskChanged = EventOf<M, 'plan.task-changed.v1'>;
export type TaskCancelled = EventOf<M, 'plan.task-cancelled.v1'>;
export type ReceiptAcknowledged = EventOf<M, 'plan.receipt-acknowledged.v1'>;
export const PLAN_EVENT_TYPES = Object.keys(PLAN_EVENTS) as PlanEvent['type'][];
