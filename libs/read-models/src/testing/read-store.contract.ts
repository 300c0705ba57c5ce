import { randomUUID } from 'node:crypto';
import { FixedClock } from '@gl/testing';
import { Doc, ReadStore } from '../port/read-store.port';
import { DocChange, GenerationRef, ProjectionStore } from '../port/projection-store.port';

export type Store = ReadStore & ProjectionStore & { close(): Promise<void> };

/** What each adapter's int-spec gives the one contract suite. */
export interface ReadStoreFixture {
  open(clock: FixedClock): Promise<Store>;
  /** The same store after a restart (closing the first). */
  reopen(store: Store, clock: FixedClock): Promise<Store>;
}

const units = (): Record<string, unknown>[] => [
  {
    _id: 'u1',
    name: 'Phường Tân An',
    kind: 'ward',
    parent: { id: 'd1', name: 'Quận Ninh Kiều' },
    population: 21000,
    tags: ['urban', 'central'],
    established: new Date('2004-01-02T00:00:00.000Z'),
    reports: [{ year: 2023, onTime: true }],
  },
  {
    _id: 'u2',
    name: 'Phường An Hòa',
    kind: 'ward',
    parent: { id: 'd1', name: 'Quận Ninh Kiều' },
    population: 30000,
    tags: ['urban'],
    established: new Date('2004-01-02T00:00:00.000Z'),
    reports: [{ year: 2023, onTime: false }],
  },
  {
    _id: 'u3',
    name: 'Xã Nhơn Ái',
    kind: 'commune',
    parent: { id: 'd2', name: 'Huyện Phong Điền' },
    population: 15000,
    tags: ['rural'],
    established: new Date('2004-01-02T00:00:00.000Z'),
    reports: [],
  },
  {
    _id: 'u4',
    name: 'Thị trấn Phong Điền',
    kind: 'town',
    parent: { id: 'd2', name: 'Huyện Phong Điền' },
    population: 12000,
    tags: [],
    established: new Date('2009-12-23T00:00:00.000Z'),
  },
];

/**
 * The behaviour every read store must have. Collection and projection names carry a fresh
 * suffix per test, so the suite also runs against a shared server.
 */
