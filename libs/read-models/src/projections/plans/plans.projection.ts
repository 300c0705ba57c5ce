import {
  evolvePlan,
  Id,
  initialPlan,
  Instant,
  Line,
  List,
  Nullable,
  Obj,
  OneOf,
  PLAN_EVENT_TYPES,
  PLAN_EVENTS,
  PlanEvent,
  Prose,
  Static,
  TaskCodeSchema,
  TaskSchema,
  Type,
} from '@gl/domain';
import { projection, RecordedFrom } from '../../engine/projection';

/** One document per plan: what was issued, its tasks (with cancellations), amendments, and receipts (with who recorded each). */
export const PlanDocSchema = Obj({
  planId: Id(),
  issued: Nullable(PLAN_EVENTS['plan.issued.v1']),
  tasks: Type.Record(TaskCodeSchema(), Obj({ ...TaskSchema.properties, cancelled: Type.Boolean() }), {
    additionalProperties: false,
    maxProperties: 500,
  }),
  amendments: List(
    Obj({
      type: OneOf(['plan.task-changed.v1', 'plan.task-cancelled.v1']),
      code: TaskCodeSchema(),
      reason: Prose(1000),
      at: Instant(),
    }),
    10_000,
  ),
  /** Per line of the distribution list (Nơi nhận): who acknowledged, when, and who recorded it (a unit's own staff, or the coordinator for it). */
  acknowledgements: Type.Record(Id(), List(Obj({ unitId: Id(), at: Instant(), by: Nullable(Line(200)) }), 100_000), {
    additionalProperties: false,
    maxProperties: 100,
  }),
});
export type PlanDoc = Static<typeof PlanDocSchema>;

export const plans = projection<PlanDoc, RecordedFrom<PlanEvent>>({
  name: 'plans',
  version: 2,
  handles: PLAN_EVENT_TYPES,
  route: (e) => [e.data.planId],
  evolve: (doc, e) => {
    const { amendments, acknowledgements, ...plan }: PlanDoc = doc ?? {
      planId: e.data.planId,
      amendments: [],
      ...initialPlan(),
      acknowledgements: {},
    };
    const { issued, tasks } = evolvePlan({ ...plan, acknowledgements }, e);
    const amended =
      e.type === 'plan.task-changed.v1'
        ? [...amendments, { type: e.type, code: e.data.task.code, reason: e.data.reason, at: e.metadata.recordedAt }]
        : e.type === 'plan.task-cancelled.v1'
          ? [...amendments, { type: e.type, code: e.data.code, reason: e.data.reason, at: e.metadata.recordedAt }]
          : amendments;
    const receipts =
      e.type === 'plan.receipt-acknowledged.v1'
        ? {
            ...acknowledgements,
            [e.data.recipientKey]: [
              ...(acknowledgements[e.data.recipientKey] ?? []),
              { unitId: e.data.unitId, at: e.data.at, by: e.metadata.actor?.userId ?? null },
            ],
          }
        : acknowledgements;
    return { planId: e.data.planId, issued, tasks, amendments: amended, acknowledgements: receipts };
  },
});
