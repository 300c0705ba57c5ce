/**
 * The source of "now". The domain never reads a clock: handlers pass `clock.now()` into `decide`.
 * Tests inject a fixed clock; production injects the system clock.
 */
export interface Clock {
  now(): Date;
}

/** Source of new identifiers (uuids in production, a counter in tests). */
export interface IdGenerator {
  next(): string;
}
