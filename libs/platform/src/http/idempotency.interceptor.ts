import { randomUUID } from 'node:crypto';
import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { defer, lastValueFrom, Observable, of } from 'rxjs';
import type { Clock } from '@gl/domain';
import { IDEMPOTENCY_STORE, IdempotencyRecord, IdempotencyStore, StoredResponse } from '@gl/read-models';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { CLOCK } from '../time/system-clock';
import { describeWrite, IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-request';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from './idempotency.errors';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/**
 * How long an in-flight record holds its key: far longer than a write takes (the largest, a
 * task fanned out to every commune, takes seconds), short enough that a record left by a process
 * that died stops blocking its key within a minute. Should a live request outlast it, a retry
 * runs again and the stream runner's derived event ids record nothing twice.
 */
export const IDEMPOTENCY_LEASE_MS = 60_000;
/** Retry-After of a 409: most writes finish well within a second. */
const IN_USE_RETRY_AFTER_SECONDS = 1;
/** Expired records are purged on a write at most this often (MongoDB's TTL index also drops them). */
const PURGE_EVERY_MS = 15 * 60_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers of a first answer that a replay gives again. */
const KEPT_HEADERS = ['location', 'content-location', 'etag'];

/**
 * Idempotency-Key as draft-ietf-httpapi-idempotency-key-header says, on every write that carries
 * one. The key is bound to the user, the operation and the body's fingerprint:
 * - first use: claimed as in flight (atomically), run; a 2xx answer is stored, anything else
 *   releases the key, so a corrected request may use it again (a refused request wrote nothing);
 * - the same request again: the stored answer, with `Idempotent-Replayed: true`, nothing run;
 * - while the first still runs: 409 `/problems/idempotency-key-in-use` with Retry-After;
 * - another operation or body: 422 `/problems/idempotency-key-reused`, nothing run.
 * Keys expire IDEMPOTENCY_TTL_SECONDS after their first use.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private lastPurge = 0;

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!WRITES.has(req.method) || !req.principal) return next.handle();
    const key = parseIdempotencyKey(req.header(IDEMPOTENCY_KEY_HEADER));
    if (key === undefined) return next.handle();

    const userId = req.principal.actor.userId;
    const { operation, fingerprint } = describeWrite(req);
    const now = this.clock.now();
    this.purgeNowAndThen(now);
    const owner = randomUUID();
    const outcome = await this.store.begin({
      userId,
      key,
      operation,
      fingerprint,
      owner,
      createdAt: now,
      leaseUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS),
      expiresAt: new Date(now.getTime() + this.config.idempotencyTtlSeconds * 1000),
    });
    if (!outcome.started) return of(this.answerFrom(outcome.existing, { operation, fingerprint }, res));
    // A promise, not the handler's observable: should the client go away, Nest unsubscribes,
    // and the record must still be completed or released.
    return defer(() => this.run(next, res, { userId, key, owner }));
  }

  /** A key seen before: a mismatch (422), still in flight (409), or the first answer again. */
  private answerFrom(
    existing: IdempotencyRecord,
    asked: { operation: string; fingerprint: string },
    res: Response,
  ): unknown {
    if (existing.operation !== asked.operation) throw new IdempotencyKeyReusedError(existing.key, 'operation');
    if (existing.fingerprint !== asked.fingerprint) throw new IdempotencyKeyReusedError(existing.key, 'body');
    if (existing.state === 'in-flight' || !existing.response)
      throw new IdempotencyKeyInUseError(existing.key, IN_USE_RETRY_AFTER_SECONDS);
    const stored = existing.response;
    res.status(stored.status);
    for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
    res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return stored.body === null ? undefined : JSON.parse(stored.body);
  }

  private async run(
    next: CallHandler,
    res: Response,
    held: { userId: string; key: string; owner: string },
  ): Promise<unknown> {
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.release(held);
      throw error;
    }
    if (res.statusCode < 200 || res.statusCode > 299) {
      await this.release(held);
      return body;
    }
    const headers = Object.fromEntries(
      KEPT_HEADERS.flatMap((h) => {
        const v = res.getHeader(h);
        return v === undefined ? [] : [[h, String(v)]];
      }),
    );
    const stored: StoredResponse = {
      status: res.statusCode,
      headers,
      body: body === undefined ? null : (JSON.stringify(body) ?? null),
    };
    try {
      if (!(await this.store.complete(held.userId, held.key, held.owner, stored))) {
        this.logger.warn(
          `Idempotency-Key of ${held.userId} outlived its lease; a retry may run again (the stream runner records nothing twice)`,
        );
      }
    } catch (e) {
      // The write happened: answer it. The record stays in flight until its lease ends.
      this.logger.error(`could not store the answer for an Idempotency-Key of ${held.userId}: ${(e as Error).message}`);
    }
    return body;
  }

  private async release(held: { userId: string; key: string; owner: string }): Promise<void> {
    try {
      await this.store.release(held.userId, held.key, held.owner);
    } catch (e) {
      this.logger.error(
        `could not release an Idempotency-Key of ${held.userId} (it frees itself after its lease): ${(e as Error).message}`,
      );
    }
  }

  private purgeNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    this.store
      .purgeExpired(now)
      .catch((e: Error) => this.logger.warn(`purging expired Idempotency-Keys failed: ${e.message}`));
  }
}
