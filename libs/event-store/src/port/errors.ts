import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected: someone else wrote first. HTTP 409. */
export class ConcurrencyError extends Error {
  static readonly problem = {
    type: '/problems/concurrency-conflict',
    status: 409,
    title: 'Someone else changed this first',
  };
  readonly extensions: { stream: string; expectedRevision: string; actualRevision: string };
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream} expected at ${String(expected)}, but it is at ${String(actual)}. Read it again and retry.`);
    this.name = 'ConcurrencyError';
    this.extensions = { stream, expectedRevision: String(expected), actualRevision: String(actual) };
  }
}

/** Some, but not all, of an append's event ids are already stored: not a clean retry. */
export class IdempotencyConflictError extends Error {
  static readonly problem = {
    type: '/problems/idempotency-conflict',
    status: 409,
    title: 'Repeated request does not match the first',
  };
  constructor(
    readonly stream: string,
    readonly eventIds: string[],
  ) {
    super(
      `append to ${stream} repeats some stored event ids (${eventIds.join(', ')}) but not all, or on another stream`,
    );
    this.name = 'IdempotencyConflictError';
  }
}

/** The caller asked for something the port does not allow (empty append, bad stream name, …). */
export class InvalidAppendError extends Error {
  static readonly problem = { type: '/problems/invalid-event', status: 400, title: 'Invalid event' };
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
