import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CalendarDate,
  Clock,
  decideObligation,
  evolveObligation,
  initialObligation,
  Obligation,
  ObligationCommand,
  ObligationError,
  ObligationEvent,
  obligationIdOf,
  obligationStream,
  vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@gl/event-store';
import { NotFoundInScopeError, requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { appendFollowUp, Decision, decideOn } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { whyNotStandingOn } from '../units/unit-standing';

/** One step in an obligation's life, by the unit or by the coordinator. */
export class ActOnObligation {
  constructor(
    readonly command: Exclude<ObligationCommand, { type: 'AssignObligation' }>,
    readonly context: CommandContext,
  ) {}
}

/** What the unit itself does; the rest (decisions, returns, cancellations, reminders) is the coordinator's. */
const BY_THE_UNIT: ObligationCommand['type'][] = [
  'Acknowledge',
  'UpdateProgress',
  'Complete',
  'RequestExtension',
  'Explain',
  'LinkActivity',
  'AnswerRequest',
  'DeclineRequest',
  'RecordDetailedPlan',
];

/** The obligation as its stream tells it; a step's time is when it was recorded (as foldStream reads, with the time). */
const fold = (events: RecordedEvent[]): Obligation =>
  events.reduce(
    (s, e) => evolveObligation(s, { type: e.type, data: e.data } as ObligationEvent, e.metadata.recordedAt),
    initialObligation(),
  );

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
    if (BY_THE_UNIT.includes(command.type))
      requireWritable(context.scope, unitId, `obligation ${command.obligationId}`);
    else requireRole(context.scope, 'plan-coordinator', 'this step');
    const now = this.clock.now();
    if (command.type === 'PassToSuccessor') await this.checkSuccessor(unitId, command.toUnitId, vietnamDateOf(now));
    const evolve = (s: Obligation, e: ObligationEvent) => evolveObligation(s, e, now.toISOString());
    const decision = await decideOn<Obligation, ObligationEvent>(
      this.store,
      stream,
      { initial: initialObligation, evolve },
      (s) => decideObligation(command, s, now),
      context,
    );
    // Passing writes two streams: the successor's assignment is decided before the old obligation is marked passed.
    const assign =
      command.type === 'PassToSuccessor' ? () => this.assignToSuccessor(state, command.toUnitId, now, context) : null;
    const successor = assign && (await assign());
    const result = await decision.append();
    if (assign && successor) await appendFollowUp(successor, assign);
    return result;
  }

  /** Obligations pass only along recorded lineage, to a successor that stands on the day it takes them over. */
  private async checkSuccessor(from: string, to: string, today: CalendarDate): Promise<void> {
    const registry = await this.registry.load();
    const u = registry.units.get(from);
    if (!u || !u.successors.some((l) => l.unitId === to)) {
      throw new ObligationError('invalid-obligation', `${to} is not a successor of ${from} in the organisation tree`);
    }
    const why = whyNotStandingOn(registry, to, today);
    if (why) throw new ObligationError('invalid-obligation', `${why}, so it cannot take over ${from}'s obligation`);
  }

  private async assignToSuccessor(
    old: Obligation,
    toUnitId: string,
    now: Date,
    ctx: CommandContext,
  ): Promise<Decision> {
    const a = old.assigned!;
    const id = obligationIdOf(a.planId, a.taskCode, toUnitId, a.year ?? undefined);
    return decideOn<Obligation, ObligationEvent>(
      this.store,
      obligationStream(id),
      { initial: initialObligation, evolve: evolveObligation },
      // A successor that already holds the same task's obligation keeps it; nothing new is assigned.
      (s) =>
        s.assigned
          ? []
          : decideObligation(
              {
                type: 'AssignObligation',
                ...a,
                obligationId: id,
                unitId: toUnitId,
                deadline: old.deadline,
                assignedOn: vietnamDateOf(now),
                passedFrom: a.obligationId,
              },
              s,
              now,
            ),
      { ...ctx, idempotencyKey: ctx.idempotencyKey ? `${ctx.idempotencyKey}:successor` : undefined },
    );
  }
}
