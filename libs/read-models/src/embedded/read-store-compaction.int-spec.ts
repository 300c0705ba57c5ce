import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock } from '@gl/testing';
import { EmbeddedReadStore } from './embedded-read-store';

const dirs: string[] = [];
const fileIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-rmc-'));
  dirs.push(dir);
  return join(dir, 'read-models.db');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const clock = new FixedClock('2023-11-14T10:00:00.000Z');
/** A document of about 1.2 KB (an activity with its evidence, say), or a short one. */
const body = (i: number, big: boolean) => ({
  _id: `a${i}`,
  title: 'Hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở',
  notes: big ? 'ghi chú '.repeat(130) : '',
});

describe('read-models.db stays compact (issue 17, item 4)', () => {
  it('gives back the pages freed by a dropped generation, and keeps a new file incremental', async () => {
    const file = fileIn();
    const store = new EmbeddedReadStore({ filename: file, clock, compactEveryMs: 0 });
    expect(store.fileUse().autoVacuum).toBe('incremental');
    await store.register('activities', 'activities', 1, []);
    let position = 0;
    const write = async (generation: number, big: boolean) => {
      const ref = { projection: 'activities', collection: 'activities', generation };
      for (let b = 0; b < 20; b++) {
        position++;
        const changes = Array.from({ length: 500 }, (_, k) => b * 500 + k).map((i) => ({
          _id: `a${i}`,
          doc: body(i, big),
          position: String(position),
        }));
        await store.applyBatch(ref, changes, String(position));
      }
    };
    await write(1, true);
    const full = store.fileUse();
    // A rebuild writes the same 10,000 documents short into generation 2; the promotion drops generation 1.
    const rebuilding = await store.beginRebuild('activities', 2, []);
    await write(rebuilding.building!.generation, false);
    await store.promote('activities');
    const after = store.fileUse();
    expect(after.pages).toBeLessThan(full.pages / 3);
    expect(after.freePages).toBeLessThanOrEqual(Math.max(1024, after.pages * 0.1));
    expect(await store.find('activities', { _id: 'a9999' })).toEqual([
      expect.objectContaining({ _id: 'a9999', notes: '' }),
    ]);
    await store.close();
  });

  it('rewrites a file made before (a WITHOUT ROWID table, auto_vacuum off) once at open, keeping its documents', async () => {
    const file = fileIn();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    // The schema as it was until 2026-12.
    old.exec(`
      CREATE TABLE docs (
        coll TEXT NOT NULL, id TEXT NOT NULL, position TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL, PRIMARY KEY (coll, id)
      ) WITHOUT ROWID;
      CREATE TABLE projections (name TEXT PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE rebuild_requests (name TEXT PRIMARY KEY, requested_at TEXT NOT NULL);
    `);
    const insert = old.prepare('INSERT INTO docs (coll, id, position, deleted, body) VALUES (?, ?, ?, ?, ?)');
    old.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run('activities__g1', `a${i}`, '7', 0, JSON.stringify(body(i, true)));
      insert.run('activities__g1', 'gone', '8', 1, '{}');
    })();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    const before = statSync(file).size;

    const store = new EmbeddedReadStore({ filename: file, clock });
    const { sql } = store.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'docs'").get() as { sql: string };
    expect(sql).not.toMatch(/WITHOUT ROWID/i);
    expect(store.fileUse()).toMatchObject({ autoVacuum: 'incremental', freePages: 0 });
    await store.close();
    // Each ~1 KB document spilled into a 4 KB overflow page of its own; inline now, several to a page.
    expect(statSync(file).size).toBeLessThan(before * 0.5);

    const again = new EmbeddedReadStore({ filename: file, clock });
    await again.register('activities', 'activities', 1, []);
    const docs = await again.find('activities', {});
    expect(docs).toHaveLength(3000);
    expect(docs.find((d) => d._id === 'a2999')).toMatchObject({ notes: body(2999, true).notes });
    // The tombstone is kept: a redelivered event cannot bring the document back.
    expect(
      (await again.loadDocs({ collection: 'activities', generation: 1 } as never, ['gone'])).get('gone'),
    ).toMatchObject({
      _deleted: true,
    });
    await again.close();
  });
});
