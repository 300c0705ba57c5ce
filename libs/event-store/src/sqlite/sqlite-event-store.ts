import Database, { Database as Db, Statement, Transaction } from 'better-sqlite3';
import type { Clock } from '@gl/domain';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NO_STREAM,
  PositionGap,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port/event-store.port';
import { NewEvent, Position, RecordedEvent, START } from '../port/envelope';
import { ConcurrencyError, IdempotencyConflictError } from '../port/errors';
import { parsePosition } from '../port/position';
import { sqlitePosition } from './sqlite-positions';
import { chainEvents, validateAppend } from '../hashing/chain-builder';
import { AppendNotifier } from '../subscription/append-notifier';
import { CatchUpSubscription } from '../subscription/catch-up-subscription';
import { configureConnection, migrate, readSynchronous, SqliteSynchronous } from './sqlite-schema';
import { ActorCache, EVENT_COLUMNS, EventRow, rowDecoder } from './sqlite-rows';
import { FilteredLogReader } from './sqlite-filtered-read';
import { LogPageCache } from './log-page-cache';
import { PositionGapFinder } from './sqlite-position-gaps';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
  clock: Clock;
  /** Durability: FULL (default) survives a power cut; NORMAL may lose the last commits. */
  synchronous?: SqliteSynchronous;
  busyTimeoutMs?: number;
  /** Batch size of subscriptions' catch-up reads. */
  subscriptionBatchSize?: number;
  /** Safety poll for appends made by other processes on the same file; in-process appends wake at once. */
  idlePollMs?: number;
}

const DEFAULT_BATCH = 500;

