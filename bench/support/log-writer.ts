import { randomUUID } from 'node:crypto';
import type { Actor, Clock, DomainEvent } from '@gl/domain';
import { EventStore, ExpectedRevision, NO_STREAM } from '@gl/event-store';

/** The business time being written, set by the writer (the bench's log spans a year in seconds). */
export class SettableClock implements Clock {
  private current: Date;

  constructor(start: string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: string): void {
    this.current = new Date(to);
  }
}

/**
 * Appends what the deciders decided, stream by stream, as the command handlers would (same
 * envelope: actor, correlation, causation), with the clock set to the business day being written.
 */
export class LogWriter {
  events = 0;
  private readonly revisions = new Map<string, number>();

  constructor(
    readonly store: EventStore,
    readonly clock: SettableClock,
  ) {}

  async append(stream: string, decided: DomainEvent<string, unknown>[], actor: Actor): Promise<void> {
    if (decided.length === 0) return;
    const revision = this.revisions.get(stream);
    const expected: ExpectedRevision = revision ?? NO_STREAM;
    const correlationId = randomUUID();
    const r = await this.store.appendToStream(
      stream,
      decided.map((e) => ({
        eventId: randomUUID(),
        type: e.type,
        data: e.data,
        metadata: { actor, correlationId, causationId: correlationId },
      })),
      expected,
    );
    this.revisions.set(stream, r.nextExpectedRevision);
    this.events += decided.length;
  }

  /** Business time for what follows: 09:00 in Vietnam on a day. */
  on(day: string): void {
    this.clock.set(`${day}T02:00:00.000Z`);
  }
}

/** A deterministic pseudo-random sequence: the same log on every run. */
export const seeded = (seed: number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
