import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock } from '@gl/testing';
import { EmbeddedReadStore } from './embedded-read-store';
import { migrateReadStore } from './embedded-schema';

const dirs: string[] = [];
const fileIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-rmc-'));
  dirs.push(dir);
  return join(dir, 'read-models.db');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const clock = new FixedClock('2023-11-14T10:00:00.000Z');
/** A document of about 2 KB (an activity with its evidence, say), or a short one. */
const body = (i: number, big: boolean) => ({
  _id: `a${i}`,
  title: 'Hội nghị quán triệt Luật Thực hiện dân chủ ở cơ sở',
  notes: big ? 'ghi chú '.repeat(250) : '',
});

describe('read-models.db stays compact (issue 17, item 4)', () => {
  it('gives back the pages freed by rewritten documents and by a dropped generation', async () => {
    const file = fileIn();
    const store = new EmbeddedReadStore({ filename: file, clock });
    expect(store.fileUse().autoVacuum).toBe('incremental');
    await store.register('activities', 'activities', 1, []);
    const ref = { projection: 'activities', collection: 'activities', generation: 1 };
    let position = 0;
    const write = async (big: boolean) => {
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
    await write(true);
    const full = store.fileUse();
    // The same 10,000 documents, rewritten short: most of the file's pages are free now.
    await write(false);
    const after = store.fileUse();
    expect(after.pages).toBeLessThan(full.pages / 3);
    expect(after.freePages).toBeLessThanOrEqual(Math.max(1024, after.pages * 0.1) + 4096);
    expect(await store.find('activities', { _id: 'a9999' })).toEqual([
      expect.objectContaining({ _id: 'a9999', notes: '' }),
    ]);
    await store.close();
  });

  it('converts a file made before (auto_vacuum off) once at open when much of it is free, keeping its documents', async () => {
    const file = fileIn();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrateReadStore(old);
    const insert = old.prepare('INSERT INTO docs (coll, id, position, deleted, body) VALUES (?, ?, ?, 0, ?)');
    old.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run('activities_g1', `a${i}`, '1', JSON.stringify(body(i, true)));
      insert.run('kept_g1', 'k', '1', JSON.stringify({ _id: 'k', name: 'giữ lại' }));
    })();
    old.exec("DELETE FROM docs WHERE coll = 'activities_g1'");
    old.pragma('wal_checkpoint(TRUNCATE)');
    expect(old.pragma('freelist_count', { simple: true })).toBeGreaterThan(1000);
    old.close();
    const before = statSync(file).size;

    const store = new EmbeddedReadStore({ filename: file, clock });
    expect(store.fileUse()).toMatchObject({ autoVacuum: 'incremental', freePages: 0 });
    expect(store.db.prepare("SELECT body FROM docs WHERE coll = 'kept_g1'").get()).toEqual({
      body: JSON.stringify({ _id: 'k', name: 'giữ lại' }),
    });
    await store.close();
    expect(statSync(file).size).toBeLessThan(before / 10);
  });
});
