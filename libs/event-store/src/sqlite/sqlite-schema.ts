import type { Database } from 'better-sqlite3';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
export const SQLITE_SYNCHRONOUS_LEVELS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/**
 * `synchronous` is set on every open: better-sqlite3 leaves a fresh WAL database at FULL but a
 * reopened one at NORMAL, and NORMAL can lose the last acknowledged events on a power cut.
 */
export const configureConnection = (db: Database, synchronous: SqliteSynchronous, busyTimeoutMs: number): void => {
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
};

export const readSynchronous = (db: Database): SqliteSynchronous =>
  SQLITE_SYNCHRONOUS_LEVELS[db.pragma('synchronous', { simple: true }) as number];

/** The log. `position` is the global order (AUTOINCREMENT: never reused, even after a rollback). */
export const migrate = (db: Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position       INTEGER PRIMARY KEY AUTOINCREMENT,
      stream         TEXT    NOT NULL,
      category       TEXT    NOT NULL,
      revision       INTEGER NOT NULL,
      event_id       TEXT    NOT NULL,
      type           TEXT    NOT NULL,
      schema_version INTEGER NOT NULL,
      data           TEXT    NOT NULL,
      metadata       TEXT    NOT NULL,
      recorded_at    TEXT    NOT NULL,
      prev_hash      TEXT    NOT NULL,
      hash           TEXT    NOT NULL,
      UNIQUE (stream, revision),
      UNIQUE (event_id)
    );
    CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
  `);
};
