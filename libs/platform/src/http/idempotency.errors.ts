/** The first request with this key is still running: retry shortly (409, Retry-After). */
export class IdempotencyKeyInUseError extends Error {
  static readonly problem = {
    type: '/problems/idempotency-key-in-use',
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  };
  readonly extensions: Record<string, unknown>;

  constructor(key: string, retryAfterSeconds: number) {
    super(
      `the request first sent with Idempotency-Key ${key} has not finished; retry in ${retryAfterSeconds} s to get its answer`,
    );
    this.name = 'IdempotencyKeyInUseError';
    this.extensions = { retryAfterSeconds };
  }
}

/** The key was first used for another operation or another body (422): nothing was recorded. */
export class IdempotencyKeyReusedError extends Error {
  static readonly problem = {
    type: '/problems/idempotency-key-reused',
    status: 422,
    title: 'This Idempotency-Key was used for another request',
  };
  readonly extensions: Record<string, unknown>;

  constructor(key: string, what: 'operation' | 'body') {
    super(
      `Idempotency-Key ${key} was first used for ${what === 'body' ? 'a different body' : 'another operation'}; nothing was recorded. Use a new key for a new request`,
    );
    this.name = 'IdempotencyKeyReusedError';
    this.extensions = { mismatch: what };
  }
}
