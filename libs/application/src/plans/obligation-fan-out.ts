import { Inject, Injectable } from '@nestjs/common';
import {
  CalendarDate,
  deadlineOf,
  decideObligation,
  dueDayOf,
  evolveObligation,
  fanOut,
  initialObligation,
  isRecurring,
  Obligation,
  ObligationError,
  ObligationEvent,
  obligationIdOf,
  obligationStream,
  PlanIssued,
  startOfDayInVietnam,
  TaskDefinition,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { CommandContext } from '../shared/command-context';
import { runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';

/**
 * Creates the obligations a task asks for: one per unit it names or per unit of a group it
 * addresses; for a yearly task, that year's. Who owes it: the tree standing on the assignment day,
 * and for a yearly task the tree standing on the day that year's duty falls due (dueDayOf) — the
 * same rule a reporting period's expected units follow. A unit established after the assignment
 * day is assigned from the day it exists. Obligation ids are derived from plan, task, unit and
 * year, so running it twice creates nothing new.
 */
@Injectable()
export class ObligationFanOut {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: RegistryLoader,
  ) {}

  async assign(
    plan: PlanIssued['data'],
    task: TaskDefinition,
    on: CalendarDate,
    year: number | null,
    ctx: CommandContext,
  ): Promise<{ created: number; existing: number }> {
    const units = (await this.registry.load()).units;
    const deadline = isRecurring(task.timeFrame)
      ? deadlineOf(task.timeFrame, year ?? undefined)
      : deadlineOf(task.timeFrame);
    const treeDay = this.treeDayOf(task, deadline, on);
    let created = 0;
    let existing = 0;
    for (const target of fanOut(task, plan.issuerUnitId, units, treeDay)) {
      const established = units.get(target.unitId)?.establishedOn ?? on;
      const assignedOn = established > on ? established : on;
      const obligationId = obligationIdOf(plan.planId, task.code, target.unitId, year ?? undefined);
      if ((await this.store.readStream(obligationStream(obligationId), { maxCount: 1 })).length > 0) {
        existing++;
        continue;
      }
      try {
        await runDecider<Obligation, ObligationEvent>(
          this.store,
          obligationStream(obligationId),
          { initial: initialObligation, evolve: evolveObligation },
          (s) =>
            decideObligation(
              {
                type: 'AssignObligation',
                obligationId,
                planId: plan.planId,
                taskCode: task.code,
                unitId: target.unitId,
                role: target.role,
                kind: task.obligation,
                year,
                deadline,
                timeWords: task.timeWords,
                assignedOn,
                passedFrom: null,
              },
              s,
              new Date(startOfDayInVietnam(assignedOn)),
            ),
          { ...ctx, idempotencyKey: `assign:${obligationId}` },
          () => startOfDayInVietnam(assignedOn),
        );
        created++;
      } catch (e) {
        if (!(e instanceof ObligationError && e.code === 'obligation-exists')) throw e;
        existing++;
      }
    }
    return { created, existing };
  }

  /** The units owing a yearly task's duty of a year: those standing on its due day. */
  async owingUnits(
    plan: PlanIssued['data'],
    task: TaskDefinition,
    on: CalendarDate,
    year: number,
  ): Promise<Set<string>> {
    const units = (await this.registry.load()).units;
    const treeDay = this.treeDayOf(task, deadlineOf(task.timeFrame, year), on);
    return new Set(fanOut(task, plan.issuerUnitId, units, treeDay).map((t) => t.unitId));
  }

  private treeDayOf(task: TaskDefinition, deadline: string | null, on: CalendarDate): CalendarDate {
    if (!isRecurring(task.timeFrame) || deadline === null) return on;
    const due = dueDayOf(deadline);
    return due > on ? due : on;
  }
}
