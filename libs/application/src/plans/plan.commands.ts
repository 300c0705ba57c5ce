import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { READ_STORE, ReadStore } from '@gl/read-models';
import {
  Clock,
  decidePlan,
  evolvePlan,
  initialPlan,
  isRecurring,
  ObligationError,
  obligationStream,
  Plan,
  PlanCommand,
  PlanError,
  PlanEvent,
  planStream,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { NotPermittedError, requireReadable, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult, isSystem, systemScope } from '../shared/command-context';
import { ActOnObligation } from './obligation.commands';
import { CLOCK_PORT } from '../shared/ports';
import { decideOn, Fold, foldStream } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { assignmentDayOf, checkPlanReferences } from './plan-references';
import { checkTaskReach, dutiesAnswered } from './plan-reach';
import { ObligationFanOut } from './obligation-fan-out';

export class ChangePlan {
  constructor(
    readonly command: PlanCommand,
    readonly context: CommandContext,
  ) {}
}

const fold: Fold<Plan, PlanEvent> = { initial: initialPlan, evolve: evolvePlan };

/**
 * The plan and its tasks. A city plan is the coordinator's; a detailed plan (kế hoạch chi tiết) is
 * its issuing unit's. Adding a task fans it out into obligations at once (this year's, for a yearly one).
 */
@CommandHandler(ChangePlan)
export class ChangePlanHandler implements ICommandHandler<
  ChangePlan,
  CommandResult & { obligations?: { created: number; existing: number } | { cancelled: number } }
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly fanOut: ObligationFanOut,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly commands: CommandBus,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ command: given, context }: ChangePlan) {
    let command = given;
    const stream = planStream(command.planId);
    const current = await foldStream(this.store, stream, fold);
    this.authorize(command, current, context);
    if (command.type === 'IssuePlan' && command.parent) command = await this.withDutiesAnswered(command);
    const now = this.clock.now();
    const decision = await decideOn(this.store, stream, fold, (s) => decidePlan(command, s, now), context);
    if (!decision.replayed) {
      const registry = await this.registry.load();
      checkPlanReferences(registry, command, current);
      if (command.type === 'AddTask' || command.type === 'ChangeTask')
        checkTaskReach(registry, current.issued!, command.task, assignmentDayOf(current.issued!, command.task));
    }
    const result = await decision.append();
    if (command.type === 'IssuePlan' && command.parent?.fulfils?.length && !decision.replayed)
      await this.recordDutiesDone(command, context);
    if (command.type === 'CancelTask')
      return {
        ...result,
        obligations: await this.cancelObligations(command.planId, command.code, command.reason, context),
      };
    if (command.type !== 'AddTask' && command.type !== 'ChangeTask') return result;
    const plan = current.issued!;
    const task = command.task;
    // A yearly task gets its first year's obligations now; the scheduler opens the later years.
    const year = isRecurring(task.timeFrame) ? task.timeFrame.from : null;
    return { ...result, obligations: await this.fanOut.assign(plan, task, assignmentDayOf(plan, task), year, context) };
  }

  /**
   * A detailed plan implements tasks that exist in its parent plan, and answers its issuer's own
   * obligation under each (plan IV.2–3): found in the log here, recorded on the plan, and the
   * decider refuses a task under which the issuer owes nothing.
   */
  private async withDutiesAnswered(c: Extract<PlanCommand, { type: 'IssuePlan' }>): Promise<PlanCommand> {
    const parent = c.parent!;
    const p = await foldStream(this.store, planStream(parent.planId), fold);
    if (!p.issued) throw new PlanError('plan-not-found', `no parent plan ${parent.planId}`);
    for (const code of parent.taskCodes) {
      if (!p.tasks[code] || p.tasks[code].cancelled)
        throw new PlanError('task-not-found', `the parent plan has no task ${code}`);
    }
    const fulfils = await dutiesAnswered(this.store, p, parent.planId, parent.taskCodes, c.issuerUnitId, c.assignedOn);
    return { ...c, parent: { planId: parent.planId, taskCodes: parent.taskCodes, fulfils } };
  }

  /**
   * A detailed plan is its issuer's duty done (plan IV.2–3): recorded on each obligation it answers;
   * a request (IV.3, "đề nghị … xây dựng Kế hoạch") is answered by it.
   */
  private async recordDutiesDone(c: Extract<PlanCommand, { type: 'IssuePlan' }>, ctx: CommandContext): Promise<void> {
    const on = c.issuedOn ?? c.assignedOn;
    const parent = await foldStream(this.store, planStream(c.parent!.planId), fold);
    for (const f of c.parent!.fulfils!) {
      const [assigned] = await this.store.readStream(obligationStream(f.obligationId), { maxCount: 1 });
      const requested = (assigned?.data as { kind?: string } | undefined)?.kind === 'requested';
      const step = requested
        ? {
            type: 'AnswerRequest' as const,
            obligationId: f.obligationId,
            answer: `Kế hoạch ${c.number ?? c.planId}: ${c.title}`,
            answeredOn: on,
            documentNumber: c.number,
          }
        : {
            type: 'RecordDetailedPlan' as const,
            obligationId: f.obligationId,
            planId: c.planId,
            number: c.number,
            issuedOn: on,
            completesDuty: parent.tasks[f.taskCode]?.dischargedBy === 'detailed-plan',
          };
      try {
        await this.commands.execute(
          new ActOnObligation(step, {
            ...ctx,
            idempotencyKey: `detailed-plan:${c.planId}:${f.obligationId}`,
            causationId: ctx.correlationId,
          }),
        );
      } catch (e) {
        // A request already answered, or a duty closed since: the plan stands, the duty's record is unchanged.
        if (!(e instanceof ObligationError && e.code === 'obligation-closed')) throw e;
      }
    }
  }

  /** A cancelled task's open obligations are cancelled with it, for the same reason. */
  private async cancelObligations(
    planId: string,
    code: string,
    reason: string,
    ctx: CommandContext,
  ): Promise<{ cancelled: number }> {
    const open = await this.reads.find(
      'obligations',
      { planId, taskCode: code, status: { $nin: ['completed', 'cancelled', 'passed'] } },
      { projection: { _id: 1 } },
    );
    let cancelled = 0;
    for (const { _id } of open) {
      try {
        await this.commands.execute(
          new ActOnObligation(
            { type: 'Cancel', obligationId: _id, reason: `Nhiệm vụ ${code} bị hủy: ${reason}` },
            { ...ctx, scope: systemScope() },
          ),
        );
        cancelled++;
      } catch (e) {
        // The read model may lag: an obligation closed since it was read stays as it was, and the task is cancelled all the same.
        if (!(e instanceof ObligationError && e.code === 'obligation-closed')) throw e;
      }
    }
    return { cancelled };
  }

  private authorize(c: PlanCommand, s: Plan, ctx: CommandContext): void {
    if (isSystem(ctx.scope)) return;
    if (c.type === 'AcknowledgeReceipt') return requireWritable(ctx.scope, c.unitId);
    const issued = c.type === 'IssuePlan' ? c : s.issued;
    if (!issued) throw new PlanError('plan-not-found', `no plan ${c.planId}`);
    requireReadable(ctx.scope, issued.issuerUnitId, `plan ${c.planId}`);
    // A city plan is the coordinator's; a detailed plan, its own unit's (reporter or head).
    if (!issued.parent && !ctx.scope.roles.includes('plan-coordinator'))
      throw new NotPermittedError("a plan of the city is the plan coordinator's");
    requireWritable(ctx.scope, issued.issuerUnitId, `plan ${c.planId}`);
  }
}
