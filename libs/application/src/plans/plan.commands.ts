import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Clock, decidePlan, evolvePlan, initialPlan, isRecurring, Plan, PlanCommand, PlanError, PlanEvent, planStream,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { NotPermittedError, requireReadable, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult, isSystem } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { Fold, runDecider } from '../shared/stream-runner';
import { ObligationFanOut } from './obligation-fan-out';

export class ChangePlan {
  constructor(readonly command: PlanCommand, readonly context: CommandContext) {}
}

const fold: Fold<Plan, PlanEvent> = { initial: initialPlan, evolve: evolvePlan };

/**
 * The plan and its tasks. A city plan is the coordinator's; a detailed plan (kế hoạch chi tiết) is
 * its issuing unit's. Adding a task fans it out into obligations at once (this year's, for a yearly one).
 */
@CommandHandler(ChangePlan)
export class ChangePlanHandler implements ICommandHandler<ChangePlan, CommandResult & { obligations?: { created: number; existing: number } }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly fanOut: ObligationFanOut,
  ) {}

  async execute({ command, context }: ChangePlan) {
    const stream = planStream(command.planId);
    const current = (await this.store.readStream(stream)).reduce((s, e) => fold.evolve(s, e as unknown as PlanEvent), fold.initial());
    this.authorize(command, current, context);
    const now = this.clock.now();
    const result = await runDecider(this.store, stream, fold, (s) => decidePlan(command, s, now), context);
    if (command.type !== 'AddTask' && command.type !== 'ChangeTask') return result;
    const plan = current.issued!;
    const task = command.task;
    // A yearly task gets its first year's obligations now; the scheduler opens the later years.
    const year = isRecurring(task.timeFrame) ? task.timeFrame.from : null;
    const startOfYear = year === null ? plan.assignedOn : `${year}-01-01`;
    const on = plan.assignedOn > startOfYear ? plan.assignedOn : startOfYear;
    return { ...result, obligations: await this.fanOut.assign(plan, task, on, year, context) };
  }

  private authorize(c: PlanCommand, s: Plan, ctx: CommandContext): void {
    if (isSystem(ctx.scope)) return;
    if (c.type === 'AcknowledgeReceipt') return requireWritable(ctx.scope, c.unitId);
    const issued = c.type === 'IssuePlan' ? c : s.issued;
    if (!issued) throw new PlanError('plan-not-found', `no plan ${c.planId}`);
    requireReadable(ctx.scope, issued.issuerUnitId, `plan ${c.planId}`);
    // A city plan is the coordinator's; a detailed plan, its own unit's (reporter or head).
    if (!issued.parent && !ctx.scope.roles.includes('plan-coordinator')) throw new NotPermittedError('a plan of the city is the plan coordinator\'s');
    requireWritable(ctx.scope, issued.issuerUnitId, `plan ${c.planId}`);
  }
}
