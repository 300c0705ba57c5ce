import type { Clock, Unit } from '@gl/domain';
import { vietnamDateOf } from '@gl/domain';
import type { EventReader, LogFilter, RecordedEvent } from '@gl/event-store';
import { sameCursorState } from '@gl/read-models';
import type { DeliveryAttempt, DeliveryCursor, WebhookEndpoint, WebhookStore } from '@gl/read-models';
import { cloudEventOf } from '@gl/application';
import type { AppConfig } from '../config/app-config';
import { logFilterOf, reachOf, wantsEvent } from './endpoint-filter';
import { retryWait } from './retry-schedule';
import type { Sender } from './webhook-sender';

/** Events read from the log per batch. */
const BATCH = 200;
/** How often an idle endpoint looks at the log without being woken (appends by another process). */
const IDLE_MS = 500;
const ERROR_PAUSE_MS = 1000;

export interface WorkerDeps {
  store: WebhookStore;
  events: Pick<EventReader, 'readAll'>;
  subjects: (e: RecordedEvent) => Promise<string[]>;
  units: () => Promise<ReadonlyMap<string, Unit>>;
  sender: Sender;
  settings: AppConfig['webhooks'];
  publicBaseUrl: string;
  clock: Clock;
  log: (level: 'warn' | 'error', message: string) => void;
}

/** The secrets that sign now: every one not yet expired (two during a rotation). */
export const liveSecrets = (endpoint: WebhookEndpoint, now: Date): string[] => {
  const live = endpoint.secrets.filter((s) => s.expiresAt === null || s.expiresAt.getTime() > now.getTime());
  return (live.length ? live : endpoint.secrets.slice(-1)).map((s) => s.secret);
};

/**
 * One endpoint's delivery loop: reads the log after its cursor, skips what it does not want (one
 * cursor save per batch), and delivers the next wanted event until a 2xx, in order; on failure it
 * waits as the schedule says, with the wait persisted so a restart continues it.
 */
export class EndpointWorker {
  readonly done: Promise<void>;
  private stopped = false;
  private woken = false;
  private wakeUp: (() => void) | null = null;
  private readonly filter: LogFilter | undefined;
  private reach: { units: ReadonlyMap<string, Unit>; day: string; ids: Set<string> | null } | null = null;
  /** The cursor as this loop last read or wrote it: another writer (a replay, a resume) is seen against it. */
  private known: DeliveryCursor | null = null;
  /** The newest attempt recorded without waiting for its commit, and whether one of them was refused or failed. */
  private unsettled: Promise<boolean> | null = null;
  private refused = false;
  private failure: unknown = null;

  constructor(
    readonly endpoint: WebhookEndpoint,
    private readonly deps: WorkerDeps,
  ) {
    this.filter = logFilterOf(endpoint);
    this.done = this.run();
  }

