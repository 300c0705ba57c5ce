import { Inject, Injectable } from '@nestjs/common';
import {
  CalendarDate, deadlineOf, decideObligation, evolveObligation, fanOut, initialObligation, isRecurring, Obligation, ObligationError,
  ObligationEvent, obligationIdOf, obligationStream, PlanIssued, startOfDayInVietnam, TaskDefinition,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { CommandContext } from '../shared/command-context';
import { runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';

/**
 * Creates the obligations a task asks for: one per unit it names or per unit of a group it
 * addresses, as the tree stands on the day; for a yearly task, that year's. Obligation ids are
 * derived from plan, task, unit and year, so running it twice creates nothing new.
 */
@Injectable()
export class ObligationFanOut {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: RegistryLoader,
  ) {}

  async assign(plan: PlanIssued['data'], task: TaskDefinition, on: CalendarDate, year: number | null, ctx: CommandContext): Promise<{ created: number; existing: number }> {
    const units = (await this.registry.load()).units;
    const deadline = isRecurring(task.timeFrame) ? deadlineOf(task.timeFrame, year ?? undefined) : deadlineOf(task.timeFrame);
    let created = 0;
    let existing = 0;
    for (const target of fanOut(task, plan.issuerUnitId, units, on)) {
      const obligationId = obligationIdOf(plan.planId, task.code, target.unitId, year ?? undefined);
      if ((await this.store.readStream(obligationStream(obligationId), { maxCount: 1 })).length > 0) {
        existing++;
        continue;
      }
      try {
        await runDecider<Obligation, ObligationEvent>(
          this.store, obligationStream(obligationId), { initial: initialObligation, evolve: evolveObligation },
          (s) => decideObligation({
            type: 'AssignObligation', obligationId, planId: plan.planId, taskCode: task.code, unitId: target.unitId, role: target.role,
            kind: task.obligation, year, deadline, timeWords: task.timeWords, assignedOn: on, passedFrom: null,
          }, s, new Date(startOfDayInVietnam(on))),
          { ...ctx, idempotencyKey: `assign:${obligationId}` },
          () => startOfDayInVietnam(on),
        );
        created++;
      } catch (e) {
        if (!(e instanceof ObligationError && e.code === 'obligation-exists')) throw e;
        existing++;
      }
    }
    return { created, existing };
  }
}
