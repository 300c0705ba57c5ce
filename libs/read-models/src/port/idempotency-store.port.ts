/**
 * Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header), keyed by (userId, key). The
 * HTTP edge decides what a record means (replay, 409, 422); a store only keeps records and makes
 * the first claim of a key atomic. Records are not read models: nothing in the log rebuilds them.
 */

/** What a key is bound to: who sent it, for which operation, with which body. */
export interface IdempotencyClaim {
  userId: string;
  key: string;
  /** HTTP method, route template and path parameters, e.g. `POST /api/v1/obligations/:id/progress {"id":"…"}`. */
  operation: string;
  /** SHA-256 (hex) of the canonical JSON of the NFC-normalised body. */
  fingerprint: string;
}

/** The answer a completed request gave, to give again. */
export interface StoredResponse {
  status: number;
  /** Headers that matter to a client (e.g. location), lower-case names. */
  headers: Record<string, string>;
  /** The body as JSON text; null when there was none. */
  body: string | null;
}

export interface IdempotencyRecord extends IdempotencyClaim {
  state: 'in-flight' | 'completed';
  /** Who holds the claim: only the holder completes or releases an in-flight record. */
  owner: string;
  createdAt: Date;
  /** An in-flight record stops holding its key then (its process may have died). */
  leaseUntil: Date;
  /** After this the record is ignored, and purged. */
  expiresAt: Date;
  response: StoredResponse | null;
}

/** A new claim: in flight, as of `createdAt`. */
export type IdempotencyAttempt = Omit<IdempotencyRecord, 'state' | 'response'>;

export type BeginOutcome = { started: true } | { started: false; existing: IdempotencyRecord };

export interface IdempotencyStore {
  /**
   * Atomically records the attempt as in flight, unless a live record holds (userId, key): one not
   * expired and, when in flight, within its lease — that record is returned instead. Of any number
   * of concurrent attempts at one key, exactly one starts.
   */
  begin(attempt: IdempotencyAttempt): Promise<BeginOutcome>;
  /** Stores the answer of the owner's in-flight record; false when the owner no longer holds it. */
  complete(userId: string, key: string, owner: string, response: StoredResponse): Promise<boolean>;
  /** Forgets the owner's in-flight record, so the key may be used again (a refused request). */
  release(userId: string, key: string, owner: string): Promise<void>;
  /** Deletes records expired at `now`; returns how many. */
  purgeExpired(now: Date): Promise<number>;
  close(): Promise<void>;
}

/** Injection token for the IdempotencyStore port. */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
