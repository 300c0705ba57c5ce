import Database, { Database as Db, Statement, Transaction } from 'better-sqlite3';
import type {
  AttemptPage,
  DeliveryAttempt,
  DeliveryCursor,
  WebhookEndpoint,
  WebhookStore,
} from '../port/webhook-store.port';
import { sameCursorState } from '../port/webhook-store.port';
import {
  AttemptRow,
  attemptRow,
  CursorRow,
  cursorRow,
  decodeAttempt,
  decodeCursor,
  decodeEndpoint,
  EndpointRow,
  endpointRow,
} from './embedded-webhook-rows';

export interface EmbeddedWebhookStoreOptions {
  /** A file path (DATA_DIR/webhooks.db), or ':memory:' for tests. */
  filename: string;
  /**
   * FULL by default, for the registry: a registered endpoint and a rotated secret must survive a
   * power cut (a lost secret would leave a receiver unable to verify). Its writes are rare, so the
   * fsync costs little; the delivery progress has its own setting below.
   */
  synchronous?: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  /**
   * The delivery progress (cursors and attempts, group-committed) is written through a
   * second connection, NORMAL by default: WAL with NORMAL survives a crash of the process, and what a
   * power cut may take back is the last few cursor moves, whose events are then delivered again with
   * the same `webhook-id` (at least once). An fsync per attempt held delivery to ~190 attempts/s here.
   */
  progressSynchronous?: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  /**
   * How long progress waits to share its transaction with other writes (ms; 0: the next turn of the
   * event loop). A commit costs ~70 µs whatever it holds: 5 ms gathers about ten endpoints' attempts
   * at 2,000 deliveries/s; the dispatcher does not wait for a delivered attempt's commit.
   */
  groupCommitMs?: number;
}

/** A cursor to save, with the attempt that moved it (none: a stretch of the log it did not want). */
interface ProgressOp {
  attempt: DeliveryAttempt | null;
  cursor: DeliveryCursor;
  /** Replace the cursor only if it is still in this state. */
  expected?: DeliveryCursor;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const pageSize = (limit: number | undefined) => Math.min(Math.max(1, Math.trunc(limit ?? DEFAULT_PAGE)), MAX_PAGE);

/**
 * Webhook endpoints, cursors and the delivery log in their own SQLite file, not in read-models.db:
 * that file holds only what the log rebuilds (it may be deleted), and these are operational data
 * nothing rebuilds. Attempts are paged newest first by (time, insertion sequence); `before` is the
 * last item's pair, `<ms>_<seq>`.
 */
export class EmbeddedWebhookStore implements WebhookStore {
  readonly db: Db;
  /** Cursors and attempts: the dispatcher's writes, at their own durability (progressSynchronous). */
  private readonly progress: Db;
  private readonly stmt: {
    insertEndpoint: Statement<[EndpointRow]>;
    getEndpoint: Statement<[string], EndpointRow>;
    listAll: Statement<[], EndpointRow>;
    listOwned: Statement<[string], EndpointRow>;
    updateEndpoint: Statement<[EndpointRow]>;
    deleteEndpoint: Statement<[string]>;
    deleteCursor: Statement<[string]>;
    deleteAttempts: Statement<[string]>;
    getCursor: Statement<[string], CursorRow>;
    saveCursor: Statement<[CursorRow]>;
    insertAttempt: Statement<[Omit<AttemptRow, 'seq'>]>;
    attemptsNewest: Statement<[string, number], AttemptRow>;
    attemptsBefore: Statement<[string, number, number, number, number], AttemptRow>;
    purge: Statement<[number]>;
  };
  private readonly createTx: Transaction<(endpoint: WebhookEndpoint, startPosition: string) => void>;
  private readonly deleteTx: Transaction<(endpointId: string) => boolean>;
  private readonly recordTx: Transaction<(batch: readonly ProgressOp[]) => boolean[]>;
  private readonly groupCommitMs: number;
  private queue: (ProgressOp & { resolve: (applied: boolean) => void; reject: (e: unknown) => void })[] = [];

