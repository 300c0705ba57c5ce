import { Query } from 'mingo';
import type { Doc, Filter } from '../port/read-store.port';
import { MemoryCollection } from './memory-collection';

const UNITS = Array.from({ length: 40 }, (_, i) => `xa-${i}`);

const obligation = (i: number, unitId = UNITS[i % UNITS.length]): Doc => ({
  _id: `o${i}`,
  unitId,
  status: i % 3 === 0 ? 'completed' : 'open',
  year: 2023 + (i % 2),
  tags: i % 5 === 0 ? [unitId, 'spare'] : [],
});

const filled = (n = 400) => {
  const c = new MemoryCollection();
  for (let i = 0; i < n; i++) c.put(obligation(i));
  return c;
};

/** What mingo answers over the selected documents is what it answers over everything (order aside: unspecified without a sort). */
const sameAsScan = (c: MemoryCollection, filter: Filter, indexed: Set<string>) => {
  const { docs, rest } = c.select(filter, indexed);
  const viaIndex = docs.filter((d) => new Query(rest).test(d)).map((d) => d._id);
  const q = new Query(filter);
  const viaScan = c
    .all()
    .filter((d) => q.test(d))
    .map((d) => d._id);
  expect([...viaIndex].sort()).toEqual([...viaScan].sort());
  expect(new Set(viaIndex).size).toBe(viaIndex.length);
  return viaIndex;
};

describe('MemoryCollection equality indexes', () => {
  const indexed = new Set(['unitId', 'tags', 'year']);

  it.each<[string, Filter]>([
    ['one value', { unitId: 'xa-3' }],
    ['a list of values', { unitId: { $in: ['xa-1', 'xa-7', 'nowhere'] }, status: 'open' }],
    ['most of the values (filtering the scan)', { unitId: { $in: UNITS.slice(3) }, year: 2024 }],
    ['numbers, which are not strings', { year: 2023 }],
    ['a value inside arrays (multikey)', { tags: 'xa-5' }],
    ['several values inside arrays, each document once', { tags: { $in: ['xa-5', 'spare', 'xa-10'] } }],
    ['ids', { _id: { $in: ['o9', 'o3', 'missing'] } }],
    ['an operator the index cannot use', { unitId: { $ne: 'xa-3' } }],
    ['a field with no index', { status: 'completed', year: 2024 }],
  ])('answers %s as a scan does', (_what, filter) => {
    sameAsScan(filled(), filter, indexed);
  });

  it('narrows the documents tested to those the index names, and leaves mingo the rest of the filter', () => {
    const c = filled();
    expect(c.select({ unitId: 'xa-3' }, indexed).docs).toHaveLength(10);
    const some = c.select({ unitId: { $in: ['xa-1', 'xa-2'] }, status: 'open' }, indexed);
    expect(some.docs).toHaveLength(20);
    expect(some.rest).toEqual({ status: 'open' });
    expect(c.select({ _id: 'o7' }, indexed).docs.map((d) => d._id)).toEqual(['o7']);
    expect(c.select({ unitId: { $in: UNITS.slice(1) } }, indexed).docs).toHaveLength(390);
  });

  it('scans with the whole filter when no index can be used', () => {
    const c = filled();
    for (const filter of [{ status: 'open' }, { unitId: null }, { unitId: { $ne: 'xa-3' } }, { _id: { $in: [7] } }]) {
      expect(c.select(filter, indexed)).toEqual({ docs: c.all(), rest: filter });
    }
    expect(c.select({ unitId: 'xa-3' }, new Set()).docs).toBe(c.all());
  });

  it('keeps the index current when documents change, move or go', () => {
    const c = filled();
    expect(sameAsScan(c, { unitId: 'xa-3' }, indexed)).toHaveLength(10);
    c.put({ ...obligation(3), unitId: 'xa-4' });
    c.remove('o43', '99');
    c.put(obligation(1000, 'xa-3'));
    const now = sameAsScan(c, { unitId: 'xa-3' }, indexed);
    expect(now).not.toContain('o3');
    expect(now).not.toContain('o43');
    expect(now[now.length - 1]).toBe('o1000');
    expect(sameAsScan(c, { unitId: 'xa-4' }, indexed)).toContain('o3');
  });

  it('answers one value in the order its documents came, even after they change; several, grouped by value', () => {
    const c = filled();
    sameAsScan(c, { unitId: 'xa-3' }, indexed);
    c.put({ ...obligation(83), status: 'completed' });
    expect(sameAsScan(c, { unitId: 'xa-3' }, indexed)).toEqual([
      'o3',
      'o43',
      'o83',
      'o123',
      'o163',
      'o203',
      'o243',
      'o283',
      'o323',
      'o363',
    ]);
    expect(sameAsScan(c, { unitId: { $in: ['xa-3', 'xa-1'] }, status: 'open' }, indexed)).toEqual([
      'o43',
      'o163',
      'o203',
      'o283',
      'o323',
      'o1',
      'o41',
      'o121',
      'o161',
      'o241',
      'o281',
      'o361',
    ]);
  });
});
