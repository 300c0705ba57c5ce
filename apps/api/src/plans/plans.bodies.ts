import { DetailedPlanParentSchema, List, Nullable, Obj, PLAN_EVENTS as E, Static, TaskSchema, Type } from '@gl/domain';

/*
 * What each plan step takes over HTTP: the fields of the event it records, from its one definition.
 * The plan id and a task's code come from the path where the route names them.
 */
const { planId: _p, number, issuedOn, parent: _parent, ...issued } = E['plan.issued.v1'].properties;
const parent = DetailedPlanParentSchema.properties;

/** A plan as issued; for a detailed plan, which of its issuer's duties it answers is found by the server (not sent). */
export const IssuePlanBody = Obj({
  planId: E['plan.issued.v1'].properties.planId,
  number: Type.Optional(number),
  issuedOn: Type.Optional(issuedOn),
  ...issued,
  // At least one task, each once, is the decider's rule (it says which plan's tasks are meant).
  parent: Type.Optional(
    Nullable(
      Obj(
        { planId: parent.planId, taskCodes: List(parent.taskCodes.items, parent.taskCodes.maxItems!) },
        { description: 'For a detailed plan (kế hoạch chi tiết): the parent plan and the tasks it implements' },
      ),
    ),
  ),
});
export const TaskBody = TaskSchema;
/** The task as amended (its code is the path's), and why. */
export const AmendTaskBody = Obj({ task: TaskSchema, reason: E['plan.task-changed.v1'].properties.reason });
export const CancelTaskBody = Type.Pick(E['plan.task-cancelled.v1'], ['reason']);
export const ReceiptBody = Type.Pick(E['plan.receipt-acknowledged.v1'], ['recipientKey', 'unitId']);

export type IssuePlanBody = Static<typeof IssuePlanBody>;
export type TaskBody = Static<typeof TaskBody>;
export type AmendTaskBody = Static<typeof AmendTaskBody>;
export type CancelTaskBody = Static<typeof CancelTaskBody>;
export type ReceiptBody = Static<typeof ReceiptBody>;
