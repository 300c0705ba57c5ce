import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Activity,
  ActivityError,
  ActivityEvent,
  ActivityKind,
  activityStream,
  businessDayOf,
  Clock,
  decideActivity,
  decideObligation,
  evolveActivity,
  evolveObligation,
  initialActivity,
  initialObligation,
  Obligation,
  ObligationEvent,
  obligationStream,
  OPENING_TYPE,
  startOfDayInVietnam,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { NotFoundInScopeError, requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult } from '../shared/command-context';
import { CLOCK_PORT } from '../shared/ports';
import { appendFollowUp, Decision, decideOn, Fold, foldStream, newIdFor } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { checkOpeningReferences, checkReplacing, loadActivity } from './activity-references';

/** Steps that belong to the coordinator (Sở Nội vụ, for the competent authority and UBND TP). */
const COORDINATOR_STEPS: string[] = [
  'budget.approved.v1',
  'budget.adjusted.v1',
  'budget.allocated.v1',
  'difficulty.guidance-given.v1',
  'difficulty.escalated.v1',
  'difficulty.decided.v1',
];

const activityFold: Fold<Activity, ActivityEvent> = { initial: initialActivity, evolve: evolveActivity };
const obligationFold: Fold<Obligation, ObligationEvent> = {
  initial: initialObligation,
  evolve: (s, e) => evolveObligation(s, e),
};

/** The business day of an activity's event (the domain's table, one entry per type), as the instant its day starts in Vietnam. */
const occurredAt = (e: ActivityEvent): string | undefined => {
  const when = businessDayOf(e);
  return when ? startOfDayInVietnam(when) : undefined;
};

/** Record an activity, take a step of its life, correct it or withdraw it. */
export class DoActivity {
  constructor(
    readonly kind: ActivityKind,
    /** The event asked for; for a new activity, activityId may be empty (one is made). */
    readonly event: ActivityEvent,
    readonly context: CommandContext,
  ) {}
}

/**
 * Every check runs before the first append: the activity's own fields and state, what it names
 * (its unit on its day, its obligation, an attended training, a replaced regulation), and the
 * second write it makes (the obligation's link, the old regulation's replacement). Only then are
 * the streams written, the activity first.
 */
@CommandHandler(DoActivity)
export class DoActivityHandler implements ICommandHandler<DoActivity, CommandResult & { activityId: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly registry: RegistryLoader,
  ) {}

  async execute({ kind, event, context }: DoActivity) {
    const opening = OPENING_TYPE[kind] === event.type;
    const activityId = (event.data as { activityId?: string }).activityId || newIdFor(context, kind);
    let asked = { ...event, data: { ...event.data, activityId } } as ActivityEvent;
    const state = await loadActivity(this.store, kind, activityId);
    if (opening) {
      requireWritable(context.scope, (asked.data as { unitId: string }).unitId);
      asked = await this.withObligation(asked);
    } else {
      if (!state.header || state.kind !== kind) throw new NotFoundInScopeError(`${kind} ${activityId}`);
      requireReadable(context.scope, state.header.unitId, `${kind} ${activityId}`);
      if (COORDINATOR_STEPS.includes(event.type)) requireRole(context.scope, 'plan-coordinator', 'this step');
      else requireWritable(context.scope, state.header.unitId, `${kind} ${activityId}`);
    }
    const decision = await decideOn(
      this.store,
      activityStream(kind, activityId),
      activityFold,
      (s) => decideActivity({ type: 'Do', event: asked }, s),
      context,
      occurredAt,
    );
    // A retry answered as the first time is not checked again: what it named may have moved since (the old regulation is now replaced).
    if (!decision.replayed) {
      if (opening) await checkOpeningReferences(this.store, await this.registry.load(), asked);
      else await checkReplacing(this.store, asked, state);
    }
    const next = opening ? this.followUps(kind, asked, context) : [];
    const decided: Decision[] = [];
    for (const decide of next) decided.push(await decide());
    const result = await decision.append();
    for (const [i, d] of decided.entries()) await appendFollowUp(d, next[i]);
    return { ...result, activityId };
  }

  /** An activity names the obligation it fulfils only if that obligation is the same unit's. */
  private async withObligation(e: ActivityEvent): Promise<ActivityEvent> {
    const d = e.data as { obligationId?: string | null; unitId: string };
    if (!d.obligationId)
      return { ...e, data: { ...e.data, obligationId: null, planId: null, taskCode: null } } as ActivityEvent;
    const o = await foldStream(this.store, obligationStream(d.obligationId), obligationFold);
    if (!o.assigned || o.assigned.unitId !== d.unitId) {
      throw new ActivityError('invalid-activity', `obligation ${d.obligationId} is not one of ${d.unitId}'s`);
    }
    return { ...e, data: { ...e.data, planId: o.assigned.planId, taskCode: o.assigned.taskCode } } as ActivityEvent;
  }

  /** The second writes of a new activity, each decided (and so checked) before the activity is appended. */
  private followUps(kind: ActivityKind, e: ActivityEvent, context: CommandContext): (() => Promise<Decision>)[] {
    const { activityId, obligationId } = e.data as { activityId: string; obligationId: string | null };
    const out: (() => Promise<Decision>)[] = [];
    if (obligationId) {
      // Recording what the obligation asks for moves it along; completing it stays the unit's own act.
      const now = this.clock.now();
      out.push(() =>
        decideOn(
          this.store,
          obligationStream(obligationId),
          obligationFold,
          (s) => decideObligation({ type: 'LinkActivity', obligationId, activityId, kind }, s, now),
          { ...context, idempotencyKey: `link:${kind}:${activityId}`, causationId: context.correlationId },
        ),
      );
    }
    const replaces = e.type === 'regulation.issued.v1' ? e.data.replaces : null;
    if (replaces) {
      // A new regulation that replaces an old one ends the old one on the day it takes effect.
      const replaced: ActivityEvent = {
        type: 'regulation.replaced.v1',
        data: {
          activityId: replaces,
          byActivityId: activityId,
          on: (e.data as { effectiveFrom: string }).effectiveFrom,
        },
      };
      out.push(() =>
        decideOn(
          this.store,
          activityStream('regulation', replaces),
          activityFold,
          (s) => decideActivity({ type: 'Do', event: replaced }, s),
          { ...context, idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:replaces` },
          occurredAt,
        ),
      );
    }
    return out;
  }
}
