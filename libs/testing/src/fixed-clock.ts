import type { Clock, IdGenerator } from '@gl/domain';

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2023-07-01T01:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Ids `prefix-1`, `prefix-2`, …: readable in test failures. */
export class SequentialIds implements IdGenerator {
  private n = 0;

  constructor(private readonly prefix = 'id') {}

  next(): string {
    return `${this.prefix}-${++this.n}`;
  }
}
