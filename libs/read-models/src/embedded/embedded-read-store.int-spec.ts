import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract, Store } from '../testing/read-store.contract';
import { FixedClock } from '@gl/testing';
import { EmbeddedReadStore } from './embedded-read-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const embedded = (onDisk?: 'all') => ({
  open: async (clock: FixedClock) => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-rm-'));
    dirs.push(dir);
    return new EmbeddedReadStore({ filename: join(dir, 'read-models.db'), clock, onDisk });
  },
  reopen: async (store: Store, clock: FixedClock) => {
    const file = (store as EmbeddedReadStore).db.name;
    await store.close();
    return new EmbeddedReadStore({ filename: file, clock, onDisk });
  },
});

readStoreContract('embedded (mingo over memory, persisted to SQLite)', embedded());
readStoreContract('embedded, every collection kept on disk (read through doc_keys)', embedded('all'));

describe('embedded read store: checkpoints over batches that change nothing', () => {
  const clock = new FixedClock('2023-11-14T09:00:00.000Z');
  const open = (file: string) => new EmbeddedReadStore({ filename: file, clock });
  const stored = (s: EmbeddedReadStore) =>
    JSON.parse((s.db.prepare('SELECT body FROM projections WHERE name = ?').get('p') as { body: string }).body) as {
      live: { position: string };
    };

  it('moves them in memory at once, and writes them when the records are read, at the next change or at close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-rm-'));
    dirs.push(dir);
    const file = join(dir, 'read-models.db');
    let store = open(file);
    const ref = { projection: 'p', collection: 'p', generation: 1 };
    await store.register('p', 'p', 1, []);
    await store.applyBatch(ref, [{ _id: 'a', doc: { _id: 'a', n: 1 }, position: '3' }], '3');
    // given batches that change no document (events the projection does not handle)
    await store.applyBatch(ref, [], '7');
    await store.applyBatch(ref, [{ _id: 'a', doc: { _id: 'a', n: 1 }, position: '3' }], '9');
    // then the file still holds the last change's checkpoint, while the store answers the newest
    expect(stored(store).live.position).toBe('3');
    expect((await store.record('p'))?.live?.position).toBe('9');
    expect(stored(store).live.position).toBe('9');
    // and a change, or closing, writes it too
    await store.applyBatch(ref, [], '12');
    await store.applyBatch(ref, [{ _id: 'b', doc: { _id: 'b', n: 2 }, position: '13' }], '14');
    expect(stored(store).live.position).toBe('14');
    await store.applyBatch(ref, [], '20');
    await store.close();
    store = open(file);
    expect((await store.record('p'))?.live?.position).toBe('20');
    await store.close();
  });
});

describe('embedded read store: a large batch', () => {
  const clock = new FixedClock('2023-11-14T09:00:00.000Z');
  const ref = { projection: 'p', collection: 'p', generation: 1 };

  it.each([undefined, 'all' as const])(
    'writes every row of a batch of hundreds, a document given twice by its last state (on disk: %s)',
    async (onDisk) => {
      const dir = mkdtempSync(join(tmpdir(), 'gl-rm-'));
      dirs.push(dir);
      const file = join(dir, 'read-models.db');
      let store = new EmbeddedReadStore({ filename: file, clock, onDisk });
      await store.register('p', 'p', 1, [{ keys: { n: 1 } }]);
      const docs = Array.from({ length: 250 }, (_, i) => ({
        _id: `d${i}`,
        doc: { _id: `d${i}`, n: i % 7 },
        position: '5',
      }));
      await store.applyBatch(ref, docs, '5');
      await store.applyBatch(
        ref,
        [
          ...docs.slice(0, 120).map((d) => ({ ...d, doc: { ...d.doc, n: 100 }, position: '6' })),
          { ...docs[3], doc: null, position: '7' },
        ],
        '7',
      );
      await store.close();
      store = new EmbeddedReadStore({ filename: file, clock, onDisk });
      await store.register('p', 'p', 1, [{ keys: { n: 1 } }]);
      expect(await store.count('p', {})).toBe(249);
      expect(await store.count('p', { n: 100 })).toBe(119);
      expect(await store.get('p', 'd3')).toBeNull();
      expect(await store.get('p', 'd249')).toEqual({ _id: 'd249', n: 249 % 7, _position: '5' });
      await store.close();
    },
  );
});
