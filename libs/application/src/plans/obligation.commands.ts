import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Clock, decideObligation, evolveObligation, initialObligation, Obligation, ObligationCommand, ObligationError, ObligationEvent,
  obligationStream, vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@gl/event-store';
import { NotFoundInScopeError, requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';

/** One step in an obligation's life, by the unit or by the coordinator. */
export class ActOnObligation {
  constructor(readonly command: Exclude<ObligationCommand, { type: 'AssignObligation' }>, readonly context: CommandContext) {}
}

/** What the unit itself does; the rest (decisions, returns, cancellations, reminders) is the coordinator's. */
const BY_THE_UNIT: ObligationCommand['type'][] = ['Acknowledge', 'UpdateProgress', 'Complete', 'RequestExtension', 'Explain', 'LinkActivity'];

const fold = (events: RecordedEvent[]): Obligation =>
  events.reduce((s, e) => evolveObligation(s, e as unknown as ObligationEvent, e.metadata.recordedAt), initialObligation());

@CommandHandler(ActOnObligation)
export class ActOnObligationHandler implements ICommandHandler<ActOnObligation, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ command, context }: ActOnObligation): Promise<CommandResult> {
    const stream = obligationStream(command.obligationId);
    const state = fold(await this.store.readStream(stream));
    if (!state.assigned) throw new NotFoundInScopeError(`obligation ${command.obligationId}`);
    const unitId = state.assigned.unitId;
    requireReadable(context.scope, unitId, `obligation ${command.obligationId}`);
    if (BY_THE_UNIT.includes(command.type)) requireWritable(context.scope, unitId, `obligation ${command.obligationId}`);
    else requireRole(context.scope, 'plan-coordinator', 'this step');
    const now = this.clock.now();
    if (command.type === 'PassToSuccessor') await this.checkSuccessor(unitId, command.toUnitId);
    const evolve = (s: Obligation, e: ObligationEvent) => evolveObligation(s, e, now.toISOString());
    const result = await runDecider<Obligation, ObligationEvent>(
      this.store, stream, { initial: initialObligation, evolve }, (s) => decideObligation(command, s, now), context,
    );
    if (command.type === 'PassToSuccessor') await this.assignToSuccessor(state, command.toUnitId, now, context);
    return result;
  }

  /** Obligations pass only along recorded lineage: the new unit must be a successor of the old. */
  private async checkSuccessor(from: string, to: string): Promise<void> {
    const u = (await this.registry.load()).units.get(from);
    if (!u || !u.successors.some((l) => l.unitId === to)) {
      throw new ObligationError('invalid-obligation', `${to} is not a successor of ${from} in the organisation tree`);
    }
  }

  private async assignToSuccessor(old: Obligation, toUnitId: string, now: Date, ctx: CommandContext): Promise<void> {
    const a = old.assigned!;
    const id = [a.planId, a.taskCode, toUnitId, ...(a.year !== null ? [String(a.year)] : [])].join('.');
    const fromId = [a.planId, a.taskCode, a.unitId, ...(a.year !== null ? [String(a.year)] : [])].join('.');
    await runDecider<Obligation, ObligationEvent>(
      this.store, obligationStream(id), { initial: initialObligation, evolve: evolveObligation },
      (s) => (s.assigned ? [] : decideObligation({
        type: 'AssignObligation', ...a, obligationId: id, unitId: toUnitId, deadline: old.deadline, assignedOn: vietnamDateOf(now), passedFrom: fromId,
      }, s, now)),
      { ...ctx, idempotencyKey: ctx.idempotencyKey ? `${ctx.idempotencyKey}:successor` : undefined },
    );
  }
}

