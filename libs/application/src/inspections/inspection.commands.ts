import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  canWrite,
  Clock,
  decideInspection,
  evolveInspection,
  evolvePlan,
  initialInspection,
  initialPlan,
  Inspection,
  InspectionCommand,
  InspectionEvent,
  inspectionDayOf,
  InspectionNotFound,
  inspectionStream,
  InvalidInspection,
  Plan,
  PlanEvent,
  planStream,
  startOfDayInVietnam,
  subtreeOn,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { NotFoundInScopeError, NotPermittedError, requireReadable, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult, isSystem } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { seesUnit } from '../shared/read-helpers';
import { Fold, newIdFor, runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { whyNotStandingOn } from '../units/unit-standing';

const inspectionFold: Fold<Inspection, InspectionEvent> = { initial: initialInspection, evolve: evolveInspection };

/** Business time: the start, in Vietnam, of the day the step happened (the decision, the visit, the request, the answer, the closing). */
const occurredAt = (e: InspectionEvent): string => startOfDayInVietnam(inspectionDayOf(e));

export const loadInspection = async (store: EventStore, inspectionId: string): Promise<Inspection> =>
  (await store.readStream(inspectionStream(inspectionId))).reduce(
    (s, e) => evolveInspection(s, { type: e.type, data: e.data } as InspectionEvent),
    initialInspection(),
  );

/** Plan an inspection, record its conduct, request or answer a follow-up, close it. */
export class ActOnInspection {
  /** For a new inspection, inspectionId may be empty (one is made). */
  constructor(
    readonly command: InspectionCommand,
    readonly context: CommandContext,
  ) {}
}

/**
 * Who may (plan IV.1: Sở Nội vụ "theo dõi, kiểm tra, đôn đốc" every body and level of the city;
 * I.2.d: every level checks those under it):
 * - plan, conduct, request follow-ups, close: whoever acts for the inspecting unit — the plan
 *   coordinator for Sở Nội vụ over any unit of the city's tree, a district's reporter or head for
 *   the communes under the district on the planned start;
 * - answer a follow-up: the inspected unit's own staff.
 * Someone who sees neither unit gets a 404. Every check runs before the append.
 */
@CommandHandler(ActOnInspection)
export class ActOnInspectionHandler implements ICommandHandler<
  ActOnInspection,
  CommandResult & { inspectionId: string }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ command, context }: ActOnInspection) {
    const inspectionId = command.inspectionId || newIdFor(context, 'inspection');
    const c = { ...command, inspectionId } as InspectionCommand;
    if (c.type === 'PlanInspection') await this.checkPlanning(c, context);
    else {
      const s = await loadInspection(this.store, inspectionId);
      if (!s.planned) throw new InspectionNotFound(inspectionId);
      const { inspectingUnitId, inspectedUnitId } = s.planned;
      const what = `inspection ${inspectionId}`;
      if (!seesUnit(context.scope, inspectedUnitId) && !seesUnit(context.scope, inspectingUnitId))
        throw new NotFoundInScopeError(what);
      if (c.type === 'AnswerFollowUp') {
        requireWritable(context.scope, inspectedUnitId, what);
        if (!isSystem(context.scope) && context.actor.unitId !== inspectedUnitId) {
          throw new NotPermittedError(`a follow-up is answered by the inspected unit (${inspectedUnitId}) itself`);
        }
      } else if (!isSystem(context.scope) && !canWrite(context.scope, inspectingUnitId)) {
        // The caller sees the inspection (it is about their unit) but does not act for the inspecting one.
        throw new NotPermittedError(`only the inspecting unit (${inspectingUnitId}) records this step of ${what}`);
      }
    }
    const now = this.clock.now();
    const result = await runDecider(
      this.store,
      inspectionStream(inspectionId),
      inspectionFold,
      (s) => decideInspection(c, s, now),
      context,
      occurredAt,
    );
    return { ...result, inspectionId };
  }

  private async checkPlanning(c: Extract<InspectionCommand, { type: 'PlanInspection' }>, context: CommandContext) {
    requireWritable(context.scope, c.inspectingUnitId);
    requireReadable(context.scope, c.inspectedUnitId);
    const registry = await this.registry.load();
    for (const [u, what] of [
      [c.inspectingUnitId, 'inspectingUnitId'],
      [c.inspectedUnitId, 'inspectedUnitId'],
    ] as const) {
      const why = whyNotStandingOn(registry, u, c.plannedFrom);
      if (why) throw new InvalidInspection(`${what}: ${why}`);
    }
    // Sở Nội vụ's coordinator inspects across the city's tree; any other unit only the units under it.
    const coordinatorsOwn =
      context.scope.roles.includes('plan-coordinator') && context.actor.unitId === c.inspectingUnitId;
    if (
      !isSystem(context.scope) &&
      !coordinatorsOwn &&
      !subtreeOn(registry.units.values(), c.inspectingUnitId, c.plannedFrom).has(c.inspectedUnitId)
    ) {
      throw new InvalidInspection(
        `${c.inspectingUnitId} inspects only the units under it; ${c.inspectedUnitId} was not under it on ${c.plannedFrom}`,
      );
    }
    const plan = (await this.store.readStream(planStream(c.planId))).reduce(
      (s, e) => evolvePlan(s, { type: e.type, data: e.data } as PlanEvent),
      initialPlan() as Plan,
    );
    if (!plan.issued) throw new InvalidInspection(`no plan ${c.planId} is recorded`);
    for (const code of c.taskCodes ?? []) {
      const t = plan.tasks[code];
      if (!t || t.cancelled)
        throw new InvalidInspection(`plan ${c.planId} has no task ${code}${t ? ' in force (it was cancelled)' : ''}`);
    }
  }
}
