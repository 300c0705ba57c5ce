import type { Database, Statement } from 'better-sqlite3';
import type { Position } from '@gl/event-store';
import { decodeDoc, encodeDoc } from './doc-codec';
import { BulkStatement, placeholders } from './bulk-statement';
import type { StoredCollection } from './stored-collection';
import type { Doc } from '../port/read-store.port';

/**
 * Snapshot tables (issue 17, "as of" from the nearest snapshot): a snapshot is a row of `snapshots`
 * (the generation's own physical collection, its sequence number, the checkpoint it was taken at),
 * and its documents are filed under (physical collection, id, seq) — written only in the snapshots
 * after which they changed, so a document as of snapshot k is its row with the greatest seq ≤ k.
 * Deleted documents are filed as tombstones (`_deleted`), so an older row is not read through them.
 */
export const migrateSnapshots = (db: Database): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS snapshot_docs (
      coll TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
      UNIQUE (coll, id, seq)
    );
    CREATE TABLE IF NOT EXISTS snapshots (
      coll TEXT NOT NULL, seq INTEGER NOT NULL, position TEXT NOT NULL, PRIMARY KEY (coll, seq)
    );
  `);
};

const COPY =
  'INSERT INTO snapshot_docs (coll, id, seq, body) SELECT coll, id, ?, CASE deleted WHEN 0 THEN body ' +
  "ELSE json_object('_id', id, '_position', position, '_deleted', json('true')) END FROM docs WHERE coll = ?";

/** One physical collection's documents: what a snapshot copies. */
export type PhysicalOf = (name: string) => StoredCollection;

/**
 * The embedded store's snapshots: taken from the documents in memory (or, for a disk collection,
 * copied row to row within the file), read back from the file.
 */
export class EmbeddedSnapshots {
  /**
   * Ids changed since a physical collection's last snapshot, kept from its first snapshot in this
   * process on (before it, the first snapshot compares every document's position with the last one's).
   */
  private readonly dirty = new Map<string, Set<string>>();
  private readonly stmt: {
    points: Statement<[string], { seq: number; position: string }>;
    insertDocs: BulkStatement<[string, string, number, string]>;
    /** Ids, after (seq, physical collection). */
    copyDocs: BulkStatement<[string]>;
    insertPoint: Statement<[string, number, string]>;
    docAt: Statement<[string, string, number], { body: string }>;
    allAt: Statement<[string, number], { body: string }>;
    dropDocs: Statement<[string]>;
    dropPoints: Statement<[string]>;
  };

  constructor(
    private readonly db: Database,
    private readonly physical: PhysicalOf,
  ) {
    migrateSnapshots(db);
    this.stmt = {
      points: db.prepare('SELECT seq, position FROM snapshots WHERE coll = ? ORDER BY seq'),
      insertDocs: new BulkStatement(
        db,
        (n) => `INSERT INTO snapshot_docs (coll, id, seq, body) VALUES ${placeholders(4, n)}`,
      ),
      copyDocs: new BulkStatement(db, (n) => `${COPY} AND id IN (${Array(n).fill('?').join(', ')})`),
      insertPoint: db.prepare('INSERT INTO snapshots (coll, seq, position) VALUES (?, ?, ?)'),
      docAt: db.prepare(
        'SELECT body FROM snapshot_docs WHERE coll = ? AND id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      ),
      // SQLite answers a bare column beside MAX() from the row that holds the maximum.
      allAt: db.prepare('SELECT body, MAX(seq) FROM snapshot_docs WHERE coll = ? AND seq <= ? GROUP BY id'),
      dropDocs: db.prepare('DELETE FROM snapshot_docs WHERE coll = ?'),
      dropPoints: db.prepare('DELETE FROM snapshots WHERE coll = ?'),
    };
  }

  /** A document of a physical collection was written or deleted. */
  changed(physical: string, id: string): void {
    this.dirty.get(physical)?.add(id);
  }

  /** The snapshots of a generation (by its own physical collection), oldest first. */
  points(own: string): { seq: number; position: Position }[] {
    return this.stmt.points.all(own);
  }

  /**
   * Files, under the next seq of `own`, the documents of each physical collection changed since the
   * last snapshot, as they stand; the caller makes sure they stand at `position` (its checkpoint).
   */
  take(own: string, physicals: string[], position: Position): void {
    const points = this.points(own);
    const last = points[points.length - 1];
    const seq = (last?.seq ?? 0) + 1;
    this.db.transaction(() => {
      for (const name of physicals) {
        const c = this.physical(name);
        // Sorted: the rows land in the order of the table's index (ids are UUIDs).
        const ids = [...(this.dirty.get(name) ?? c.changedSince(last?.position))].sort();
        // A disk collection's rows are copied within the file; a memory collection's documents written out.
        if (c.onDisk)
          this.stmt.copyDocs.run(
            ids.map((id): [string] => [id]),
            seq,
            name,
          );
        else
          this.stmt.insertDocs.run(
            ids.flatMap((id): [string, string, number, string][] => {
              const doc = c.entry(id);
              return doc ? [[name, id, seq, encodeDoc(doc)]] : [];
            }),
          );
        this.dirty.set(name, new Set());
      }
      this.stmt.insertPoint.run(own, seq, position);
    })();
  }

  /** Documents of a physical collection as of snapshot `seq`: those asked, or all. */
  docs(physical: string, seq: number, ids?: string[]): Map<string, Doc> {
    const out = new Map<string, Doc>();
    if (ids)
      for (const id of ids) {
        const row = this.stmt.docAt.get(physical, id, seq);
        if (row) out.set(id, decodeDoc<Doc>(row.body));
      }
    else
      for (const row of this.stmt.allAt.iterate(physical, seq)) {
        const d = decodeDoc<Doc>(row.body);
        out.set(d._id, d);
      }
    return out;
  }

  /** Forgets a dropped physical collection's snapshots. */
  drop(physical: string): void {
    this.stmt.dropDocs.run(physical);
    this.stmt.dropPoints.run(physical);
    this.dirty.delete(physical);
  }
}
