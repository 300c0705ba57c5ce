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

/**
 * The log. `position` is the global order (AUTOINCREMENT: never reused, even after a rollback).
 * Event ids are unique per stream, as in KurrentDB: the index stays local to the stream, so a
 * batch dirties a few pages instead of one random page per event (docs/performance.md).
 * Filtered reads walk position windows, so no index on category or type is needed. Metadata has
 * its own columns: a read then parses only the data and (once per distinct actor) the actor.
 */
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
      actor          TEXT    NOT NULL,
      correlation_id TEXT    NOT NULL,
      causation_id   TEXT    NOT NULL,
      occurred_at    TEXT,
      reason         TEXT,
      recorded_at    TEXT    NOT NULL,
      prev_hash      TEXT    NOT NULL,
      hash           TEXT    NOT NULL,
      subject_unit_ids TEXT,
      UNIQUE (stream, revision),
      UNIQUE (stream, event_id)
    );
  `);
  // Logs made before events named their subject units (2026-12) gain the column; their rows keep NULL.
  const columns = db.prepare("SELECT name FROM pragma_table_info('events')").all() as { name: string }[];
  if (!columns.some((c) => c.name === 'subject_unit_ids'))
    db.exec('ALTER TABLE events ADD COLUMN subject_unit_ids TEXT');
};
