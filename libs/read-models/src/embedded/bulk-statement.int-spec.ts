import Database from 'better-sqlite3';
import { BulkStatement, placeholders } from './bulk-statement';

describe('BulkStatement', () => {
  it('writes every row in the order given, many to a call and the rest one by one, after the leading parameters', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (tag TEXT, n INTEGER, s TEXT)');
    const insert = new BulkStatement<[number, string]>(
      db,
      (k) => `INSERT INTO t (tag, n, s) SELECT ?, column1, column2 FROM (VALUES ${placeholders(2, k)})`,
      4,
    );
    const rows = Array.from({ length: 11 }, (_, i): [number, string] => [i, `s${i}`]);
    const calls = jest.spyOn((insert as unknown as { many: { run: () => void } }).many, 'run');
    insert.run(rows, 'x');
    expect(db.prepare('SELECT tag, n, s FROM t ORDER BY rowid').all()).toEqual(
      rows.map(([n, s]) => ({ tag: 'x', n, s })),
    );
    expect(calls).toHaveBeenCalledTimes(2);
    insert.run([]);
    expect((db.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c).toBe(11);
    db.close();
  });

  it('makes placeholders for rows of columns', () => {
    expect(placeholders(3, 2)).toBe('(?, ?, ?), (?, ?, ?)');
  });
});
