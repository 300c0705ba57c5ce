import Database, { Database as Db, Statement } from 'better-sqlite3';
import type {
  BeginOutcome,
  IdempotencyAttempt,
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from '../port/idempotency-store.port';

export interface EmbeddedIdempotencyStoreOptions {
  /** A file path (DATA_DIR/idempotency.db), or ':memory:' for tests. */
  filename: string;
  /**
   * NORMAL by default: with WAL the file stays consistent, and a power cut loses at most the last
   * records. A lost record only lets a retry run again, and the stream runner's derived event
   * ids then record nothing twice.
   */
  synchronous?: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
}

interface Row {
  user_id: string;
  key: string;
  operation: string;
  fingerprint: string;
  state: 'in-flight' | 'completed';
  owner: string;
  created_at: number;
  lease_until: number;
  expires_at: number;
  response: string | null;
}

const decode = (r: Row): IdempotencyRecord => ({
  userId: r.user_id,
  key: r.key,
  operation: r.operation,
  fingerprint: r.fingerprint,
  state: r.state,
  owner: r.owner,
  createdAt: new Date(r.created_at),
  leaseUntil: new Date(r.lease_until),
  expiresAt: new Date(r.expires_at),
  response: r.response === null ? null : (JSON.parse(r.response) as StoredResponse),
});

/**
 * Idempotency records in their own SQLite file, not in read-models.db: that file holds only what
 * the log rebuilds (it may be deleted and rebuilt), and its projection batches would make every
 * write's claim wait behind them.
 */
export class EmbeddedIdempotencyStore implements IdempotencyStore {
  readonly db: Db;
  private readonly stmt: {
    get: Statement<[string, string], Row>;
    claim: Statement<[Omit<Row, 'response' | 'state'> & { now: number }]>;
    complete: Statement<[string, string, string, string]>;
    release: Statement<[string, string, string]>;
    purge: Statement<[number]>;
  };
  private readonly beginTx: (a: IdempotencyAttempt) => BeginOutcome;

  constructor(options: EmbeddedIdempotencyStoreOptions) {
    this.db = new Database(options.filename);
    if (options.filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        user_id     TEXT NOT NULL,
        key         TEXT NOT NULL,
        operation   TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('in-flight', 'completed')),
        owner       TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        lease_until INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        response    TEXT,
        PRIMARY KEY (user_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at);
    `);
    this.stmt = {
      get: this.db.prepare('SELECT * FROM idempotency_keys WHERE user_id = ? AND key = ?'),
      // Takes the key when it is free: absent, expired, or in flight past its lease.
      claim: this.db.prepare(`
        INSERT INTO idempotency_keys (user_id, key, operation, fingerprint, state, owner, created_at, lease_until, expires_at, response)
        VALUES (@user_id, @key, @operation, @fingerprint, 'in-flight', @owner, @created_at, @lease_until, @expires_at, NULL)
        ON CONFLICT (user_id, key) DO UPDATE SET
          operation = excluded.operation, fingerprint = excluded.fingerprint, state = 'in-flight', owner = excluded.owner,
          created_at = excluded.created_at, lease_until = excluded.lease_until, expires_at = excluded.expires_at, response = NULL
        WHERE expires_at <= @now OR (state = 'in-flight' AND lease_until <= @now)`),
      complete: this.db.prepare(
        "UPDATE idempotency_keys SET state = 'completed', response = ? WHERE user_id = ? AND key = ? AND owner = ? AND state = 'in-flight'",
      ),
      release: this.db.prepare(
        "DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND owner = ? AND state = 'in-flight'",
      ),
      purge: this.db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?'),
    };
    // IMMEDIATE: the claim and the read of the holder see one state, also across connections.
    const tx = this.db.transaction((a: IdempotencyAttempt): BeginOutcome => {
      const changed = this.stmt.claim.run({
        user_id: a.userId,
        key: a.key,
        operation: a.operation,
        fingerprint: a.fingerprint,
        owner: a.owner,
        created_at: a.createdAt.getTime(),
        lease_until: a.leaseUntil.getTime(),
        expires_at: a.expiresAt.getTime(),
        now: a.createdAt.getTime(),
      }).changes;
      if (changed > 0) return { started: true };
      return { started: false, existing: decode(this.stmt.get.get(a.userId, a.key)!) };
    });
    this.beginTx = (a) => tx.immediate(a);
  }

  async begin(attempt: IdempotencyAttempt): Promise<BeginOutcome> {
    return this.beginTx(attempt);
  }

  async complete(userId: string, key: string, owner: string, response: StoredResponse): Promise<boolean> {
    return this.stmt.complete.run(JSON.stringify(response), userId, key, owner).changes > 0;
  }

  async release(userId: string, key: string, owner: string): Promise<void> {
    this.stmt.release.run(userId, key, owner);
  }

  async purgeExpired(now: Date): Promise<number> {
    return this.stmt.purge.run(now.getTime()).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
