import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '@gl/domain';

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

export class UuidGenerator implements IdGenerator {
  next(): string {
    return randomUUID();
  }
}

/** Injection tokens for the Clock and IdGenerator ports. */
/** Shared with the application layer's CLOCK_PORT (a registered symbol). */
export const CLOCK = Symbol.for('gl.clock');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
