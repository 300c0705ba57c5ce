import type { Database, Statement } from 'better-sqlite3';

/** Rows per call by default: a call into SQLite per row cost as much as SQLite's own work (issue 17). */
const ROWS_PER_CALL = 100;

/** `(?, ?, …), (?, ?, …)`: the placeholders of `rows` rows of `columns` values. */
export const placeholders = (columns: number, rows: number): string =>
  Array(rows)
    .fill(`(${Array(columns).fill('?').join(', ')})`)
    .join(', ');

/**
 * One statement over many rows, prepared for a full chunk of them and for one: rows go `perCall` to
 * a call, the rest one by one, in the order given. `sql(n)` is the statement for n rows; the
 * parameters `lead` are bound before each call's rows.
 */
export class BulkStatement<R extends readonly unknown[]> {
  private readonly many: Statement<unknown[]>;
  private readonly one: Statement<unknown[]>;

  constructor(
    db: Database,
    sql: (rows: number) => string,
    private readonly perCall = ROWS_PER_CALL,
  ) {
    this.many = db.prepare(sql(perCall));
    this.one = db.prepare(sql(1));
  }

  run(rows: readonly R[], ...lead: unknown[]): void {
    const whole = rows.length - (rows.length % this.perCall);
    for (let i = 0; i < whole; i += this.perCall) this.many.run(...lead, ...rows.slice(i, i + this.perCall).flat());
    for (const row of rows.slice(whole)) this.one.run(...lead, ...row);
  }
}
