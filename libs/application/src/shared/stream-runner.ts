import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';
import type { DomainEvent } from '@gl/domain';
import { ConcurrencyError, EventStore, NO_STREAM, RecordedEvent } from '@gl/event-store';
import { CommandContext, CommandResult } from './command-context';
import { checkIfMatch, PreconditionFailedError } from './precondition.errors';

/** Namespace of the event ids derived from idempotency keys (a fixed, random uuid). */
const IDEMPOTENCY_NAMESPACE = '6f1d2c1e-8c1b-4f55-9b3e-2f7d8a9c4e10';
const MAX_EVENTS_PER_COMMAND = 1000;

/** With a key, the same request always makes the same event ids: the store then sees a retry. */
export const eventIdFor = (ctx: CommandContext, stream: string, index: number): string =>
  ctx.idempotencyKey
    ? uuidv5(`${ctx.actor.userId}\n${ctx.idempotencyKey}\n${stream}\n${index}`, IDEMPOTENCY_NAMESPACE)
    : uuidv4();

/** An id for a new thing (a unit, a user) that a retried request gives again. */
export const newIdFor = (ctx: CommandContext, purpose: string): string =>
  ctx.idempotencyKey
    ? uuidv5(`${ctx.actor.userId}\n${ctx.idempotencyKey}\n${purpose}`, IDEMPOTENCY_NAMESPACE)
    : uuidv4();

export interface Fold<S, E> {
  initial: () => S;
  evolve: (state: S, event: E) => S;
}

/** A stream's state as its decider folds it, read now from the log (decisions never read a lagging projection). */
export const foldStream = async <S, E extends DomainEvent<string, object>>(
  store: EventStore,
  stream: string,
  fold: Fold<S, E>,
): Promise<S> =>
  (await store.readStream(stream)).reduce(
    (s, e) => fold.evolve(s, { type: e.type, data: e.data } as E),
    fold.initial(),
  );

/** A request seen before: the events its key made are in the stream; answer as the first time. */
const replayed = (ctx: CommandContext, stream: string, events: RecordedEvent[]): CommandResult | null => {
  if (!ctx.idempotencyKey) return null;
  const first = eventIdFor(ctx, stream, 0);
  const at = events.findIndex((e) => e.eventId === first);
  if (at === -1) return null;
  let last = at;
  while (
    last + 1 < events.length &&
    last - at + 1 < MAX_EVENTS_PER_COMMAND &&
    events[last + 1].eventId === eventIdFor(ctx, stream, last + 1 - at)
  )
    last++;
  return { stream, revision: events[last].revision, position: events[last].position };
};

/**
 * A decision taken but not yet written: a command that writes two streams decides both (every
 * check of both) before it appends either, so a refusal of the second writes nothing.
 */
export interface Decision {
  stream: string;
  /** How many events `append` writes (0 for a retry answered as the first time, or nothing to do). */
  events: number;
  /** A retry of a request already recorded: `append` answers as the first time and writes nothing. */
  replayed: boolean;
  append: () => Promise<CommandResult>;
}

/**
 * Load → decide, without writing: folds the stream and asks the decider. `append` writes its
 * events with the revision it read (a concurrent writer makes this fail with a conflict, never a
 * fork). Every event carries the actor, the correlation and causation ids, the reason, and its
 * business time.
 */
export const decideOn = async <S, E extends DomainEvent<string, object>>(
  store: EventStore,
  stream: string,
  fold: Fold<S, E>,
  decide: (state: S) => E[],
  ctx: CommandContext,
  occurredAt?: (event: E) => string | undefined,
): Promise<Decision> => {
  const history = await store.readStream(stream);
  const again = replayed(ctx, stream, history);
  if (again) return { stream, events: 0, replayed: true, append: async () => again };
  const last = history[history.length - 1];
  checkIfMatch(ctx.ifMatch, stream, last ? last.revision : null);
  const state = history.reduce((s, e) => fold.evolve(s, { type: e.type, data: e.data } as E), fold.initial());
  const decided = decide(state);
  if (decided.length === 0)
    return {
      stream,
      events: 0,
      replayed: false,
      append: async () => ({ stream, revision: last?.revision ?? -1, position: last?.position ?? '0' }),
    };
  const append = async (): Promise<CommandResult> => {
    const r = await store
      .appendToStream(
        stream,
        decided.map((e, i) => ({
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
        })),
        last ? last.revision : NO_STREAM,
      )
      .catch((e: unknown) => {
        // Another write came between our read and our append: for a client that sent If-Match, that is its precondition failing.
        if (e instanceof ConcurrencyError && ctx.ifMatch?.stream === stream)
          throw new PreconditionFailedError(stream, ctx.ifMatch.revision, 'moved');
        throw e;
      });
    return { stream, revision: r.nextExpectedRevision, position: r.position };
  };
  return { stream, events: decided.length, replayed: false, append };
};

/**
 * The second write of a command, once its first is appended: a concurrent writer on that stream
 * makes it decide again (a few times) instead of leaving the command half done with a conflict.
 */
export const appendFollowUp = async (
  first: Decision,
  decideAgain: () => Promise<Decision>,
  attempts = 3,
): Promise<CommandResult> => {
  for (let d = first, attempt = 1; ; attempt++) {
    try {
      return await d.append();
    } catch (e) {
      if (!(e instanceof ConcurrencyError) || attempt >= attempts) throw e;
      d = await decideAgain();
    }
  }
};

/** Load → decide → append, for a command that writes one stream. */
export const runDecider = async <S, E extends DomainEvent<string, object>>(
  store: EventStore,
  stream: string,
  fold: Fold<S, E>,
  decide: (state: S) => E[],
  ctx: CommandContext,
  occurredAt?: (event: E) => string | undefined,
): Promise<CommandResult> => (await decideOn(store, stream, fold, decide, ctx, occurredAt)).append();
