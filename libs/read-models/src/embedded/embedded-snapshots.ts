import type { Database, Statement } from 'better-sqlite3';
import { comparePositions, Position } from '@gl/event-store';
import { decodeDoc } from './doc-codec';
import { BulkStatement } from './bulk-statement';
import type { StoredCollection } from './stored-collection';
import type { Doc } from '../port/read-store.port';

/**
 * Snapshot tables (issue 17, "as of" from the nearest snapshot): a snapshot is a row of `snapshots`
 * (the generation's own physical collection, its sequence number, the checkpoint it was taken at).
 * Its documents are filed copy-on-write: a document is filed only when a batch is about to overwrite
 * (or delete) a version that a snapshot saw, under the seq of the first snapshot that saw it. So a
 * document as of snapshot k is its live row when that stands at or before k's position, and otherwise
 * its filed row with the greatest seq ≤ k. A file whose snapshots filed every changed document at each
 * snapshot (before 2026-12-02) reads the same way. Deleted documents are filed as tombstones
 * (`_deleted`), so an older row is not read through them.
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
  'INSERT OR IGNORE INTO snapshot_docs (coll, id, seq, body) SELECT coll, id, ?, CASE deleted WHEN 0 THEN body ' +
  "ELSE json_object('_id', id, '_position', position, '_deleted', json('true')) END FROM docs WHERE coll = ?";

/** One physical collection's documents: what a snapshot reads of the live ones. */
export type PhysicalOf = (name: string) => StoredCollection;

/** A document a batch is about to write, and the position of the version it replaces (none when new). */
export interface Overwrite {
  name: string;
  id: string;
  was: Position | undefined;
}

/**
 * The embedded store's snapshots: a point per snapshot, and the versions of documents that later
 * batches replaced, copied row to row within the file just before they are replaced. Taking a snapshot
 * writes one row; a rebuild that snapshots every 20,000 events no longer files each document again.
 */
export class EmbeddedSnapshots {
  /** Each generation's points (by its own physical collection), oldest first: read on every batch. */
  private readonly pointsOf = new Map<string, { seq: number; position: Position }[]>();
  private readonly stmt: {
    points: Statement<[string], { seq: number; position: string }>;
    /** Ids, after (seq, physical collection). */
    copyDocs: BulkStatement<[string]>;
    insertPoint: Statement<[string, number, string]>;
    docAt: Statement<[string, string, number], { body: string }>;
    allAt: Statement<[string, number], { body: string }>;
    liveAll: Statement<[string], { id: string; position: string; deleted: number; body: string }>;
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
      copyDocs: new BulkStatement(db, (n) => `${COPY} AND id IN (${Array(n).fill('?').join(', ')})`),
      insertPoint: db.prepare('INSERT INTO snapshots (coll, seq, position) VALUES (?, ?, ?)'),
      docAt: db.prepare(
        'SELECT body FROM snapshot_docs WHERE coll = ? AND id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      ),
      // SQLite answers a bare column beside MAX() from the row that holds the maximum.
      allAt: db.prepare('SELECT body, MAX(seq) FROM snapshot_docs WHERE coll = ? AND seq <= ? GROUP BY id'),
      liveAll: db.prepare('SELECT id, position, deleted, body FROM docs WHERE coll = ?'),
      dropDocs: db.prepare('DELETE FROM snapshot_docs WHERE coll = ?'),
      dropPoints: db.prepare('DELETE FROM snapshots WHERE coll = ?'),
    };
  }

  /** The snapshots of a generation (by its own physical collection), oldest first. */
  points(own: string): { seq: number; position: Position }[] {
    let points = this.pointsOf.get(own);
    if (!points) this.pointsOf.set(own, (points = this.stmt.points.all(own)));
    return points;
  }

  /**
   * In a batch's transaction, before its rows are written: the versions it replaces that a snapshot of
   * `own`'s generation saw are filed, each under the first snapshot that saw it.
   */
  keep(own: string, overwrites: Overwrite[]): void {
    const points = this.points(own);
    if (points.length === 0) return;
    const last = points[points.length - 1].position;
    const filed = new Map<string, { name: string; seq: number; ids: [string][] }>();
    for (const { name, id, was } of overwrites) {
      if (was === undefined || comparePositions(was, last) > 0) continue;
      const seq = firstAtOrAfter(points, was);
      const key = `${seq}\u0000${name}`;
      let group = filed.get(key);
      if (!group) filed.set(key, (group = { name, seq, ids: [] }));
      group.ids.push([id]);
    }
    for (const { name, seq, ids } of filed.values()) this.stmt.copyDocs.run(ids, seq, name);
  }

  /** Marks a snapshot of `own`'s generation at `position`, its checkpoint: nothing is copied now. */
  take(own: string, position: Position): void {
    const points = this.points(own);
    const seq = (points[points.length - 1]?.seq ?? 0) + 1;
    this.stmt.insertPoint.run(own, seq, position);
    points.push({ seq, position });
  }

  /**
   * Documents of a physical collection as of snapshot `seq`, taken at `position`: those asked (a
   * tombstone for one deleted by then), or every one that existed then.
   */
  docs(physical: string, seq: number, position: Position, ids?: string[]): Map<string, Doc> {
    const c = this.physical(physical);
    const out = new Map<string, Doc>();
    const since = (id: string) => {
      const at = c.positionOf(id);
      return at !== undefined && comparePositions(at, position) > 0;
    };
    if (ids)
      for (const id of ids) {
        if (!since(id)) {
          const live = c.entry(id);
          if (live) out.set(id, live);
          continue;
        }
        const row = this.stmt.docAt.get(physical, id, seq);
        if (row) out.set(id, decodeDoc<Doc>(row.body));
      }
    else {
      // From the rows, tombstones included (a collection answers its live documents only).
      const now = new Map<string, Position>();
      for (const row of this.stmt.liveAll.iterate(physical)) {
        now.set(row.id, row.position);
        if (comparePositions(row.position, position) > 0) continue;
        const d = row.deleted ? { _id: row.id, _position: row.position, _deleted: true } : decodeDoc<Doc>(row.body);
        out.set(row.id, d);
      }
      for (const row of this.stmt.allAt.iterate(physical, seq)) {
        const d = decodeDoc<Doc>(row.body);
        const at = now.get(d._id);
        if (at === undefined || comparePositions(at, position) > 0) out.set(d._id, d);
      }
    }
    return out;
  }

  /** Forgets a dropped physical collection's snapshots. */
  drop(physical: string): void {
    this.stmt.dropDocs.run(physical);
    this.stmt.dropPoints.run(physical);
    this.pointsOf.delete(physical);
  }
}

/** The seq of the first snapshot at or after a position (the caller knows there is one). */
const firstAtOrAfter = (points: { seq: number; position: Position }[], position: Position): number => {
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(points[mid].position, position) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return points[lo].seq;
};
