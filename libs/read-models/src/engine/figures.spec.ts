import type { DocChange } from '../port/projection-store.port';
import type { Doc } from '../port/read-store.port';
import { addFigures, copyFigures, figureMoves, Figures, FiguresSpec } from './figures';

/** Stored documents are frozen and shared with readers: a test that mutates one fails loudly. */
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};

interface Entry {
  unitId: string;
  n: number;
  withdrawn?: boolean;
}

/** Each entry adds its amount and one to the count of its unit; a withdrawn one adds nothing. */
const spec: FiguresSpec<Entry> = {
  collection: 'entries-figures',
  contribution: (d) => (d.withdrawn ? null : { unitId: d.unitId, figures: { total: d.n, count: 1 } }),
};

const entry = (id: string, e: Entry, position: string): Doc => ({ _id: id, _position: position, ...e });
const change = (id: string, e: Entry | null, position: string): DocChange => ({
  _id: id,
  doc: e ? { _id: id, ...e } : null,
  position,
});
const stored = (...docs: Doc[]): Map<string, Doc> => new Map(docs.map((d) => [d._id, deepFreeze(d)]));

describe('addFigures', () => {
  it('sums nested counts leaf by leaf, in place', () => {
    // given figures with a branch
    const into: Figures = { y: { '2023': { conferences: 2, participants: 40 } } };
    // when two deltas are added, one into the branch and one beside it
    const out = addFigures(
      into,
      { y: { '2023': { conferences: 1, participants: 12 }, '2024': { conferences: 1 } } },
      1,
    );
    addFigures(into, { total: 3 }, 1);
    // then the same object holds the sums
    expect(out).toBe(into);
    expect(into).toEqual({ y: { '2023': { conferences: 3, participants: 52 }, '2024': { conferences: 1 } }, total: 3 });
  });

  it('subtracting back to zero leaves no zero leaves and no empty branches', () => {
    // given a sum of one delta
    const delta: Figures = { y: { '2023': { m: { '2023-09': { conferences: 1, participants: 12 } } } }, rg: { a: 1 } };
    const into = addFigures({}, delta, 1);
    // when it is taken out again
    addFigures(into, delta, -1);
    // then nothing is left: the same records in any order give the same (empty) document
    expect(into).toEqual({});
    expect(Object.keys(into)).toEqual([]);
  });

  it('keeps a sibling when only one leaf of a branch comes to zero', () => {
    const into: Figures = { m: { '2023-09': { conferences: 2, participants: 30 } } };
    addFigures(into, { m: { '2023-09': { conferences: 2 } } }, -1);
    expect(into).toEqual({ m: { '2023-09': { participants: 30 } } });
  });

  it('sums money (decimal strings) exactly beyond 2^53', () => {
    // 2^53 + 1 is not a double: as numbers this sum would come out as 9007199254740994
    const into: Figures = { spent: '9007199254740993' };
    addFigures(into, { spent: '2' }, 1);
    expect(into).toEqual({ spent: '9007199254740995' });
    addFigures(into, { spent: '9007199254740995' }, -1);
    expect(into).toEqual({});
  });

  it('sums a number leaf and a string leaf as BigInt, giving a string', () => {
    expect(addFigures({ a: 5 }, { a: '7' }, 1)).toEqual({ a: '12' });
    expect(addFigures({ a: '5' }, { a: 7 }, 1)).toEqual({ a: '12' });
    expect(addFigures({ a: '5' }, { a: 5 }, -1)).toEqual({});
  });

  it('prunes money that adds up to zero, and a zero delta adds no leaf', () => {
    // A budget not approved yet contributes approved '0': it must not show as a leaf.
    expect(addFigures({}, { b: { estimated: '100', approved: '0' } }, 1)).toEqual({ b: { estimated: '100' } });
    expect(addFigures({}, { participants: 0 }, 1)).toEqual({});
  });

  it('does not alias the delta: adding into a new branch copies its leaves', () => {
    // The contribution of a document is computed once and may be shared; the sum must not hold it.
    const delta = deepFreeze<Figures>({ y: { '2023': { count: 1 } } });
    const into = addFigures({}, delta, 1);
    addFigures(into, delta, 1);
    expect(into).toEqual({ y: { '2023': { count: 2 } } });
    expect(delta).toEqual({ y: { '2023': { count: 1 } } });
  });
});

