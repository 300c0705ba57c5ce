import type { Database } from 'better-sqlite3';

const DOCS_COLUMNS = `
      coll     TEXT NOT NULL,
      id       TEXT NOT NULL,
      position TEXT NOT NULL,
      deleted  INTEGER NOT NULL DEFAULT 0,
      body     TEXT NOT NULL`;

/**
 * The embedded read store's file (separate from the event store's). Documents by physical
 * collection; deleted documents stay as tombstones so a redelivered event cannot bring them back.
 * Rebuild requests have their own table: the process running projections rewrites its records
 * often and must not overwrite a request another process (the CLI) just made.
 *
 * `docs` is a rowid table with a unique (coll, id) index, not WITHOUT ROWID as it was until 2026-12:
 * in a WITHOUT ROWID table a row keeps at most ~1 KB in its page and spills the rest to an overflow
 * page of its own, so a 1.2 KB document took 5 KB of file (issue 17 saw 249 MB for 64 MB of
 * documents); a rowid table keeps rows up to ~4 KB inline. An older file's table is rewritten once.
 * Answers whether it rewrote one (its old pages are then free).
 *
 * A collection kept on disk (DiskCollection) has the values of its indexed fields in `doc_keys`
 * (JSON-encoded, so 1, "1" and true stay apart), and `disk_keys` says which fields they are.
 */
export const migrateReadStore = (db: Database): boolean => {
  const docs = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'docs'").get() as
    { sql: string } | undefined;
  const rewrite = docs !== undefined && /WITHOUT\s+ROWID/i.test(docs.sql);
  db.transaction(() => {
    if (rewrite) db.exec('ALTER TABLE docs RENAME TO docs_without_rowid');
    db.exec(`
      CREATE TABLE IF NOT EXISTS docs (${DOCS_COLUMNS},
        UNIQUE (coll, id)
      );
      CREATE TABLE IF NOT EXISTS projections (name TEXT PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS rebuild_requests (name TEXT PRIMARY KEY, requested_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS doc_keys (
        coll TEXT NOT NULL, field TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (coll, field, key, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS disk_keys (coll TEXT PRIMARY KEY, fields TEXT NOT NULL);
    `);
    if (rewrite)
      db.exec(`
        INSERT INTO docs (coll, id, position, deleted, body)
          SELECT coll, id, position, deleted, body FROM docs_without_rowid ORDER BY coll, id;
        DROP TABLE docs_without_rowid;
      `);
  })();
  return rewrite;
};
