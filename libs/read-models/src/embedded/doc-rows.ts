import type { Database, Statement } from 'better-sqlite3';

/** Document rows per statement in a batch: a call per row cost as much as SQLite's work (issue 17). */
const ROWS_PER_UPSERT = 100;
const ON_CONFLICT =
  'ON CONFLICT (coll, id) DO UPDATE SET position = excluded.position, deleted = excluded.deleted, body = excluded.body';

/** One row of `docs` as the store writes it. */
export type DocRow = [coll: string, id: string, position: string, deleted: number, body: string];

/** In the order of the file's index: a batch's rows land page by page, not at random (ids are UUIDs). */
export const byNameAndId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Writes rows of the documents table, as few statements as it takes. */
export class DocRows {
  private readonly one: Statement<DocRow>;
  private readonly many: Statement<(string | number)[]>;

  constructor(db: Database) {
    this.one = db.prepare(`INSERT INTO docs (coll, id, position, deleted, body) VALUES (?, ?, ?, ?, ?) ${ON_CONFLICT}`);
    this.many = db.prepare(
      `INSERT INTO docs (coll, id, position, deleted, body) VALUES ${Array(ROWS_PER_UPSERT).fill('(?, ?, ?, ?, ?)').join(', ')} ${ON_CONFLICT}`,
    );
  }

  /** Rows in the order given; a document given twice ends as its last row. */
  upsert(rows: DocRow[]): void {
    const whole = rows.length - (rows.length % ROWS_PER_UPSERT);
    for (let i = 0; i < whole; i += ROWS_PER_UPSERT) this.many.run(...rows.slice(i, i + ROWS_PER_UPSERT).flat());
    for (const row of rows.slice(whole)) this.one.run(...row);
  }
}