describe('copyFigures', () => {
  it('is deep: the copy can be changed while the frozen original stays as it was', () => {
    const original = deepFreeze<Figures>({ y: { '2023': { m: { '2023-09': { conferences: 1 } } } }, spent: '10' });
    const copy = copyFigures(original);
    expect(copy).toEqual(original);
    expect(() =>
      addFigures(copy, { y: { '2023': { m: { '2023-09': { conferences: 1 } } } }, spent: '5' }, 1),
    ).not.toThrow();
    expect(copy).toEqual({ y: { '2023': { m: { '2023-09': { conferences: 2 } } } }, spent: '15' });
    expect(original).toEqual({ y: { '2023': { m: { '2023-09': { conferences: 1 } } } }, spent: '10' });
  });
});

describe('figureMoves', () => {
  it('adds a new document to its unit, starting from nothing', () => {
    // given no stored entry and no figures for u1
    const moves = figureMoves(spec, [change('a', { unitId: 'u1', n: 5 }, '3')], stored());
    // then u1 is the unit to read, and its document is the entry's contribution
    expect(moves.units).toEqual(['u1']);
    expect(moves.apply(new Map(), '3')).toEqual([
      { _id: 'u1', collection: 'entries-figures', doc: { _id: 'u1', total: 5, count: 1 }, position: '3' },
    ]);
  });

  it("adds to a unit's stored figures without changing the stored (frozen) document", () => {
    const units = stored({ _id: 'u1', _position: '2', total: 10, count: 2 });
    const moves = figureMoves(spec, [change('a', { unitId: 'u1', n: 5 }, '3')], stored());
    // the stored unit's _id and _position are not figures: the new document has neither summed in
    expect(moves.apply(units, '3')).toEqual([
      { _id: 'u1', collection: 'entries-figures', doc: { _id: 'u1', total: 15, count: 3 }, position: '3' },
    ]);
    expect(units.get('u1')).toEqual({ _id: 'u1', _position: '2', total: 10, count: 2 });
  });

  it("moves a document's contribution from one unit to another", () => {
    // given entry a (5) stored under u1, which also holds entry b (7)
    const docs = stored(entry('a', { unitId: 'u1', n: 5 }, '2'));
    const units = stored({ _id: 'u1', _position: '2', total: 12, count: 2 });
    // when a moves to u2 with a new amount
    const moves = figureMoves(spec, [change('a', { unitId: 'u2', n: 6 }, '4')], docs);
    // then both units are read, u1 loses the old contribution and u2 gains the new one
    expect([...moves.units].sort()).toEqual(['u1', 'u2']);
    const out = moves.apply(units, '4');
    expect(out).toHaveLength(2);
    expect(out).toEqual(
      expect.arrayContaining([
        { _id: 'u1', collection: 'entries-figures', doc: { _id: 'u1', total: 7, count: 1 }, position: '4' },
        { _id: 'u2', collection: 'entries-figures', doc: { _id: 'u2', total: 6, count: 1 }, position: '4' },
      ]),
    );
  });

  it('takes out a document whose contribution becomes null, reducing its unit', () => {
    const docs = stored(entry('a', { unitId: 'u1', n: 5 }, '2'));
    const units = stored({ _id: 'u1', _position: '2', total: 12, count: 2 });
    const moves = figureMoves(spec, [change('a', { unitId: 'u1', n: 5, withdrawn: true }, '4')], docs);
    expect(moves.units).toEqual(['u1']);
    expect(moves.apply(units, '4')).toEqual([
      { _id: 'u1', collection: 'entries-figures', doc: { _id: 'u1', total: 7, count: 1 }, position: '4' },
    ]);
  });

  it('deletes the figures of a unit left with nothing (withdrawn, or the document deleted)', () => {
    const docs = stored(entry('a', { unitId: 'u1', n: 5 }, '2'), entry('b', { unitId: 'u2', n: 3 }, '2'));
    const units = stored(
      { _id: 'u1', _position: '2', total: 5, count: 1 },
      { _id: 'u2', _position: '2', total: 3, count: 1 },
    );
    const moves = figureMoves(
      spec,
      [change('a', { unitId: 'u1', n: 5, withdrawn: true }, '4'), change('b', null, '5')],
      docs,
    );
    expect(moves.apply(units, '5')).toEqual(
      expect.arrayContaining([
        { _id: 'u1', collection: 'entries-figures', doc: null, position: '5' },
        { _id: 'u2', collection: 'entries-figures', doc: null, position: '5' },
      ]),
    );
  });

  it('writes nothing for a unit that comes to nothing and had no stored document (nor one deleted)', () => {
    // An entry of amount 0 under a spec that counts only amounts: its unit is read, but nothing is there to delete.
    const amounts: FiguresSpec<Entry> = {
      collection: 'amounts',
      contribution: (d) => ({ unitId: d.unitId, figures: { total: d.n } }),
    };
    const moves = figureMoves(amounts, [change('a', { unitId: 'u1', n: 0 }, '3')], stored());
    expect(moves.units).toEqual(['u1']);
    expect(moves.apply(new Map(), '3')).toEqual([]);
    expect(moves.apply(stored({ _id: 'u1', _position: '2', _deleted: true }), '3')).toEqual([]);
  });

  it('reads no unit when neither the old nor the new document adds anything', () => {
    const docs = stored(entry('a', { unitId: 'u1', n: 5, withdrawn: true }, '2'));
    const moves = figureMoves(spec, [change('a', { unitId: 'u1', n: 9, withdrawn: true }, '4')], docs);
    expect(moves.units).toEqual([]);
    expect(moves.apply(new Map(), '4')).toEqual([]);
  });

  it('counts a stored tombstone as no document, both for the source and for the unit', () => {
    // given entry a deleted before (its tombstone is what the store loads), and u1's figures deleted too
    const docs = stored({ _id: 'a', _position: '2', _deleted: true });
    const units = stored({ _id: 'u1', _position: '2', _deleted: true });
    // when a is recorded again
    const moves = figureMoves(spec, [change('a', { unitId: 'u1', n: 4 }, '6')], docs);
    // then nothing is taken out for the tombstone (it has no unit), and u1 starts from nothing
    expect(moves.units).toEqual(['u1']);
    expect(moves.apply(units, '6')).toEqual([
      { _id: 'u1', collection: 'entries-figures', doc: { _id: 'u1', total: 4, count: 1 }, position: '6' },
    ]);
  });

  it('gives the same figures whatever order the changes come in', () => {
    const docs = stored(entry('a', { unitId: 'u1', n: 5 }, '2'));
    const units = stored({ _id: 'u1', _position: '2', total: 5, count: 1 });
    const changes = [
      change('a', { unitId: 'u2', n: 5 }, '4'),
      change('b', { unitId: 'u1', n: 2 }, '5'),
      change('c', { unitId: 'u2', n: 1 }, '6'),
    ];
    const byUnit = (cs: DocChange[]) => Object.fromEntries(cs.map((c) => [c._id, c.doc]));
    const forward = byUnit(figureMoves(spec, changes, docs).apply(units, '6'));
    const backward = byUnit(figureMoves(spec, [...changes].reverse(), docs).apply(units, '6'));
    expect(forward).toEqual({ u1: { _id: 'u1', total: 2, count: 1 }, u2: { _id: 'u2', total: 6, count: 2 } });
    expect(backward).toEqual(forward);
  });
});