/** The embedded event store: one SQLite file in WAL mode, written by one connection per process. */
export class SqliteEventStore implements EventStore {
  readonly db: Db;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new Set<Subscription>();
  private readonly filtered: FilteredLogReader;
  private readonly pages = new LogPageCache();
  private readonly gaps: PositionGapFinder;
  private readonly toRecordedEvent = rowDecoder(new ActorCache());
  private readonly appendTx: Transaction<
    (stream: string, events: NewEvent[], expected: ExpectedRevision) => AppendResult
  >;
  private readonly stmt: {
    last: Statement<[string], { revision: bigint; hash: string }>;
    insert: Statement;
    byEventId: Statement<[string, string], { revision: bigint; position: bigint }>;
    streamForward: Statement<[string, number, number], EventRow>;
    streamBackward: Statement<[string, number, number], EventRow>;
    all: Statement<[bigint, number], EventRow>;
    head: Statement<[], { head: bigint }>;
    countAfter: Statement<[bigint, number], { n: number }>;
    countBetween: Statement<[bigint, bigint, number], { n: number }>;
    lastRecordedAt: Statement<[], { recorded_at: string }>;
    recordedFrom: Statement<[bigint], { position: bigint; recorded_at: string }>;
  };

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename);
    configureConnection(this.db, options.synchronous ?? 'FULL', options.busyTimeoutMs ?? 5000);
    migrate(this.db);
    const safe = <S extends Statement<unknown[], unknown>>(s: S): S => s.safeIntegers(true) as S;
    const rows = <S extends Statement<unknown[], unknown>>(s: S): S => s.raw(true) as S;
    this.stmt = {
      last: safe(this.db.prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')),
      insert: this.db
        .prepare(
          `INSERT INTO events (stream, category, revision, event_id, type, schema_version, data, actor, correlation_id, causation_id,
           occurred_at, reason, recorded_at, prev_hash, hash, subject_unit_ids)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .safeIntegers(true),
      byEventId: safe(this.db.prepare('SELECT revision, position FROM events WHERE stream = ? AND event_id = ?')),
      streamForward: rows(
        this.db.prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
        ),
      ),
      streamBackward: rows(
        this.db.prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        ),
      ),
      all: rows(
        this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`),
      ),
      head: safe(this.db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events')),
      countAfter: this.db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)'),
      countBetween: this.db.prepare(
        'SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? AND position <= ? LIMIT ?)',
      ),
      lastRecordedAt: this.db.prepare('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1'),
      recordedFrom: safe(
        this.db.prepare('SELECT position, recorded_at FROM events WHERE position >= ? ORDER BY position LIMIT 1'),
      ),
    };
    this.filtered = new FilteredLogReader(this.db, this.toRecordedEvent);
    this.gaps = new PositionGapFinder(this.db);
    this.appendTx = this.db.transaction((stream: string, events: NewEvent[], expected: ExpectedRevision) =>
      this.appendInTransaction(stream, events, expected),
    );
  }

  /** The `synchronous` level in force on this connection, read back from SQLite. */
  get synchronous(): SqliteSynchronous {
    return readSynchronous(this.db);
  }

  async appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(stream, events);
    try {
      const result = this.appendTx.immediate(stream, events, expected);
      this.notifier.notify();
      return result;
    } catch (err) {
      if (isUniqueEventIdViolation(err)) {
        const original = this.originalResult(stream, events);
        if (original) return original;
        throw new IdempotencyConflictError(
          stream,
          events.map((e) => e.eventId),
        );
      }
      throw err;
    }
  }

  private appendInTransaction(stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult {
    const lastRow = this.stmt.last.get(stream);
    const last = lastRow ? { revision: Number(lastRow.revision), hash: lastRow.hash } : undefined;
    const actual = last ? last.revision : NO_STREAM;
    if (actual !== expected) {
      const original = this.originalResult(stream, events);
      if (original) return original;
      throw new ConcurrencyError(stream, expected, actual);
    }
    const category = stream.split('-', 1)[0];
    // Never before the log's last recorded time (a clock set back): time travel searches on it.
    const now = this.options.clock.now().toISOString();
    const previous = this.stmt.lastRecordedAt.get()?.recorded_at;
    const chained = chainEvents(stream, events, last, previous !== undefined && previous > now ? previous : now);
    let position = 0n;
    for (const e of chained) {
      const m = e.metadata;
      const info = this.stmt.insert.run(
        stream,
        category,
        e.revision,
        e.eventId,
        e.type,
        m.schemaVersion,
        e.dataJson,
        e.actorJson,
        m.correlationId,
        m.causationId,
        m.occurredAt ?? null,
        m.reason ?? null,
        m.recordedAt,
        m.prevHash,
        m.hash,
        m.subjectUnitIds !== undefined ? JSON.stringify(m.subjectUnitIds) : null,
      );
      position = BigInt(info.lastInsertRowid);
    }
    return { nextExpectedRevision: chained[chained.length - 1].revision, position: position.toString() };
  }

  /** When every event id is already stored on this stream, in one run: the result of that first append. */
  private originalResult(stream: string, events: NewEvent[]): AppendResult | null {
    const found = events.map((e) => this.stmt.byEventId.get(stream, e.eventId));
    if (found.every((f) => f === undefined)) return null;
    const clean = found.every((f, i) => f && (i === 0 || f.revision === found[i - 1]!.revision + 1n));
    if (!clean)
      throw new IdempotencyConflictError(
        stream,
        events.map((e) => e.eventId),
      );
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: Number(last.revision), position: last.position.toString() };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const max = options.maxCount ?? -1;
    const rows =
      options.direction === 'backward'
        ? this.stmt.streamBackward.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, max)
        : this.stmt.streamForward.all(stream, options.fromRevision ?? 0, max);
    return rows.map(this.toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = parsePosition(options.after ?? START);
    const max = options.maxCount ?? DEFAULT_BATCH;
    const f = options.filter;
    if (f && ((f.typePrefixes && f.typePrefixes.length > 0) || (f.categories && f.categories.length > 0))) {
      return this.filtered.read(after, max, f);
    }
    const events = this.stmt.all.all(sqlitePosition(after), max).map(this.toRecordedEvent);
    return {
      events,
      position: events.length > 0 ? events[events.length - 1].position : after.toString(),
      isEnd: events.length < max,
    };
  }

  /** readAll for subscriptions: full unfiltered pages come from the shared cache when another read them. */
  private async readPage(options: ReadAllOptions): Promise<ReadAllResult> {
    const f = options.filter;
    if (f && ((f.typePrefixes?.length ?? 0) > 0 || (f.categories?.length ?? 0) > 0)) return this.readAll(options);
    const after = parsePosition(options.after ?? START);
    const max = options.maxCount ?? DEFAULT_BATCH;
    const cached = this.pages.get(after, max);
    if (cached) return { events: cached, position: cached[cached.length - 1].position, isEnd: false };
    const page = await this.readAll(options);
    this.pages.put(after, max, page.events);
    return page;
  }

  async headPosition(): Promise<Position> {
    return this.stmt.head.get()!.head.toString();
  }

  async countEventsAfter(after: Position, cap: number): Promise<number> {
    return this.stmt.countAfter.get(sqlitePosition(parsePosition(after)), cap)!.n;
  }

  async countEventsBetween(after: Position, upTo: Position, cap: number): Promise<number> {
    const [from, to] = [after, upTo].map((p) => sqlitePosition(parsePosition(p)));
    return this.stmt.countBetween.get(from, to, cap)!.n;
  }

  /**
   * A binary search over positions on the primary key (no index on the time): about 20 lookups at a
   * million events. Recorded times are non-decreasing along the log since they are stamped so; in a
   * log written before (2026-12), where a clock was set back, it finds one of the boundaries.
   */
  async lastPositionRecordedBy(instant: string): Promise<Position> {
    const limit = new Date(instant).toISOString();
    const at = (p: bigint) => this.stmt.recordedFrom.get(p);
    const first = at(1n);
    if (!first || first.recorded_at > limit) return START;
    // Invariant: lo is a stored position recorded by the limit; everything from hi on is after it.
    let lo = first.position;
    let hi = BigInt(this.stmt.head.get()!.head) + 1n;
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      const row = at(mid);
      if (!row || row.position >= hi) hi = mid;
      else if (row.recorded_at <= limit) lo = row.position;
      else hi = mid;
    }
    return lo.toString();
  }

  /** Positions here are dense (AUTOINCREMENT), so a missing one is a deleted event. */
  async findFirstPositionGap(): Promise<PositionGap | null> {
    return this.gaps.find();
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const sub = new CatchUpSubscription({ readAll: (o) => this.readPage(o), notifier: this.notifier }, options, {
      batchSize: this.options.subscriptionBatchSize ?? DEFAULT_BATCH,
      idlePollMs: this.options.idlePollMs ?? 1000,
    });
    this.subscriptions.add(sub);
    return {
      stop: async () => {
        this.subscriptions.delete(sub);
        await sub.stop();
      },
      [Symbol.asyncIterator]: () => sub[Symbol.asyncIterator](),
      pages: () => sub.pages(),
    };
  }

  async ping(): Promise<void> {
    this.stmt.head.get();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.db.open) this.db.close();
  }

  /**
   * Moves the next global position past `position`: positions beyond 2^53 can then be tested, and a
   * restored log can continue above another's positions.
   */
  advancePositionTo(position: bigint): void {
    this.db.transaction(() => {
      const changed = this.db
        .prepare("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'events'")
        .run(position).changes;
      if (changed === 0) this.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(position);
    })();
  }
}

// Duck-typed: the native module's errors may come from another realm (Jest's sandbox), where instanceof fails.
const isUniqueEventIdViolation = (err: unknown): boolean => {
  const e = err as { code?: unknown; message?: unknown } | null;
  return !!e && e.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('events.event_id');
};
