import {
  CalendarDate,
  evolveObligation,
  fanOut,
  initialObligation,
  isRecurring,
  Obligation,
  ObligationEvent,
  obligationIdOf,
  obligationStream,
  Plan,
  PlanError,
  PlanIssued,
  Recipient,
  subtreeOn,
  TaskDefinition,
  UnitKind,
  UnitRegistry,
  unitOn,
  valueOn,
} from '@gl/domain';
import type { EventStore } from '@gl/event-store';
import { foldStream } from '../shared/stream-runner';

/**
 * Bodies the city's People's Committee does not direct but requests (đề nghị: plan II.2.b–c, IV.3):
 * a city plan may address them with a request even where the tree does not hold them under it.
 */
const REQUESTABLE: readonly UnitKind[] = ['fatherland-front', 'labour-federation'];

const nameOn = (registry: UnitRegistry, unitId: string, day: CalendarDate): string => {
  const u = registry.units.get(unitId);
  return (u && valueOn(u.names, day)?.name) ?? unitId;
};

/**
 * A plan's task reaches only its issuer's subtree on the day its obligations are assigned: the
 * city plan the city's tree, a detailed plan what is "trong phạm vi quản lý" (plan IV.2) of its
 * issuer. A city plan (one with no parent) may also request the bodies above. Groups are resolved
 * under the issuer already (fanOut); this checks the units a task names one by one.
 */
export const checkTaskReach = (
  registry: UnitRegistry,
  plan: PlanIssued['data'],
  task: TaskDefinition,
  day: CalendarDate,
): void => {
  const under = subtreeOn(registry.units.values(), plan.issuerUnitId, day);
  const roles: [string, TaskDefinition['lead']][] = [
    ['lead', task.lead],
    ['performer', task.performers],
    ['coordinating', task.coordinating],
  ];
  for (const [role, list] of roles) {
    for (const a of list) {
      if (!('unitId' in a) || under.has(a.unitId)) continue;
      const u = registry.units.get(a.unitId);
      const kind = u ? unitOn(u, day)?.kind : undefined;
      if (!plan.parent && task.obligation === 'requested' && kind && REQUESTABLE.includes(kind)) continue;
      throw new PlanError(
        'invalid-plan',
        `task ${task.code}: ${role} ${a.unitId} (${nameOn(registry, a.unitId, day)}) is not under ${plan.issuerUnitId} on ${day}; ` +
          `plan ${plan.planId} reaches only its issuer's units${plan.parent ? '' : ' and the bodies it requests (the Fatherland Front, the Labour Federation)'}`,
      );
    }
  }
};

/**
 * The issuer's own obligation under each parent task a detailed plan names (for a yearly task, that
 * of the detailed plan's year), read from the log; a task under which the issuer owes nothing (or
 * whose obligation was cancelled or passed on) has none, and the decider refuses the plan.
 */
export const dutiesAnswered = async (
  store: EventStore,
  parent: Plan,
  parentPlanId: string,
  taskCodes: string[],
  issuerUnitId: string,
  on: CalendarDate,
): Promise<{ taskCode: string; obligationId: string }[]> => {
  const out: { taskCode: string; obligationId: string }[] = [];
  for (const code of taskCodes) {
    const t = parent.tasks[code];
    if (!t) continue;
    const obligationId = obligationIdOf(
      parentPlanId,
      code,
      issuerUnitId,
      isRecurring(t.timeFrame) ? Number(on.slice(0, 4)) : undefined,
    );
    const o = await foldStream<Obligation, ObligationEvent>(store, obligationStream(obligationId), {
      initial: initialObligation,
      evolve: (s, e) => evolveObligation(s, e),
    });
    if (o.assigned?.unitId === issuerUnitId && o.status !== 'cancelled' && o.status !== 'passed')
      out.push({ taskCode: code, obligationId });
  }
  return out;
};

/** The units a line of the distribution list (Nơi nhận) stands for: those it names, and its groups under the issuer on the plan's day. */
export const unitsOfRecipientLine = (registry: UnitRegistry, plan: PlanIssued['data'], line: Recipient): string[] => {
  const grouped = fanOut(
    { lead: line.groups.map((group) => ({ group })), performers: [], coordinating: [] },
    plan.issuerUnitId,
    registry.units,
    plan.assignedOn,
  ).map((t) => t.unitId);
  return [...new Set([...line.unitIds, ...grouped])];
};

export interface ReceiptLine {
  key: string;
  label: string;
  unitIds: string[];
  groups: string[];
  /** How many units the line stands for on the plan's day. */
  units: number;
  acknowledged: { unitId: string; name: string; at: string; by: string | null }[];
  pending: { unitId: string; name: string }[];
}

/** Per line of the distribution list: who acknowledged receipt (when, by whom) and who has not. */
export const receiptsOf = (
  registry: UnitRegistry,
  plan: PlanIssued['data'],
  acknowledgements: Record<string, { unitId: string; at: string; by?: string | null }[]>,
): ReceiptLine[] =>
  plan.recipients.map((line) => {
    const members = unitsOfRecipientLine(registry, plan, line);
    const acks = acknowledgements[line.key] ?? [];
    const name = (id: string) => nameOn(registry, id, plan.assignedOn);
    return {
      key: line.key,
      label: line.label,
      unitIds: line.unitIds,
      groups: line.groups,
      units: members.length,
      acknowledged: acks.map((a) => ({ unitId: a.unitId, name: name(a.unitId), at: a.at, by: a.by ?? null })),
      pending: members
        .filter((id) => !acks.some((a) => a.unitId === id))
        .map((unitId) => ({ unitId, name: name(unitId) })),
    };
  });
