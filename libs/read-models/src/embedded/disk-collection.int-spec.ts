import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '@gl/testing';
import { EmbeddedReadStore } from './embedded-read-store';
import type { Doc, Filter, FindOptions } from '../port/read-store.port';
import type { DocChange, IndexSpec } from '../port/projection-store.port';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const clock = new FixedClock('2023-11-14T09:00:00.000Z');
const fileIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-disk-'));
  dirs.push(dir);
  return join(dir, 'read-models.db');
};
const INDEXES: IndexSpec[] = [{ keys: { kind: 1, year: 1 } }, { keys: { tags: 1 } }, { keys: { n: 1 } }];
const ref = { projection: 'things', collection: 'things', generation: 1 };
const put = (docs: Doc[], position: string): DocChange[] => docs.map((d) => ({ _id: d._id, doc: d, position }));
const things: Doc[] = [
  {
    _id: 'a',
    kind: 'conference',
    year: 2023,
    tags: ['x', 'y'],
    n: 1,
    ok: true,
    m: [1, 'y', false],
    at: new Date('2023-05-01T00:00:00Z'),
  },
  { _id: 'b', kind: 'conference', year: 2024, tags: ['y'], n: '1', ok: false, m: '2023' },
  {
    _id: 'c',
    kind: 'training',
    year: 2023,
    tags: [],
    n: true,
    ok: true,
    m: { y: 'y' },
    at: new Date('2023-02-01T00:00:00Z'),
  },
  { _id: 'd', kind: 'budget', year: 2023, n: 2, m: 1.5 },
];
const ids = (docs: Doc[]) => docs.map((d) => d._id).sort();
const open = async (file: string, onDisk?: 'all', indexes = INDEXES) => {
  const store = new EmbeddedReadStore({ filename: file, clock, onDisk });
  await store.register('things', 'things', 1, indexes);
  return store;
};
const keyRows = (s: EmbeddedReadStore) =>
  (
    s.db.prepare("SELECT field, key, id FROM doc_keys WHERE coll = 'things__g1' ORDER BY field, key, id").all() as {
      field: string;
      key: string;
      id: string;
    }[]
  ).map((r) => `${r.field}=${r.key}:${r.id}`);