  constructor(options: EmbeddedWebhookStoreOptions) {
    this.db = new Database(options.filename);
    this.groupCommitMs = options.groupCommitMs ?? 5;
    if (options.filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    // A database in memory is one connection's own: progress goes through it too.
    this.progress = options.filename === ':memory:' ? this.db : new Database(options.filename);
    if (this.progress !== this.db) {
      this.progress.pragma(`synchronous = ${options.progressSynchronous ?? 'NORMAL'}`);
      this.progress.pragma('busy_timeout = 5000');
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_endpoints (
        endpoint_id   TEXT PRIMARY KEY,
        owner_unit_id TEXT NOT NULL,
        url           TEXT NOT NULL,
        description   TEXT NOT NULL,
        event_types   TEXT NOT NULL,
        categories    TEXT NOT NULL,
        unit_ids      TEXT NOT NULL,
        created_by    TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('active', 'paused', 'disabled')),
        status_reason TEXT,
        secrets       TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS webhook_endpoints_owner ON webhook_endpoints (owner_unit_id, created_at);
      CREATE TABLE IF NOT EXISTS webhook_cursors (
        endpoint_id      TEXT PRIMARY KEY,
        position         TEXT NOT NULL,
        pending_event_id TEXT,
        attempts         INTEGER NOT NULL,
        next_attempt_at  INTEGER,
        failing_since    INTEGER,
        delivered        INTEGER NOT NULL,
        failed           INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS webhook_attempts (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        endpoint_id TEXT NOT NULL,
        event_id    TEXT NOT NULL,
        event_type  TEXT NOT NULL,
        position    TEXT NOT NULL,
        attempt     INTEGER NOT NULL,
        at          INTEGER NOT NULL,
        status      INTEGER,
        latency_ms  INTEGER NOT NULL,
        outcome     TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed')),
        error       TEXT,
        response    TEXT
      );
      CREATE INDEX IF NOT EXISTS webhook_attempts_endpoint ON webhook_attempts (endpoint_id, at, seq);
      CREATE INDEX IF NOT EXISTS webhook_attempts_at ON webhook_attempts (at);
    `);
    const endpointColumns =
      'endpoint_id, owner_unit_id, url, description, event_types, categories, unit_ids, created_by, created_at, updated_at, status, status_reason, secrets';
    this.stmt = {
      insertEndpoint: this.db.prepare(`
        INSERT INTO webhook_endpoints (${endpointColumns})
        VALUES (@endpoint_id, @owner_unit_id, @url, @description, @event_types, @categories, @unit_ids, @created_by,
                @created_at, @updated_at, @status, @status_reason, @secrets)`),
      getEndpoint: this.db.prepare('SELECT * FROM webhook_endpoints WHERE endpoint_id = ?'),
      listAll: this.db.prepare('SELECT * FROM webhook_endpoints ORDER BY created_at, endpoint_id'),
      // One JSON array of owner units: a single prepared statement for any number of them.
      listOwned: this.db.prepare(
        'SELECT * FROM webhook_endpoints WHERE owner_unit_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, endpoint_id',
      ),
      updateEndpoint: this.db.prepare(`
        UPDATE webhook_endpoints SET owner_unit_id = @owner_unit_id, url = @url, description = @description,
          event_types = @event_types, categories = @categories, unit_ids = @unit_ids, created_by = @created_by,
          created_at = @created_at, updated_at = @updated_at, status = @status, status_reason = @status_reason,
          secrets = @secrets
        WHERE endpoint_id = @endpoint_id`),
      deleteEndpoint: this.db.prepare('DELETE FROM webhook_endpoints WHERE endpoint_id = ?'),
      deleteCursor: this.db.prepare('DELETE FROM webhook_cursors WHERE endpoint_id = ?'),
      deleteAttempts: this.db.prepare('DELETE FROM webhook_attempts WHERE endpoint_id = ?'),
      getCursor: this.db.prepare('SELECT * FROM webhook_cursors WHERE endpoint_id = ?'),
      saveCursor: this.progress.prepare(`
        INSERT INTO webhook_cursors (endpoint_id, position, pending_event_id, attempts, next_attempt_at, failing_since, delivered, failed)
        VALUES (@endpoint_id, @position, @pending_event_id, @attempts, @next_attempt_at, @failing_since, @delivered, @failed)
        ON CONFLICT (endpoint_id) DO UPDATE SET
          position = excluded.position, pending_event_id = excluded.pending_event_id, attempts = excluded.attempts,
          next_attempt_at = excluded.next_attempt_at, failing_since = excluded.failing_since,
          delivered = excluded.delivered, failed = excluded.failed`),
      insertAttempt: this.progress.prepare(`
        INSERT INTO webhook_attempts (endpoint_id, event_id, event_type, position, attempt, at, status, latency_ms, outcome, error, response)
        VALUES (@endpoint_id, @event_id, @event_type, @position, @attempt, @at, @status, @latency_ms, @outcome, @error, @response)`),
      attemptsNewest: this.db.prepare(
        'SELECT * FROM webhook_attempts WHERE endpoint_id = ? ORDER BY at DESC, seq DESC LIMIT ?',
      ),
      attemptsBefore: this.db.prepare(
        'SELECT * FROM webhook_attempts WHERE endpoint_id = ? AND (at < ? OR (at = ? AND seq < ?)) ORDER BY at DESC, seq DESC LIMIT ?',
      ),
      purge: this.db.prepare('DELETE FROM webhook_attempts WHERE at < ?'),
    };
    // An endpoint and its first cursor in one transaction of the registry's connection.
    const firstCursor = this.db.prepare<[CursorRow]>(
      `INSERT INTO webhook_cursors (endpoint_id, position, pending_event_id, attempts, next_attempt_at, failing_since, delivered, failed)
       VALUES (@endpoint_id, @position, @pending_event_id, @attempts, @next_attempt_at, @failing_since, @delivered, @failed)`,
    );
    this.createTx = this.db.transaction((endpoint: WebhookEndpoint, startPosition: string) => {
      this.stmt.insertEndpoint.run(endpointRow(endpoint));
      firstCursor.run(
        cursorRow({
          endpointId: endpoint.endpointId,
          position: startPosition,
          pendingEventId: null,
          attempts: 0,
          nextAttemptAt: null,
          failingSince: null,
          delivered: 0,
          failed: 0,
        }),
      );
    });
    this.deleteTx = this.db.transaction((endpointId: string) => {
      this.stmt.deleteAttempts.run(endpointId);
      this.stmt.deleteCursor.run(endpointId);
      return this.stmt.deleteEndpoint.run(endpointId).changes > 0;
    });
    // Read on the progress connection, inside its transaction: it sees what this batch wrote before.
    const storedCursor = this.progress.prepare<[string], CursorRow>(
      'SELECT * FROM webhook_cursors WHERE endpoint_id = ?',
    );
    this.recordTx = this.progress.transaction((batch: readonly ProgressOp[]) =>
      batch.map(({ attempt, cursor, expected }) => {
        if (attempt) this.stmt.insertAttempt.run(attemptRow(attempt));
        if (expected) {
          const row = storedCursor.get(cursor.endpointId);
          if (!row || !sameCursorState(decodeCursor(row), expected)) return false;
        }
        this.stmt.saveCursor.run(cursorRow(cursor));
        return true;
      }),
    );
  }

  async create(endpoint: WebhookEndpoint, startPosition: string): Promise<void> {
    this.createTx.immediate(endpoint, startPosition);
  }

  async get(endpointId: string): Promise<WebhookEndpoint | null> {
    const row = this.stmt.getEndpoint.get(endpointId);
    return row ? decodeEndpoint(row) : null;
  }

  async list(ownerUnitIds: readonly string[] | null): Promise<WebhookEndpoint[]> {
    const rows =
      ownerUnitIds === null ? this.stmt.listAll.all() : this.stmt.listOwned.all(JSON.stringify(ownerUnitIds));
    return rows.map(decodeEndpoint);
  }

  async update(endpoint: WebhookEndpoint): Promise<boolean> {
    return this.stmt.updateEndpoint.run(endpointRow(endpoint)).changes > 0;
  }

  async delete(endpointId: string): Promise<boolean> {
    // What is queued for it lands first, so no cursor outlives its endpoint.
    this.flush();
    return this.deleteTx.immediate(endpointId);
  }

  async cursor(endpointId: string): Promise<DeliveryCursor | null> {
    const row = this.stmt.getCursor.get(endpointId);
    return row ? decodeCursor(row) : null;
  }

  async saveCursor(cursor: DeliveryCursor): Promise<void> {
    await this.enqueue({ attempt: null, cursor });
  }

  async recordAttempt(attempt: DeliveryAttempt, cursor: DeliveryCursor, expected?: DeliveryCursor): Promise<boolean> {
    return this.enqueue({ attempt, cursor, expected });
  }

  /**
   * Group commit: the progress written within groupCommitMs — every endpoint's attempts and
   * cursors — goes in one transaction, and each caller's promise settles once it is committed (a
   * transaction per attempt cost ~215 µs of the main thread, a quarter of a delivery). Order is kept:
   * the queue is applied as it was written.
   */
  private enqueue(op: ProgressOp): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ ...op, resolve, reject });
      if (this.queue.length > 1) return;
      if (this.groupCommitMs > 0) setTimeout(() => this.flush(), this.groupCommitMs);
      else setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    if (!batch.length) return;
    this.queue = [];
    let applied: boolean[];
    try {
      applied = this.recordTx.immediate(batch);
    } catch (e) {
      for (const op of batch) op.reject(e);
      return;
    }
    batch.forEach((op, i) => op.resolve(applied[i]));
  }

  async attempts(endpointId: string, options: { before?: string; limit?: number } = {}): Promise<AttemptPage> {
    const limit = pageSize(options.limit);
    const before = options.before === undefined ? null : /^(\d{1,15})_(\d{1,15})$/.exec(options.before);
    if (before === null && options.before !== undefined) return { items: [], next: null };
    // One more than asked: whether an older page exists, without a second query.
    const rows = before
      ? this.stmt.attemptsBefore.all(endpointId, Number(before[1]), Number(before[1]), Number(before[2]), limit + 1)
      : this.stmt.attemptsNewest.all(endpointId, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const next = rows.length > limit && last ? `${last.at}_${last.seq}` : null;
    return { items: items.map(decodeAttempt), next };
  }

  async purgeAttempts(before: Date): Promise<number> {
    return this.stmt.purge.run(before.getTime()).changes;
  }

  async close(): Promise<void> {
    this.flush();
    if (this.progress !== this.db && this.progress.open) this.progress.close();
    if (this.db.open) this.db.close();
  }
}
