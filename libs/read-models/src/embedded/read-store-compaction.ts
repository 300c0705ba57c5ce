import type { Database } from 'better-sqlite3';

/** Free pages tolerated before a step of incremental vacuum: this share of the file, and at least MIN_FREE. */
const FREE_SHARE = 0.1;
const MIN_FREE_PAGES = 1024;
/** Pages given back per step (16 MiB of 4 KiB pages): each step stays a few milliseconds. */
const STEP_PAGES = 4096;
/** An old file (auto_vacuum off) with more free pages than this share is rewritten once at open. */
const CONVERT_SHARE = 0.25;

export interface FileUse {
  pages: number;
  freePages: number;
  pageSize: number;
  autoVacuum: 'none' | 'full' | 'incremental';
}

export const fileUse = (db: Database): FileUse => ({
  pages: db.pragma('page_count', { simple: true }) as number,
  freePages: db.pragma('freelist_count', { simple: true }) as number,
  pageSize: db.pragma('page_size', { simple: true }) as number,
  autoVacuum: (['none', 'full', 'incremental'] as const)[db.pragma('auto_vacuum', { simple: true }) as number],
});

/**
 * read-models.db is rewritten all the time (documents upserted as their records change, whole
 * generations dropped after a rebuild), and SQLite keeps freed pages in the file. A new file is made
 * with `auto_vacuum = INCREMENTAL`; an older one whose free share is over CONVERT_SHARE is converted
 * by one VACUUM at open (it rewrites only the live pages). Call before the schema is created, and
 * again after a migration that rewrote a table.
 */
export const prepareCompaction = (db: Database): void => {
  const use = fileUse(db);
  if (use.autoVacuum === 'incremental') return;
  const empty =
    (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n === 0;
  if (!empty && use.freePages < use.pages * CONVERT_SHARE) return;
  db.pragma('auto_vacuum = INCREMENTAL');
  // Only a VACUUM changes the mode of a file already begun (an empty file's is instant). Another
  // process reading the file (the CLI) makes it busy: then the next open tries again.
  try {
    db.exec('VACUUM');
  } catch {
    // Left as it is until then.
  }
};

/** One bounded step of incremental vacuum when the free pages pass FREE_SHARE of the file; the pages given back. */
export const compactStep = (db: Database): number => {
  const use = fileUse(db);
  if (use.autoVacuum !== 'incremental') return 0;
  if (use.freePages < Math.max(MIN_FREE_PAGES, use.pages * FREE_SHARE)) return 0;
  const n = Math.min(use.freePages, STEP_PAGES);
  db.pragma(`incremental_vacuum(${n})`);
  return n;
};