describe('a collection kept on disk (issue 17: heap and restart that do not grow with the log)', () => {
  let memory: EmbeddedReadStore;
  let disk: EmbeddedReadStore;
  beforeEach(async () => {
    memory = await open(fileIn());
    disk = await open(fileIn(), 'all');
    for (const s of [memory, disk]) await s.applyBatch(ref, put(things, '5'), '5');
  });
  afterEach(async () => {
    await memory.close();
    await disk.close();
  });

  it('hands its documents out frozen, also one it kept at hand from a write', async () => {
    const a = (await disk.get('things', 'a'))!;
    const [b] = await disk.find('things', { _id: 'b' });
    const [c] = await disk.find('things', { kind: 'training' });
    for (const d of [a, b, c]) expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(a.tags)).toBe(true);
    expect(() => (a.tags as string[]).push('z')).toThrow(TypeError);
  });

  it.each<[Filter, string[]]>([
    [{ kind: 'conference' }, ['a', 'b']],
    [{ kind: 'conference', year: 2023 }, ['a']],
    [{ kind: { $in: ['training', 'budget', 'training'] } }, ['c', 'd']],
    [{ tags: 'y' }, ['a', 'b']],
    [{ tags: { $in: ['x', 'y'] } }, ['a', 'b']],
    [{ n: 1 }, ['a']],
    [{ n: '1' }, ['b']],
    [{ n: true }, ['c']],
    [{ kind: 'nothing' }, []],
    [{ kind: { $ne: 'conference' } }, ['c', 'd']],
    [{ _id: { $in: ['d', 'a', 'z'] }, kind: 'budget' }, ['d']],
  ])('answers %j through its keys as memory does', async (filter, expected) => {
    expect(ids(await disk.find('things', filter))).toEqual(expected);
    expect(ids(await memory.find('things', filter))).toEqual(expected);
    expect(await disk.count('things', filter)).toBe(expected.length);
  });

  // Fields no index keys: a scan of the file, where SQL tests the equalities (exactly, as mingo would).
  it.each<[Filter, string[]]>([
    [{ year: 2023 }, ['a', 'c', 'd']],
    [{ year: 2023, ok: true }, ['a', 'c']],
    [{ ok: false }, ['b']],
    [{ m: 1 }, ['a']],
    [{ m: 'y' }, ['a']],
    [{ m: false }, ['a']],
    [{ m: 1.5 }, ['d']],
    [{ m: '2023' }, ['b']],
    [{ m: 2023 }, []],
    [{ year: 2023, m: { $exists: true }, ok: { $ne: false } }, ['a', 'c', 'd']],
  ])('scans for %j as memory does, and counts without decoding what SQL answers', async (filter, expected) => {
    expect(ids(await disk.find('things', filter))).toEqual(expected);
    expect(ids(await memory.find('things', filter))).toEqual(expected);
    expect(await disk.count('things', filter)).toBe(expected.length);
  });

  // A page SQL can select whole is sorted by its keys alone, read with their JSON types, and only it decoded.
  it.each<[Filter, FindOptions]>([
    [{}, { sort: { m: 1, _id: 1 } }],
    [{}, { sort: { n: -1, _id: 1 }, skip: 1, limit: 2 }],
    [{}, { sort: { at: -1, _id: -1 } }],
    [{ tags: { $in: ['x', 'y'] } }, { sort: { _id: -1 }, limit: 5 }],
    [
      { kind: { $in: ['conference', 'training'] }, year: 2023 },
      { sort: { kind: 1 }, projection: { kind: 1 } },
    ],
    [{ ok: true }, { skip: 1 }],
  ])('pages %j with %j as memory does', async (filter, options) => {
    const fromMemory = await memory.find('things', filter, options);
    expect(await disk.find('things', filter, options)).toEqual(fromMemory);
    expect(await disk.count('things', filter)).toBe(await memory.count('things', filter));
  });

  it('sorts, pages and aggregates as memory does', async () => {
    const options = { sort: { year: -1 as const, _id: 1 as const }, skip: 1, limit: 2 };
    expect(await disk.find('things', { year: { $gte: 2023 } }, options)).toEqual(
      await memory.find('things', { year: { $gte: 2023 } }, options),
    );
    const pipeline = [{ $group: { _id: '$kind', n: { $sum: 1 } } }, { $sort: { _id: 1 } }];
    expect(await disk.aggregate('things', pipeline)).toEqual(await memory.aggregate('things', pipeline));
  });

  it('moves a document’s keys when it changes, and drops them when it is deleted', async () => {
    await disk.applyBatch(
      ref,
      [
        { _id: 'a', doc: { ...things[0], kind: 'training', tags: ['x'] }, position: '6' },
        { _id: 'd', doc: null, position: '6' },
      ],
      '6',
    );
    expect(ids(await disk.find('things', { kind: 'training' }))).toEqual(['a', 'c']);
    expect(ids(await disk.find('things', { tags: 'y' }))).toEqual(['b']);
    expect(await disk.find('things', { kind: 'budget' })).toEqual([]);
    expect(keyRows(disk).filter((k) => k.endsWith(':a') || k.endsWith(':d'))).toEqual([
      'kind="training":a',
      'n=1:a',
      'tags="x":a',
    ]);
    // a deleted document keeps its tombstone: an older change does not bring it back
    await disk.applyBatch(ref, [{ _id: 'd', doc: things[3], position: '5' }], '6');
    expect(await disk.get('things', 'd')).toBeNull();
    expect((await disk.loadDocs(ref, ['d'])).get('d')).toEqual({ _id: 'd', _position: '6', _deleted: true });
  });

  it('keys a document changed twice in one batch by its last state', async () => {
    for (const s of [memory, disk])
      await s.applyBatch(
        ref,
        [
          { _id: 'a', doc: { ...things[0], kind: 'media' }, position: '6' },
          { _id: 'a', doc: { ...things[0], kind: 'regulation' }, position: '7' },
          { _id: 'e', doc: { _id: 'e', kind: 'media' }, position: '6' },
          { _id: 'e', doc: { _id: 'e', kind: 'budget' }, position: '7' },
        ],
        '7',
      );
    for (const kind of ['media', 'regulation', 'budget', 'conference'])
      expect(ids(await disk.find('things', { kind }))).toEqual(ids(await memory.find('things', { kind })));
    expect(keyRows(disk).filter((k) => k.startsWith('kind=') && /:[ae]$/.test(k))).toEqual([
      'kind="budget":e',
      'kind="regulation":a',
    ]);
  });

  it('keys a file written while the collection was in memory once, and again for new indexes', async () => {
    const file = memory.db.name;
    await memory.close();
    // a file whose collection was held in memory has no keys: the first open on disk writes them
    memory = await open(file, 'all');
    expect(keyRows(memory)).toHaveLength(11);
    expect(ids(await memory.find('things', { tags: 'x' }))).toEqual(['a']);
    // a new index keys the collection afresh; held in memory again, its keys go (they would go stale)
    await memory.close();
    memory = await open(file, 'all', [...INDEXES, { keys: { year: 1 } }]);
    expect(keyRows(memory).filter((k) => k.startsWith('year='))).toEqual([
      'year=2023:a',
      'year=2023:c',
      'year=2023:d',
      'year=2024:b',
    ]);
    await memory.close();
    memory = await open(file);
    expect(keyRows(memory)).toEqual([]);
    expect(ids(await memory.find('things', { kind: 'conference' }))).toEqual(['a', 'b']);
  });

  describe('keys left for later while a generation is far behind (ProjectionStore.deferIndexes)', () => {
    const later: Doc[] = [
      { _id: 'e', kind: 'media', year: 2023, tags: ['z', 'x'], n: 3 },
      { _id: 'a', kind: 'training', year: 2023, tags: ['x'], n: 1 },
    ];
    const keyedAsAlways = async () => {
      await memory.applyBatch(ref, put(later, '6'), '6');
      const file = fileIn();
      const always = await open(file, 'all');
      await always.applyBatch(ref, put(things, '5'), '5');
      await always.applyBatch(ref, put(later, '6'), '6');
      const rows = keyRows(always);
      await always.close();
      return rows;
    };

    it('writes no key rows meanwhile, then the same rows as always once it settles', async () => {
      await disk.deferIndexes(ref);
      expect(keyRows(disk)).toEqual([]);
      await disk.applyBatch(ref, put(later, '6'), '6');
      expect(keyRows(disk)).toEqual([]);
      await disk.settle(ref);
      expect(keyRows(disk)).toEqual(await keyedAsAlways());
      expect(ids(await disk.find('things', { tags: 'x' }))).toEqual(['a', 'e']);
      // from then on, keys are written with each batch again
      await disk.applyBatch(ref, [{ _id: 'e', doc: null, position: '7' }], '7');
      expect(ids(await disk.find('things', { tags: 'x' }))).toEqual(['a']);
    });

    it('answers a query meanwhile as memory does (it keys itself first)', async () => {
      await disk.deferIndexes(ref);
      await disk.applyBatch(ref, put(later, '6'), '6');
      await memory.applyBatch(ref, put(later, '6'), '6');
      for (const filter of [{ kind: 'training' }, { tags: 'x' }, { n: 1 }])
        expect(ids(await disk.find('things', filter))).toEqual(ids(await memory.find('things', filter)));
      await disk.applyBatch(ref, [{ _id: 'a', doc: { ...later[1], kind: 'budget' }, position: '7' }], '7');
      expect(ids(await disk.find('things', { kind: 'budget' }))).toEqual(['a', 'd']);
    });

    it('leaves no stale keys behind a crash before it settled: the next open keys the file afresh', async () => {
      const file = disk.db.name;
      await disk.deferIndexes(ref);
      await disk.applyBatch(ref, put(later, '6'), '6');
      await disk.close();
      disk = await open(file, 'all');
      expect(keyRows(disk)).toEqual(await keyedAsAlways());
    });
  });

  it('snapshots its documents as memory does', async () => {
    for (const s of [memory, disk]) {
      await s.applyBatch(ref, [{ _id: 'b', doc: null, position: '7' }], '7');
      await s.takeSnapshot(ref, '7');
    }
    const [m, d] = await Promise.all(
      [memory, disk].map(async (s) => {
        const at = (await s.snapshotBefore('things', '7'))!;
        return [...(await s.snapshotDocs(at, 'things')).values()].sort((x, y) => x._id.localeCompare(y._id));
      }),
    );
    expect(d).toEqual(m);
    expect(d.find((x) => x._id === 'b')).toEqual({ _id: 'b', _position: '7', _deleted: true });
  });

  it('snapshots hundreds of documents at once as memory does, tombstones included', async () => {
    const many = Array.from({ length: 345 }, (_, i) => ({ _id: `m${i}`, kind: 'media', n: i }));
    for (const s of [memory, disk]) {
      await s.applyBatch(ref, [...put(many, '6'), { _id: 'c', doc: null, position: '6' }], '6');
      await s.takeSnapshot(ref, '6');
    }
    const [m, d] = await Promise.all(
      [memory, disk].map(async (s) => {
        const at = (await s.snapshotBefore('things', '6'))!;
        return [...(await s.snapshotDocs(at, 'things')).values()].sort((x, y) => x._id.localeCompare(y._id));
      }),
    );
    expect(d).toHaveLength(things.length + many.length);
    expect(d).toEqual(m);
    expect(d.find((x) => x._id === 'c')).toEqual({ _id: 'c', _position: '6', _deleted: true });
  });
});
