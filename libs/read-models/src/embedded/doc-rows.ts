import type { Database } from 'better-sqlite3';
import { BulkStatement, placeholders } from './bulk-statement';

const ON_CONFLICT =
  'ON CONFLICT (coll, id) DO UPDATE SET position = excluded.position, deleted = excluded.deleted, body = excluded.body';

/** One row of `docs` as the store writes it. */
export type DocRow = [coll: string, id: string, position: string, deleted: number, body: string];

/** In the order of the file's index: a batch's rows land page by page, not at random (ids are UUIDs). */
export const byNameAndId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Writes rows of the documents table, in the order given: a document given twice ends as its last row. */
export const docRows = (db: Database): BulkStatement<DocRow> =>
  new BulkStatement(
    db,
    (n) => `INSERT INTO docs (coll, id, position, deleted, body) VALUES ${placeholders(5, n)} ${ON_CONFLICT}`,
  );
