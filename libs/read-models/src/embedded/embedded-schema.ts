import type { Database } from 'better-sqlite3';

/**
 * The embedded read store's file (separate from the event store's). Documents by physical
 * collection; deleted documents stay as tombstones so a redelivered event cannot bring them back.
 * Rebuild requests have their own table: the process running projections rewrites its records
 * often and must not overwrite a request another process (the CLI) just made.
 */
export const migrateReadStore = (db: Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (
      coll     TEXT NOT NULL,
      id       TEXT NOT NULL,
      position TEXT NOT NULL,
      deleted  INTEGER NOT NULL DEFAULT 0,
      body     TEXT NOT NULL,
      PRIMARY KEY (coll, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS projections (name TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS rebuild_requests (name TEXT PRIMARY KEY, requested_at TEXT NOT NULL);
  `);
};
