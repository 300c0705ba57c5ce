import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OpenPeriod } from '../reporting/reporting.commands';
import {
  CLOSED_STATUSES,
  Clock,
  deadlineOf,
  dueDayOf,
  evolvePlan,
  initialPlan,
  isRecurring,
  Plan,
  PlanEvent,
  PlanIssued,
  planStream,
  TaskDefinition,
  vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { READ_STORE, ReadStore, RegimeDoc } from '@gl/read-models';
import { CommandContext } from '../shared/command-context';
import { withoutStoreFields } from '../shared/read-helpers';
import { foldStream } from '../shared/stream-runner';
import { CLOCK_PORT } from '../shared/ports';
import { ObligationFanOut } from './obligation-fan-out';
import { ActOnObligation } from './obligation.commands';
import { RegistryLoader } from '../units/registry-loader';

/** Opens every yearly task's obligations for each year up to the current one (in Vietnam). */
export class OpenYears {
  constructor(readonly context: CommandContext) {}
}

/**
 * The scheduler's work: at the turn of a year (and at every start, to catch up), each yearly task
 * of each plan gets that year's obligations, one per unit standing on the day that year's duty
 * falls due. An obligation opened before the tree changed, for a unit that no longer stands on
 * that day, passes to its successor when the successor owes the duty, or is cancelled, each by an
 * explicit event naming why. Safe to run any number of times: obligation ids include the year.
 */
@CommandHandler(OpenYears)
export class OpenYearsHandler implements ICommandHandler<OpenYears, { created: number; existing: number }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly fanOut: ObligationFanOut,
    private readonly commands: CommandBus,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ context }: OpenYears) {
    const thisYear = Number(vietnamDateOf(this.clock.now()).slice(0, 4));
    const totals = { created: 0, existing: 0 };
    for (const { _id } of await this.reads.find('plans', {}, { projection: { _id: 1 } })) {
      const plan = await foldStream<Plan, PlanEvent>(this.store, planStream(_id), {
        initial: initialPlan,
        evolve: evolvePlan,
      });
      if (!plan.issued) continue;
      for (const task of Object.values(plan.tasks)) {
        if (task.cancelled || !isRecurring(task.timeFrame)) continue;
        for (let year = task.timeFrame.from; year <= thisYear; year++) {
          // The plan's own fan-out opened the first year, on its assignment day.
          if (year > task.timeFrame.from) {
            const r = await this.fanOut.assign(plan.issued, task, `${year}-01-01`, year, context);
            totals.created += r.created;
            totals.existing += r.existing;
          }
          await this.settleEndedUnits(plan.issued, task, year, context);
        }
      }
    }
    // Reporting periods open on their regime's day, each year, as the tree stands then.
    const today = vietnamDateOf(this.clock.now());
    for (const r of await this.reads.find('reporting-regimes', {})) {
      const regime = withoutStoreFields<RegimeDoc>(r);
      for (let year = regime.fromYear; year <= thisYear; year++) {
        const opens = `${year}-${String(regime.opensOn.month).padStart(2, '0')}-${String(regime.opensOn.day).padStart(2, '0')}`;
        if (opens <= today) await this.commands.execute(new OpenPeriod({ regimeId: regime.regimeId, year }, context));
      }
    }
    return totals;
  }

  /** Open obligations of a year whose unit does not stand on the due day: passed to the successor that owes it, or cancelled. */
  private async settleEndedUnits(
    plan: PlanIssued['data'],
    task: TaskDefinition,
    year: number,
    context: CommandContext,
  ): Promise<void> {
    const owing = await this.fanOut.owingUnits(
      plan,
      task,
      plan.assignedOn > `${year}-01-01` ? plan.assignedOn : `${year}-01-01`,
      year,
    );
    const open = await this.reads.find('obligations', {
      planId: plan.planId,
      taskCode: task.code,
      year,
      status: { $nin: [...CLOSED_STATUSES] },
    });
    if (open.every((o) => owing.has(o.unitId as string))) return;
    const units = (await this.registry.load()).units;
    const due = dueDayOf(deadlineOf(task.timeFrame, year)!);
    for (const o of open) {
      const unitId = o.unitId as string;
      if (owing.has(unitId)) continue;
      const u = units.get(unitId);
      const ended = u?.ended
        ? `${unitId} ended on ${u.ended.on} (${u.ended.reason})`
        : `${unitId} is not among those owing it`;
      const successor = u?.successors.find((l) => owing.has(l.unitId))?.unitId;
      const command = successor
        ? {
            type: 'PassToSuccessor' as const,
            obligationId: o._id as string,
            toUnitId: successor,
            reason: `${ended}, before the duty fell due on ${due}; ${successor} owes it`,
          }
        : {
            type: 'Cancel' as const,
            obligationId: o._id as string,
            reason: `${ended}, before the duty fell due on ${due}; no successor owes it`,
          };
      await this.commands.execute(
        new ActOnObligation(command, { ...context, idempotencyKey: `settle:${o._id as string}` }),
      );
    }
  }
}

/** Runs OpenYears at start and then once an hour: a new year is opened within the hour. */
@Injectable()
export class YearScheduler {
  private timer: NodeJS.Timeout | null = null;

  start(run: () => Promise<unknown>, everyMs = 3_600_000): void {
    const tick = () => void run().catch(() => undefined);
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
