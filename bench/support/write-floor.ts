import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import type { Clock } from '@gl/domain';
import { DEFAULT_BATCH } from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';

export interface WriteFloor {
  rows: number;
  bytes: number;
  encodeMs: number;
  writeMs: number;
}

const PER_CALL = 100;
type Row = [coll: string, id: string, position: string, deleted: number, body: string];
type Stored = { rowid: number; coll: string; id: string; position: string; deleted: number; body: string };

/**
 * The floor under a rebuild on this machine (issue 17): the documents the rebuild left in
 * read-models.db, decoded and encoded again and written once into a fresh file of the same schema and
 * settings, in the engine's batches. No log, no projection, no keys, no snapshots, no document written
 * twice: a rebuild that writes these documents cannot take less.
 */
export const writeFloor = (readModels: Database, dir: string, clock: Clock): WriteFloor => {
  const fresh = new EmbeddedReadStore({ filename: join(dir, 'floor.db'), clock, synchronous: 'NORMAL' });
  const insert = (n: number) =>
    fresh.db.prepare(
      `INSERT INTO docs (coll, id, position, deleted, body) VALUES ${Array(n).fill('(?, ?, ?, ?, ?)').join(', ')}`,
    );
  const many = insert(PER_CALL);
  const page = readModels.prepare<[number, number], Stored>(
    'SELECT rowid, coll, id, position, deleted, body FROM docs WHERE rowid > ? ORDER BY rowid LIMIT ?',
  );
  const floor: WriteFloor = { rows: 0, bytes: 0, encodeMs: 0, writeMs: 0 };
  const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
  try {
    for (
      let rows = page.all(0, DEFAULT_BATCH);
      rows.length > 0;
      rows = page.all(rows[rows.length - 1].rowid, DEFAULT_BATCH)
    ) {
      let t = process.hrtime.bigint();
      const batch: Row[] = rows.map((r) => [r.coll, r.id, r.position, r.deleted, JSON.stringify(JSON.parse(r.body))]);
      floor.encodeMs += since(t);
      t = process.hrtime.bigint();
      fresh.db.transaction(() => {
        let i = 0;
        for (; i + PER_CALL <= batch.length; i += PER_CALL) many.run(batch.slice(i, i + PER_CALL).flat());
        if (i < batch.length) insert(batch.length - i).run(batch.slice(i).flat());
      })();
      floor.writeMs += since(t);
      floor.rows += batch.length;
      for (const r of batch) floor.bytes += r[4].length;
    }
  } finally {
    void fresh.close();
  }
  return floor;
};