  /** Something was appended: look at the log now (a retry's wait is not cut short). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Ends the loop; an attempt under way is waited for (at most `graceMs`). */
  async stop(graceMs = 2000): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.done, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }

  get running(): boolean {
    return !this.stopped;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!(await this.step())) await this.sleep(IDLE_MS, true);
      } catch (e) {
        this.deps.log('error', `webhook ${this.endpoint.endpointId}: ${(e as Error).message}`);
        await this.sleep(ERROR_PAUSE_MS, false);
      }
    }
    await this.settle().catch(() => undefined);
  }

  /** One batch of the log; false when there was nothing to do. */
  private async step(): Promise<boolean> {
    const { store, events } = this.deps;
    await this.settle();
    let cursor = await store.cursor(this.endpoint.endpointId);
    if (!cursor) {
      this.stopped = true;
      return false;
    }
    this.known = cursor;
    this.woken = false;
    const batch = await events.readAll({ after: cursor.position, maxCount: BATCH, filter: this.filter });
    const reach = await this.reachNow();
    let passed = cursor.position;
    for (const e of batch.events) {
      if (this.stopped) return true;
      const subjects = await this.deps.subjects(e);
      if (!wantsEvent(this.endpoint, reach, e.type, subjects)) {
        passed = e.position;
        continue;
      }
      const after = await this.deliver(e, subjects, { ...cursor, position: passed });
      if (!after || this.refused) return true;
      cursor = after;
      passed = cursor.position;
    }
    if (batch.position !== cursor.position && !this.stopped) {
      if (!(await this.settle()) || (await this.movedElsewhere())) return true;
      cursor = { ...cursor, position: batch.position, pendingEventId: null, attempts: 0, nextAttemptAt: null };
      await store.saveCursor(cursor);
      this.known = cursor;
    }
    return batch.events.length > 0 || !batch.isEnd;
  }

  /** Attempts one event until it lands; the cursor after it, or null when the loop must stop or read its cursor again. */
  private async deliver(e: RecordedEvent, subjects: string[], from: DeliveryCursor): Promise<DeliveryCursor | null> {
    const { sender, settings, clock } = this.deps;
    let cursor: DeliveryCursor =
      from.pendingEventId === e.eventId
        ? from
        : { ...from, pendingEventId: e.eventId, attempts: 0, nextAttemptAt: null };
    const body = JSON.stringify(cloudEventOf(e, subjects, this.deps.publicBaseUrl));
    for (;;) {
      // A replay or a resume meanwhile is seen by until(), and by the attempt's compare-and-set after it.
      if (cursor.nextAttemptAt && !(await this.until(cursor.nextAttemptAt.getTime()))) return null;
      const sentAt = new Date();
      const at = clock.now();
      const r = await sender.send({
        url: this.endpoint.url,
        id: e.eventId,
        body,
        secrets: liveSecrets(this.endpoint, sentAt),
        at: sentAt,
      });
      const ok = r.status !== null && r.status >= 200 && r.status < 300;
      const attempt: DeliveryAttempt = {
        endpointId: this.endpoint.endpointId,
        eventId: e.eventId,
        eventType: e.type,
        position: e.position,
        attempt: cursor.attempts + 1,
        at,
        status: r.status,
        latencyMs: r.latencyMs,
        outcome: ok ? 'delivered' : 'failed',
        error: r.error ?? (ok ? null : `status ${r.status}`),
        response: r.response,
      };
      if (ok) {
        const next: DeliveryCursor = {
          ...cursor,
          position: e.position,
          pendingEventId: null,
          attempts: 0,
          nextAttemptAt: null,
          failingSince: null,
          delivered: cursor.delivered + 1,
        };
        this.record(attempt, next);
        return next;
      }
      const failingSince = cursor.failingSince ?? at;
      const gone = r.status === 410;
      const tooLong = at.getTime() - failingSince.getTime() >= settings.disableAfterMs;
      const wait = retryWait(attempt.attempt, settings.retryScheduleMs, settings.retryJitter);
      cursor = {
        ...cursor,
        attempts: attempt.attempt,
        failingSince,
        failed: cursor.failed + 1,
        nextAttemptAt: gone || tooLong ? null : new Date(Date.now() + wait),
      };
      // A failure waits for its commit (and those queued before it): its retry's wait must be stored.
      this.record(attempt, cursor);
      if (!(await this.settle())) return null;
      if (gone || tooLong) {
        await this.disable(gone ? 'gone' : 'failing');
        return null;
      }
    }
  }

  /**
   * Logs an attempt with the cursor after it, compare-and-set against the cursor this loop last
   * left, in the store's own transaction: a cursor moved meanwhile by someone else (a replay) keeps
   * their write, and settle() then says to read it again. Not waited for here, so a delivered
   * event's commit overlaps the next send (at least once holds: a crash before the commit sends it
   * again with the same webhook-id). The store applies them in order, each expecting the cursor the
   * one before leaves, so once one is refused the rest are refused too.
   */
  private record(attempt: DeliveryAttempt, next: DeliveryCursor): void {
    const expected = this.known ?? undefined;
    this.known = next;
    const applied = this.deps.store.recordAttempt(attempt, next, expected);
    applied.then(
      (ok) => (this.refused ||= !ok),
      (e: unknown) => {
        this.refused = true;
        this.failure ??= e;
      },
    );
    this.unsettled = applied;
  }

  /** Waits for the attempts recorded without waiting; false when one was refused, and throws when one failed. */
  private async settle(): Promise<boolean> {
    const last = this.unsettled;
    if (last) await last.catch(() => undefined);
    if (this.unsettled === last) this.unsettled = null;
    const { refused, failure } = this;
    this.refused = false;
    this.failure = null;
    if (failure) throw failure;
    return !refused;
  }

  /** Whether another writer moved the cursor (or deleted the endpoint) since this loop last saw it. */
  private async movedElsewhere(): Promise<boolean> {
    const stored = await this.deps.store.cursor(this.endpoint.endpointId);
    return !stored || (this.known !== null && !sameCursorState(stored, this.known));
  }

  private async disable(reason: 'gone' | 'failing'): Promise<void> {
    this.stopped = true;
    const current = await this.deps.store.get(this.endpoint.endpointId);
    if (!current || current.status !== 'active') return;
    await this.deps.store.update({
      ...current,
      status: 'disabled',
      statusReason: reason,
      updatedAt: this.deps.clock.now(),
    });
    this.deps.log('warn', `webhook ${this.endpoint.endpointId} disabled: ${reason}`);
  }

  /** The endpoint's units with their subtrees, computed again when the tree or the day changes. */
  private async reachNow(): Promise<Set<string> | null> {
    if (this.endpoint.unitIds.length === 0) return null;
    const units = await this.deps.units();
    const day = vietnamDateOf(this.deps.clock.now());
    if (this.reach?.units !== units || this.reach.day !== day)
      this.reach = { units, day, ids: reachOf(this.endpoint, units, day) };
    return this.reach.ids;
  }

  /** Waits until a wall-clock time; false when stopped, or when the cursor was moved elsewhere meanwhile. */
  private async until(time: number): Promise<boolean> {
    while (!this.stopped && Date.now() < time) {
      await this.sleep(Math.min(time - Date.now(), IDLE_MS), false);
      if (await this.movedElsewhere()) return false;
    }
    return !this.stopped;
  }

  /** `wakeable`: an append ends it early (an idle loop), else only stop() does (a retry's wait). */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopped || (wakeable && this.woken)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = wakeable ? done : () => this.stopped && done();
    });
  }
}
