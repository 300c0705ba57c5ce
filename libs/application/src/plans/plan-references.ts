import {
  CalendarDate,
  deadlineOf,
  dueDayOf,
  fanOut,
  isRecurring,
  Plan,
  PlanCommand,
  PlanError,
  PlanIssued,
  TaskDefinition,
  UnitRegistry,
} from '@gl/domain';
import { whyNotStandingOn } from '../units/unit-standing';

const invalid = (message: string): never => {
  throw new PlanError('invalid-plan', message);
};

/** The day a task's obligations are assigned from: the plan's day, or 1 January of a yearly task's first year if later. */
export const assignmentDayOf = (plan: PlanIssued['data'], task: TaskDefinition): CalendarDate => {
  const startOfYear = isRecurring(task.timeFrame) ? `${task.timeFrame.from}-01-01` : plan.assignedOn;
  return plan.assignedOn > startOfYear ? plan.assignedOn : startOfYear;
};

/**
 * The day whose tree decides who owes a task's first obligations, as ObligationFanOut reads it:
 * the assignment day, or for a yearly task the day its first year's duty falls due, if later.
 */
const treeDayOf = (plan: PlanIssued['data'], task: TaskDefinition): CalendarDate => {
  const on = assignmentDayOf(plan, task);
  const deadline = isRecurring(task.timeFrame) ? deadlineOf(task.timeFrame, task.timeFrame.from) : null;
  const due = deadline && dueDayOf(deadline);
  return due && due > on ? due : on;
};

const requireStanding = (registry: UnitRegistry, unitId: string, day: CalendarDate, what: string) => {
  const why = whyNotStandingOn(registry, unitId, day);
  if (why) invalid(`${what}: ${why}`);
};

/** Units a task names one by one (groups are resolved on the day, and may be empty). */
const namedUnits = (t: TaskDefinition): string[] =>
  [...t.lead, ...t.performers, ...t.coordinating].flatMap((a) => ('unitId' in a ? [a.unitId] : []));

/**
 * What a plan command names, checked after the decider and before the append: the issuer, the
 * unit difficulties go to and every recipient stood on the plan's assignment day; every unit a
 * task names stands on the day whose tree assigns its obligations (else it would silently get none);
 * a receipt is acknowledged by a unit on that line of the distribution list.
 */
export const checkPlanReferences = (registry: UnitRegistry, c: PlanCommand, current: Plan): void => {
  if (c.type === 'IssuePlan') {
    requireStanding(registry, c.issuerUnitId, c.assignedOn, 'issuerUnitId');
    requireStanding(registry, c.difficultyChannel.reportToUnitId, c.assignedOn, 'difficultyChannel.reportToUnitId');
    for (const r of c.recipients)
      for (const u of r.unitIds) requireStanding(registry, u, c.assignedOn, `recipient ${r.key}`);
    return;
  }
  const plan = current.issued!;
  if (c.type === 'AddTask' || c.type === 'ChangeTask') {
    const day = treeDayOf(plan, c.task);
    for (const u of namedUnits(c.task))
      requireStanding(
        registry,
        u,
        day,
        `task ${c.task.code} names ${u}, whose obligation is assigned as the tree stands on ${day}`,
      );
    return;
  }
  if (c.type === 'AcknowledgeReceipt') {
    const r = plan.recipients.find((x) => x.key === c.recipientKey)!;
    const members = new Set([
      ...r.unitIds,
      ...fanOut(
        { lead: r.groups.map((group) => ({ group })), performers: [], coordinating: [] },
        plan.issuerUnitId,
        registry.units,
        plan.assignedOn,
      ).map((t) => t.unitId),
    ]);
    if (!members.has(c.unitId))
      invalid(`${c.unitId} is not on the line "${r.label}" (${r.key}) of plan ${c.planId}'s distribution list`);
  }
};
