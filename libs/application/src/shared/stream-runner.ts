import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { DomainEvent } from '@gl/domain';
import { EventStore, NO_STREAM, RecordedEvent } from '@gl/event-store';
import { CommandContext, CommandResult } from './command-context';

/** Namespace of the event ids derived from idempotency keys (a fixed, random uuid). */
const IDEMPOTENCY_NAMESPACE = '6f1d2c1e-8c1b-4f55-9b3e-2f7d8a9c4e10';
const MAX_EVENTS_PER_COMMAND = 1000;

/** With a key, the same request always makes the same event ids: the store then sees a retry. */
export const eventIdFor = (ctx: CommandContext, stream: string, index: number): string =>
  ctx.idempotencyKey ? uuidv5(`${ctx.actor.userId}\n${ctx.idempotencyKey}\n${stream}\n${index}`, IDEMPOTENCY_NAMESPACE) : uuidv4();

/** An id for a new thing (a unit, a user) that a retried request gives again. */
export const newIdFor = (ctx: CommandContext, purpose: string): string =>
  ctx.idempotencyKey ? uuidv5(`${ctx.actor.userId}\n${ctx.idempotencyKey}\n${purpose}`, IDEMPOTENCY_NAMESPACE) : uuidv4();

export interface Fold<S, E> {
  initial: () => S;
  evolve: (state: S, event: E) => S;
}

/** A request seen before: the events its key made are in the stream; answer as the first time. */
const replayed = (ctx: CommandContext, stream: string, events: RecordedEvent[]): CommandResult | null => {
  if (!ctx.idempotencyKey) return null;
  const first = eventIdFor(ctx, stream, 0);
  const at = events.findIndex((e) => e.eventId === first);
  if (at === -1) return null;
  let last = at;
  while (last + 1 < events.length && last - at + 1 < MAX_EVENTS_PER_COMMAND && events[last + 1].eventId === eventIdFor(ctx, stream, last + 1 - at)) last++;
  return { stream, revision: events[last].revision, position: events[last].position };
};

/**
 * Load → decide → append: folds the stream, asks the decider, and appends its events with the
 * revision it read (a concurrent writer makes this fail with a conflict, never a fork). Every
 * event carries the actor, the correlation and causation ids, the reason, and its business time.
 */
export const runDecider = async <S, E extends DomainEvent<string, any>>(
  store: EventStore,
  stream: string,
  fold: Fold<S, E>,
  decide: (state: S) => E[],
  ctx: CommandContext,
  occurredAt?: (event: E) => string | undefined,
): Promise<CommandResult> => {
  const history = await store.readStream(stream);
  const again = replayed(ctx, stream, history);
  if (again) return again;
  const state = history.reduce((s, e) => fold.evolve(s, { type: e.type, data: e.data } as E), fold.initial());
  const decided = decide(state);
  const expected = history.length > 0 ? history[history.length - 1].revision : NO_STREAM;
  if (decided.length === 0) {
    const last = history[history.length - 1];
    return { stream, revision: last?.revision ?? -1, position: last?.position ?? '0' };
  }
  const r = await store.appendToStream(stream, decided.map((e, i) => ({
    eventId: eventIdFor(ctx, stream, i),
    type: e.type,
    data: e.data,
    metadata: {
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? ctx.correlationId,
      ...(ctx.reason && { reason: ctx.reason }),
      ...(occurredAt?.(e) && { occurredAt: occurredAt(e) }),
    },
  })), expected);
  return { stream, revision: r.nextExpectedRevision, position: r.position };
};