export const readStoreContract = (name: string, fixture: ReadStoreFixture): void => {
  describe(`ReadStore contract: ${name}`, () => {
    let clock: FixedClock;
    let store: Store;
    let run: string;
    let ref: GenerationRef;
    const put = (docs: Record<string, unknown>[], position: string): DocChange[] =>
      docs.map((d) => ({ _id: d._id as string, doc: d, position }));

    beforeEach(async () => {
      clock = new FixedClock('2023-11-14T10:00:00.000Z');
      store = await fixture.open(clock);
      run = randomUUID().replace(/-/g, '').slice(0, 10);
      await store.register(`units-${run}`, `units${run}`, 1, [{ keys: { 'parent.id': 1 } }]);
      ref = { projection: `units-${run}`, collection: `units${run}`, generation: 1 };
      await store.applyBatch(ref, put(units(), '10'), '10');
    });
    afterEach(async () => {
      await store.close();
    });

    const ids = (docs: Doc[]) => docs.map((d) => d._id);

    describe('reading', () => {
      it('gets one document, and many in the order asked, skipping missing ones', async () => {
        expect(await store.get(`units${run}`, 'u3')).toMatchObject({ _id: 'u3', name: 'Xã Nhơn Ái', _position: '10' });
        expect(await store.get(`units${run}`, 'nope')).toBeNull();
        expect(ids(await store.getMany(`units${run}`, ['u4', 'nope', 'u1']))).toEqual(['u4', 'u1']);
        expect(await store.find(`nothing${run}`)).toEqual([]);
      });

      it.each([
        [{ kind: 'ward' }, ['u1', 'u2']],
        [{ kind: 'ward', population: 21000 }, ['u1']],
        [{ tags: 'rural' }, ['u3']],
        [{ population: '21000' }, []],
        [{ kind: { $ne: 'ward' } }, ['u3', 'u4']],
        [{ population: { $gt: 15000 } }, ['u1', 'u2']],
        [{ population: { $gte: 15000, $lt: 30000 } }, ['u1', 'u3']],
        [{ kind: { $in: ['commune', 'town'] } }, ['u3', 'u4']],
        [{ kind: { $nin: ['ward'] } }, ['u3', 'u4']],
        [{ reports: { $exists: false } }, ['u4']],
        [{ name: { $regex: '^Phường' } }, ['u1', 'u2']],
        [{ $or: [{ kind: 'town' }, { population: { $gte: 30000 } }] }, ['u2', 'u4']],
        [{ $and: [{ kind: 'ward' }, { tags: 'central' }] }, ['u1']],
        [{ tags: { $all: ['urban', 'central'] } }, ['u1']],
        [{ tags: { $size: 0 } }, ['u4']],
        [{ reports: { $elemMatch: { year: 2023, onTime: false } } }, ['u2']],
        [{ 'parent.id': 'd2' }, ['u3', 'u4']],
        [{ 'parent.name': 'Quận Ninh Kiều', 'reports.onTime': true }, ['u1']],
        [{ established: { $gt: new Date('2005-01-01T00:00:00.000Z') } }, ['u4']],
      ])('finds with %j', async (filter, expected) => {
        expect(ids(await store.find(`units${run}`, filter, { sort: { _id: 1 } })).sort()).toEqual(expected);
        expect(await store.count(`units${run}`, filter)).toBe(expected.length);
      });

      it('sorts, skips, limits and projects', async () => {
        const page = await store.find(
          `units${run}`,
          {},
          { sort: { population: -1 }, skip: 1, limit: 2, projection: { name: 1 } },
        );
        expect(page).toEqual([
          { _id: 'u1', name: 'Phường Tân An' },
          { _id: 'u3', name: 'Xã Nhơn Ái' },
        ]);
        const byTwoKeys = await store.find(`units${run}`, {}, { sort: { 'parent.id': -1, population: 1 } });
        expect(ids(byTwoKeys)).toEqual(['u4', 'u3', 'u1', 'u2']);
      });

      it('gives dates back as dates', async () => {
        const [u4] = await store.find(`units${run}`, { _id: 'u4' });
        expect(u4.established).toBeInstanceOf(Date);
        expect((u4.established as Date).toISOString()).toBe('2009-12-23T00:00:00.000Z');
      });
    });

    describe('pipelines', () => {
      it('matches, groups, sorts and projects', async () => {
        const out = await store.aggregate(`units${run}`, [
          { $match: { population: { $gte: 12000 } } },
          {
            $group: {
              _id: '$parent.id',
              units: { $sum: 1 },
              people: { $sum: '$population' },
              names: { $push: '$name' },
            },
          },
          { $sort: { people: -1 } },
          { $project: { _id: 0, district: '$_id', units: 1, people: 1 } },
        ]);
        expect(out).toEqual([
          { district: 'd1', units: 2, people: 51000 },
          { district: 'd2', units: 2, people: 27000 },
        ]);
      });

      it('unwinds arrays and looks up another collection by its logical name', async () => {
        await store.register(`districts-${run}`, `districts${run}`, 1, []);
        await store.applyBatch(
          { projection: `districts-${run}`, collection: `districts${run}`, generation: 1 },
          put(
            [
              { _id: 'd1', level: 'district', urban: true },
              { _id: 'd2', level: 'district', urban: false },
            ],
            '11',
          ),
          '11',
        );
        const out = await store.aggregate(`units${run}`, [
          { $unwind: '$tags' },
          { $lookup: { from: `districts${run}`, localField: 'parent.id', foreignField: '_id', as: 'district' } },
          { $unwind: '$district' },
          { $group: { _id: '$tags', urbanDistrict: { $max: '$district.urban' }, n: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ]);
        expect(out).toEqual([
          { _id: 'central', urbanDistrict: true, n: 1 },
          { _id: 'rural', urbanDistrict: false, n: 1 },
          { _id: 'urban', urbanDistrict: true, n: 2 },
        ]);
      });

      it('answers several facets in one pass', async () => {
        const [out] = await store.aggregate<Record<string, unknown>>(`units${run}`, [
          {
            $facet: {
              byKind: [{ $group: { _id: '$kind', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
              total: [{ $count: 'n' }],
            },
          },
        ]);
        expect(out).toEqual({
          byKind: [
            { _id: 'commune', n: 1 },
            { _id: 'town', n: 1 },
            { _id: 'ward', n: 2 },
          ],
          total: [{ n: 4 }],
        });
      });
    });

    describe('guarded writes and checkpoints', () => {
      it('ignores a change at or below the position a document already has', async () => {
        const c = `units${run}`;
        await store.applyBatch(ref, [{ _id: 'u1', doc: { _id: 'u1', name: 'v12' }, position: '12' }], '12');
        await store.applyBatch(ref, [{ _id: 'u1', doc: { _id: 'u1', name: 'stale' }, position: '11' }], '12');
        await store.applyBatch(ref, [{ _id: 'u1', doc: { _id: 'u1', name: 'again' }, position: '12' }], '12');
        expect(await store.get(c, 'u1')).toEqual({ _id: 'u1', name: 'v12', _position: '12' });
        await store.applyBatch(ref, [{ _id: 'u1', doc: { _id: 'u1', name: 'v13' }, position: '13' }], '13');
        expect((await store.get(c, 'u1'))?.name).toBe('v13');
      });

      it('compares positions as numbers, beyond 2^53', async () => {
        const big = (2n ** 60n).toString();
        await store.applyBatch(ref, [{ _id: 'u1', doc: { _id: 'u1', name: 'big' }, position: big }], big);
        await store.applyBatch(ref, [{ _id: 'u1', doc: { _id: 'u1', name: 'small' }, position: '999' }], big);
        expect(await store.get(`units${run}`, 'u1')).toEqual({ _id: 'u1', name: 'big', _position: big });
        expect((await store.record(`units-${run}`))?.live?.position).toBe(big);
      });

      it('keeps a deleted document deleted when an older change comes again', async () => {
        const c = `units${run}`;
        await store.applyBatch(ref, [{ _id: 'u2', doc: null, position: '20' }], '20');
        expect(await store.get(c, 'u2')).toBeNull();
        await store.applyBatch(ref, [{ _id: 'u2', doc: { _id: 'u2', name: 'ghost' }, position: '15' }], '20');
        expect(await store.get(c, 'u2')).toBeNull();
        expect(await store.count(c)).toBe(3);
        expect(ids(await store.find(c, {}, { sort: { _id: 1 } }))).toEqual(['u1', 'u3', 'u4']);
        expect(await store.aggregate(c, [{ $count: 'n' }])).toEqual([{ n: 3 }]);
        const loaded = await store.loadDocs(ref, ['u2']);
        expect(loaded.get('u2')).toMatchObject({ _position: '20' });
      });

      it('moves the checkpoint with the documents, and never backwards', async () => {
        expect((await store.record(`units-${run}`))?.live?.position).toBe('10');
        await store.applyBatch(ref, [], '15');
        await store.applyBatch(ref, [], '14');
        expect((await store.record(`units-${run}`))?.live?.position).toBe('15');
      });

      it('writes nothing of a batch that fails, neither documents nor checkpoint', async () => {
        const cyclic: Record<string, unknown> = { _id: 'u9' };
        cyclic.self = cyclic;
        await expect(
          store.applyBatch(
            ref,
            [
              { _id: 'u1', doc: { _id: 'u1', name: 'half-written' }, position: '30' },
              { _id: 'u9', doc: cyclic, position: '30' },
            ],
            '30',
          ),
        ).rejects.toThrow();
        expect((await store.get(`units${run}`, 'u1'))?.name).toBe('Phường Tân An');
        expect((await store.record(`units-${run}`))?.live?.position).toBe('10');
      });
    });

    describe('generations', () => {
      it('keeps answering from the live generation while another is built, then swaps', async () => {
        const c = `units${run}`;
        const building = await store.beginRebuild(`units-${run}`, 2, []);
        expect(building.building).toMatchObject({ version: 2, generation: 2, position: '0' });
        const next = { ...ref, generation: 2 };
        await store.applyBatch(next, put([{ _id: 'x1', name: 'rebuilt' }], '10'), '10');
        expect(ids(await store.find(c, {}, { sort: { _id: 1 } }))).toEqual(['u1', 'u2', 'u3', 'u4']);
        const promoted = await store.promote(`units-${run}`);
        expect(promoted.live).toMatchObject({ version: 2, generation: 2, position: '10' });
        expect(promoted.building).toBeNull();
        expect(await store.find(c)).toEqual([{ _id: 'x1', name: 'rebuilt', _position: '10' }]);
        expect((await store.loadDocs(ref, ['u1'])).size).toBe(0);
      });

      it('keeps a collection alongside: written with the checkpoint, read by its logical name from the live generation, dropped with its generation', async () => {
        // Per-unit figures (issue 17): a projection writes them beside its own documents, in the same
        // generation and the same batch, so they are rebuilt and swapped in with them.
        const name = `tallies-${run}`;
        const own = `tallies${run}`;
        const figures = `tallies${run}-figures`;
        const registered = await store.register(name, own, 1, [], [figures]);
        expect(registered.live).toMatchObject({ generation: 1, alongside: [figures] });
        const g1: GenerationRef = { projection: name, collection: own, generation: 1 };
        await store.applyBatch(
          g1,
          [
            { _id: 't1', doc: { _id: 't1', unitId: 'u1', n: 5 }, position: '5' },
            { _id: 't2', doc: { _id: 't2', unitId: 'u2', n: 7 }, position: '5' },
            { _id: 'u1', collection: figures, doc: { _id: 'u1', total: 5 }, position: '5' },
            { _id: 'u2', collection: figures, doc: { _id: 'u2', total: 7 }, position: '5' },
          ],
          '5',
        );
        // each document went to its own collection, and the checkpoint moved with them
        expect(await store.getMany(figures, ['u2', 'u1', 't1'])).toEqual([
          { _id: 'u2', total: 7, _position: '5' },
          { _id: 'u1', total: 5, _position: '5' },
        ]);
        expect(ids(await store.find(own, {}, { sort: { _id: 1 } }))).toEqual(['t1', 't2']);
        expect(await store.get(own, 'u1')).toBeNull();
        expect((await store.record(name))?.live?.position).toBe('5');
        expect((await store.loadDocs({ ...g1, collection: figures }, ['u1'])).get('u1')).toMatchObject({ total: 5 });

        // a new generation, built beside the live one: reads keep answering from generation 1
        const rebuilding = await store.beginRebuild(name, 1, [], [figures]);
        expect(rebuilding.building).toMatchObject({ generation: 2, alongside: [figures] });
        const g2 = { ...g1, generation: 2 };
        await store.applyBatch(
          g2,
          [
            { _id: 't1', doc: { _id: 't1', unitId: 'u3', n: 5 }, position: '6' },
            { _id: 'u3', collection: figures, doc: { _id: 'u3', total: 5 }, position: '6' },
          ],
          '6',
        );
        expect(ids(await store.find(figures, {}, { sort: { _id: 1 } }))).toEqual(['u1', 'u2']);

        // once promoted, the figures read are the new generation's, and the old ones are gone with it
        const promoted = await store.promote(name);
        expect(promoted.live).toMatchObject({ generation: 2, position: '6', alongside: [figures] });
        expect(await store.find(figures)).toEqual([{ _id: 'u3', total: 5, _position: '6' }]);
        expect(await store.getMany(figures, ['u1', 'u2', 'u3'])).toEqual([{ _id: 'u3', total: 5, _position: '6' }]);
        expect((await store.loadDocs({ ...g1, collection: figures }, ['u1', 'u2'])).size).toBe(0);
        expect((await store.loadDocs(g1, ['t1', 't2'])).size).toBe(0);

        // and after a restart they are read by the same name
        store = await fixture.reopen(store, clock);
        expect(await store.get(figures, 'u3')).toEqual({ _id: 'u3', total: 5, _position: '6' });
        expect(await store.get(figures, 'u1')).toBeNull();
      });

      it('tells a collection’s version: the same while its documents are, another once a batch or a generation changed them', async () => {
        if (!store.version) return console.warn('this store tells no versions: its readers read again');
        const name = `versioned-${run}`;
        const own = `versioned${run}`;
        const figures = `versioned${run}-figures`;
        const g = await store.register(name, own, 1, [], [figures]);
        const ref = { projection: name, collection: own, generation: g.live!.generation };
        const v0 = await store.version(figures);
        expect(await store.version(figures)).toBe(v0);
        // a batch that writes the figures changes their version, and leaves it once written
        await store.applyBatch(ref, [{ _id: 'u1', collection: figures, doc: { _id: 'u1', n: 1 }, position: '3' }], '3');
        const v1 = await store.version(figures);
        expect(v1).not.toBe(v0);
        expect(await store.version(figures)).toBe(v1);
        // a batch already applied changes nothing, so neither the version
        await store.applyBatch(ref, [{ _id: 'u1', collection: figures, doc: { _id: 'u1', n: 1 }, position: '3' }], '3');
        expect(await store.version(figures)).toBe(v1);
        // another generation made live is another version, even before anything is written to it
        await store.beginRebuild(name, 1, [], [figures]);
        expect(await store.version(figures)).toBe(v1);
        await store.promote(name);
        expect(await store.version(figures)).not.toBe(v1);
      });

      it('says which collections are live: a collection beside the projection only once a generation writing it is', async () => {
        const name = `counted-${run}`;
        const own = `counted${run}`;
        const figures = `counted${run}-figures`;
        expect(await store.isLive?.(own)).toBe(false);
        // a generation from before the figures: its own collection is live, the figures are not
        await store.register(name, own, 1, []);
        expect(await store.isLive?.(own)).toBe(true);
        expect(await store.isLive?.(figures)).toBe(false);
        // the generation that writes them is built beside it; promoted, they are live
        await store.beginRebuild(name, 1, [], [figures]);
        expect(await store.isLive?.(figures)).toBe(false);
        await store.promote(name);
        expect(await store.isLive?.(figures)).toBe(true);
      });

      it('records a rebuild request for whatever runs the projections', async () => {
        await store.requestRebuild(`units-${run}`);
        expect((await store.record(`units-${run}`))?.rebuildRequested).toBe(true);
        const again = await fixture.reopen(store, clock);
        store = again;
        expect((await store.record(`units-${run}`))?.rebuildRequested).toBe(true);
        await store.beginRebuild(`units-${run}`, 1, []);
        expect((await store.record(`units-${run}`))?.rebuildRequested).toBe(false);
      });
    });

    it('has everything back after a restart', async () => {
      await store.applyBatch(ref, [{ _id: 'u2', doc: null, position: '11' }], '11');
      const before = await store.find(`units${run}`, {}, { sort: { _id: 1 } });
      store = await fixture.reopen(store, clock);
      expect(await store.find(`units${run}`, {}, { sort: { _id: 1 } })).toEqual(before);
      expect((await store.record(`units-${run}`))?.live?.position).toBe('11');
      await store.applyBatch(ref, [{ _id: 'u2', doc: { _id: 'u2', name: 'stale' }, position: '11' }], '11');
      expect(await store.get(`units${run}`, 'u2')).toBeNull();
    });
  });
};
