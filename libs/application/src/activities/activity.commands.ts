import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Activity, ActivityError, ActivityEvent, ActivityKind, activityStream, decideActivity, evolveActivity, evolveObligation, initialActivity,
  initialObligation, ObligationEvent, obligationStream, OPENING_TYPE, startOfDayInVietnam,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { NotFoundInScopeError, requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult } from '../shared/command-context';
import { newIdFor, runDecider } from '../shared/stream-runner';
import { ActOnObligation } from '../plans/obligation.commands';

/** Steps that belong to the coordinator (Sở Nội vụ, for the competent authority and UBND TP). */
const COORDINATOR_STEPS: string[] = [
  'budget.approved.v1', 'budget.adjusted.v1', 'budget.allocated.v1',
  'difficulty.guidance-given.v1', 'difficulty.escalated.v1', 'difficulty.decided.v1',
];

/** Record an activity, take a step of its life, correct it or withdraw it. */
export class DoActivity {
  constructor(
    readonly kind: ActivityKind,
    /** The event asked for; for a new activity, activityId may be empty (one is made). */
    readonly event: ActivityEvent,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DoActivity)
export class DoActivityHandler implements ICommandHandler<DoActivity, CommandResult & { activityId: string }> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly commands: CommandBus) {}

  async execute({ kind, event, context }: DoActivity) {
    const opening = OPENING_TYPE[kind] === event.type;
    const activityId = (event.data as { activityId?: string }).activityId || newIdFor(context, kind);
    let asked = { ...event, data: { ...event.data, activityId } } as ActivityEvent;
    const stream = activityStream(kind, activityId);
    const state = (await this.store.readStream(stream)).reduce((s, e) => evolveActivity(s, e as unknown as ActivityEvent), initialActivity());
    let unitId: string;
    if (opening) {
      unitId = (asked.data as { unitId: string }).unitId;
      requireWritable(context.scope, unitId);
      asked = await this.withObligation(asked, unitId);
    } else {
      if (!state.header || state.kind !== kind) throw new NotFoundInScopeError(`${kind} ${activityId}`);
      unitId = state.header.unitId;
      requireReadable(context.scope, unitId, `${kind} ${activityId}`);
      if (COORDINATOR_STEPS.includes(event.type)) requireRole(context.scope, 'plan-coordinator', 'this step');
      else requireWritable(context.scope, unitId, `${kind} ${activityId}`);
    }
    const result = await runDecider<Activity, ActivityEvent>(
      this.store, stream, { initial: initialActivity, evolve: evolveActivity }, (s) => decideActivity({ type: 'Do', event: asked }, s), context,
      (e) => {
        const d = e.data as Record<string, string>;
        const when = d.heldOn ?? d.startsOn ?? d.issuedOn ?? d.raisedOn ?? d.draftedOn ?? d.adoptedOn ?? d.on;
        return when ? startOfDayInVietnam(when) : undefined;
      },
    );
    const obligationId = (asked.data as { obligationId?: string | null }).obligationId;
    if (opening && obligationId) {
      // Recording what the obligation asks for moves it along; completing it stays the unit's own act.
      await this.commands.execute(new ActOnObligation({ type: 'LinkActivity', obligationId, activityId, kind },
        { ...context, idempotencyKey: `link:${kind}:${activityId}`, causationId: context.correlationId }));
    }
    const replaces = asked.type === 'regulation.issued.v1' ? asked.data.replaces : null;
    if (replaces) {
      // A new regulation that replaces an old one ends the old one on the day it takes effect.
      const on = (asked.data as { effectiveFrom: string }).effectiveFrom;
      await this.execute(new DoActivity('regulation', { type: 'regulation.replaced.v1', data: { activityId: replaces, byActivityId: activityId, on } },
        { ...context, idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:replaces` }));
    }
    return { ...result, activityId };
  }

  /** An activity names the obligation it fulfils only if that obligation is the same unit's. */
  private async withObligation(e: ActivityEvent, unitId: string): Promise<ActivityEvent> {
    const d = e.data as { obligationId?: string | null };
    if (!d.obligationId) return { ...e, data: { ...e.data, obligationId: null, planId: null, taskCode: null } } as ActivityEvent;
    const o = (await this.store.readStream(obligationStream(d.obligationId)))
      .reduce((s, x) => evolveObligation(s, x as unknown as ObligationEvent), initialObligation());
    if (!o.assigned || o.assigned.unitId !== unitId) {
      throw new ActivityError('invalid-activity', `obligation ${d.obligationId} is not one of ${unitId}'s`);
    }
    return { ...e, data: { ...e.data, planId: o.assigned.planId, taskCode: o.assigned.taskCode } } as ActivityEvent;
  }
}
