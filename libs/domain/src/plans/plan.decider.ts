import { isCalendarDate } from '../shared/calendar-date';
import { DetailedPlanParent, PlanEvent, PlanIssued, TaskDefinition, UNIT_GROUPS } from './plan.events';
import { validateTimeFrame } from './time-frame';
import { DomainError, ProblemsOf } from '../shared/domain-error';

export interface Plan {
  issued: PlanIssued['data'] | null;
  tasks: Record<string, TaskDefinition & { cancelled: boolean }>;
  acknowledgements: Record<string, { unitId: string; at: string }[]>;
}

export type PlanCommand =
  | ({ type: 'IssuePlan' } & PlanIssued['data'])
  | { type: 'AddTask'; planId: string; task: TaskDefinition }
  | { type: 'ChangeTask'; planId: string; task: TaskDefinition; reason: string }
  | { type: 'CancelTask'; planId: string; code: string; reason: string }
  | { type: 'AcknowledgeReceipt'; planId: string; recipientKey: string; unitId: string };

export type PlanErrorCode = 'plan-not-found' | 'plan-exists' | 'task-not-found' | 'task-exists' | 'invalid-plan';
export class PlanError extends DomainError<PlanErrorCode> {
  static readonly problems: ProblemsOf<PlanErrorCode> = {
    'plan-not-found': { status: 404, title: 'No such plan' },
    'task-not-found': { status: 404, title: 'No such task in the plan' },
    'plan-exists': { status: 409, title: 'The plan is already recorded' },
    'task-exists': { status: 409, title: 'The plan already has this task' },
    'invalid-plan': { status: 422, title: 'The plan does not allow this change' },
  };
}

export const initialPlan = (): Plan => ({ issued: null, tasks: {}, acknowledgements: {} });

export const evolvePlan = (s: Plan, e: PlanEvent): Plan => {
  switch (e.type) {
    case 'plan.issued.v1':
      return { ...s, issued: e.data };
    case 'plan.task-added.v1':
    case 'plan.task-changed.v1':
      return { ...s, tasks: { ...s.tasks, [e.data.task.code]: { ...e.data.task, cancelled: false } } };
    case 'plan.task-cancelled.v1':
      return { ...s, tasks: { ...s.tasks, [e.data.code]: { ...s.tasks[e.data.code], cancelled: true } } };
    case 'plan.receipt-acknowledged.v1':
      return {
        ...s,
        acknowledgements: {
          ...s.acknowledgements,
          [e.data.recipientKey]: [
            ...(s.acknowledgements[e.data.recipientKey] ?? []),
            { unitId: e.data.unitId, at: e.data.at },
          ],
        },
      };
  }
};

const checkTask = (t: TaskDefinition) => {
  if (!/^[IVX]+(\.\d+)?(\.[a-z])?$/.test(t.code))
    throw new PlanError('invalid-plan', `"${t.code}" is not a task code like II.1.a or IV.2`);
  if (!t.title?.trim()) throw new PlanError('invalid-plan', `task ${t.code} needs a title`);
  if (t.lead.length + t.performers.length === 0)
    throw new PlanError('invalid-plan', `task ${t.code} needs a lead or performers`);
  for (const a of [...t.lead, ...t.performers, ...t.coordinating] as { unitId?: string; group?: string }[]) {
    if ((a.unitId === undefined) === (a.group === undefined))
      throw new PlanError('invalid-plan', `task ${t.code}: each addressee is a unit or a group`);
    if (a.group !== undefined && !UNIT_GROUPS.includes(a.group as never))
      throw new PlanError('invalid-plan', `"${a.group}" is not a group of units`);
  }
  try {
    validateTimeFrame(t.timeFrame);
  } catch (e) {
    throw new PlanError('invalid-plan', `task ${t.code}: ${(e as Error).message}`);
  }
};

/**
 * A detailed plan answers its issuer's own duties in the parent plan (IV.2: "xây dựng Kế hoạch chi
 * tiết … trong phạm vi quản lý"; IV.3 for the bodies requested): it names at least one parent task,
 * each once, and carries the issuer's obligation under each (looked up from the log before deciding).
 */
const checkParentDuties = (parent: DetailedPlanParent, issuerUnitId: string) => {
  if (parent.taskCodes.length === 0)
    throw new PlanError('invalid-plan', `a detailed plan names the tasks of plan ${parent.planId} it answers`);
  if (new Set(parent.taskCodes).size !== parent.taskCodes.length)
    throw new PlanError('invalid-plan', 'a detailed plan names each parent task once');
  if (parent.fulfils === undefined) return;
  for (const code of parent.taskCodes) {
    if (!parent.fulfils.some((f) => f.taskCode === code)) {
      throw new PlanError(
        'invalid-plan',
        `${issuerUnitId} has no obligation under task ${code} of plan ${parent.planId}: a detailed plan answers its issuer's own duty`,
      );
    }
  }
};

/** Decides on the plan itself: issuing it, its tasks and their amendments, and receipts. */
export const decidePlan = (c: PlanCommand, s: Plan, now: Date): PlanEvent[] => {
  if (c.type === 'IssuePlan') {
    if (s.issued) throw new PlanError('plan-exists', `plan ${c.planId} was already issued`);
    if (!c.title?.trim()) throw new PlanError('invalid-plan', 'a plan needs a title');
    if (!isCalendarDate(c.assignedOn) || (c.issuedOn !== null && !isCalendarDate(c.issuedOn)))
      throw new PlanError('invalid-plan', 'dates are YYYY-MM-DD');
    if (c.parent) checkParentDuties(c.parent, c.issuerUnitId);
    const { type, ...data } = c;
    return [{ type: 'plan.issued.v1', data }];
  }
  if (!s.issued) throw new PlanError('plan-not-found', `no plan ${c.planId}`);
  switch (c.type) {
    case 'AddTask':
      if (s.tasks[c.task.code] && !s.tasks[c.task.code].cancelled)
        throw new PlanError('task-exists', `task ${c.task.code} exists`);
      checkTask(c.task);
      return [{ type: 'plan.task-added.v1', data: { planId: c.planId, task: c.task } }];
    case 'ChangeTask':
      if (!s.tasks[c.task.code] || s.tasks[c.task.code].cancelled)
        throw new PlanError('task-not-found', `no task ${c.task.code}`);
      if (!c.reason?.trim()) throw new PlanError('invalid-plan', 'an amendment needs a reason');
      checkTask(c.task);
      return [{ type: 'plan.task-changed.v1', data: { planId: c.planId, task: c.task, reason: c.reason } }];
    case 'CancelTask':
      if (!s.tasks[c.code] || s.tasks[c.code].cancelled) throw new PlanError('task-not-found', `no task ${c.code}`);
      if (!c.reason?.trim()) throw new PlanError('invalid-plan', 'a cancellation needs a reason');
      return [{ type: 'plan.task-cancelled.v1', data: { planId: c.planId, code: c.code, reason: c.reason } }];
    case 'AcknowledgeReceipt': {
      const r = s.issued.recipients.find((x) => x.key === c.recipientKey);
      if (!r) throw new PlanError('invalid-plan', `no recipient ${c.recipientKey} on the distribution list`);
      if ((s.acknowledgements[c.recipientKey] ?? []).some((a) => a.unitId === c.unitId)) return [];
      return [
        {
          type: 'plan.receipt-acknowledged.v1',
          data: { planId: c.planId, recipientKey: c.recipientKey, unitId: c.unitId, at: now.toISOString() },
        },
      ];
    }
  }
};
