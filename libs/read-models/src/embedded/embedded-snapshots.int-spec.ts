import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '@gl/testing';
import { EmbeddedReadStore } from './embedded-read-store';
import type { DocChange } from '../port/projection-store.port';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const clock = new FixedClock('2023-11-14T09:00:00.000Z');
const ref = { projection: 'things', collection: 'things', generation: 1 };
const gone = (id: string, position: string): DocChange => ({ _id: id, doc: null, position });
/** A batch at `position` writing `{ _id, n }` for each id, and the changes `extra`. */
const batch = (s: EmbeddedReadStore, position: string, n: number, ids: string[], extra: DocChange[] = []) =>
  s.applyBatch(ref, [...ids.map((_id) => ({ _id, doc: { _id, n }, position })), ...extra], position);

const open = async (onDisk?: 'all') => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-snap-'));
  dirs.push(dir);
  const store = new EmbeddedReadStore({ filename: join(dir, 'read-models.db'), clock, onDisk });
  await store.register('things', 'things', 1, [{ keys: { kind: 1 } }]);
  return store;
};
const filed = (s: EmbeddedReadStore) =>
  (s.db.prepare('SELECT id, seq FROM snapshot_docs ORDER BY seq, id').all() as { id: string; seq: number }[]).map(
    (r) => `${r.id}@${r.seq}`,
  );
const asOf = async (s: EmbeddedReadStore, position: string, ids?: string[]) => {
  const at = (await s.snapshotBefore('things', position))!;
  const docs = [...(await s.snapshotDocs(at, 'things', ids)).values()];
  return docs
    .sort((x, y) => x._id.localeCompare(y._id))
    .map(({ _id, _position, _deleted, n }) => ({
      _id,
      _position,
      ...(_deleted ? { _deleted } : { n }),
    }));
};

describe.each([
  ['in memory', undefined],
  ['on disk', 'all' as const],
])('snapshots copy on write, a collection %s (issue 17: a rebuild does not file every document again)', (_, onDisk) => {
  it('files nothing when it is taken, then the versions a later batch replaces or deletes', async () => {
    const s = await open(onDisk);
    await batch(s, '1', 1, ['a', 'b', 'c']);
    await s.takeSnapshot(ref, '1');
    expect(filed(s)).toEqual([]);

    await batch(s, '2', 2, ['a', 'd'], [gone('b', '2')]);
    expect(filed(s)).toEqual(['a@1', 'b@1']);
    await batch(s, '3', 3, ['a']);
    // The version at 2 was seen by no snapshot: nothing more is filed.
    expect(filed(s)).toEqual(['a@1', 'b@1']);
    await s.takeSnapshot(ref, '3');
    await batch(s, '4', 4, ['a', 'c']);
    expect(filed(s)).toEqual(['a@1', 'b@1', 'c@1', 'a@2']);

    const first = [
      { _id: 'a', _position: '1', n: 1 },
      { _id: 'b', _position: '1', n: 1 },
      { _id: 'c', _position: '1', n: 1 },
    ];
    expect(await asOf(s, '1')).toEqual(first);
    expect(await asOf(s, '2', ['a', 'b', 'c', 'd'])).toEqual(first);
    const second = [
      { _id: 'a', _position: '3', n: 3 },
      { _id: 'b', _position: '2', _deleted: true },
      { _id: 'c', _position: '1', n: 1 },
      { _id: 'd', _position: '2', n: 2 },
    ];
    expect(await asOf(s, '3')).toEqual(second);
    expect(await asOf(s, '9', ['a', 'b', 'c', 'd', 'e'])).toEqual(second);
    await s.close();
  });

  it('reads a file whose snapshots filed every changed document as they were taken (before copy on write)', async () => {
    const s = await open(onDisk);
    await batch(s, '1', 1, ['a', 'b']);
    await s.takeSnapshot(ref, '1');
    await batch(s, '2', 2, ['a']);
    await s.takeSnapshot(ref, '2');
    await batch(s, '3', 3, ['a']);
    // What the old code had filed: every document at snapshot 1, the changed one at snapshot 2.
    s.db.exec('DELETE FROM snapshot_docs');
    const file = s.db.prepare("INSERT INTO snapshot_docs (coll, id, seq, body) VALUES ('things__g1', ?, ?, ?)");
    file.run('a', 1, JSON.stringify({ _id: 'a', n: 1, _position: '1' }));
    file.run('b', 1, JSON.stringify({ _id: 'b', n: 1, _position: '1' }));
    file.run('a', 2, JSON.stringify({ _id: 'a', n: 2, _position: '2' }));

    expect(await asOf(s, '1')).toEqual([
      { _id: 'a', _position: '1', n: 1 },
      { _id: 'b', _position: '1', n: 1 },
    ]);
    expect(await asOf(s, '2', ['a', 'b'])).toEqual([
      { _id: 'a', _position: '2', n: 2 },
      { _id: 'b', _position: '1', n: 1 },
    ]);
    // And a batch after them files what it replaces beside the old rows.
    await batch(s, '4', 4, ['b']);
    expect(await asOf(s, '2')).toEqual([
      { _id: 'a', _position: '2', n: 2 },
      { _id: 'b', _position: '1', n: 1 },
    ]);
    await s.close();
  });
});
