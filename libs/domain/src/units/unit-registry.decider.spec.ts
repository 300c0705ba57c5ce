import { deciderSpec } from '@gl/testing';
import {
  decideUnits,
  evolveRegistry,
  foldRegistry,
  initialRegistry,
  UnitCommand,
  UnitRegistry,
} from './unit-registry.decider';
import { UnitEvent } from './unit.events';
import { UnitRegistryError } from './unit.errors';
import { subtreeOn, unitOn, unitsOn } from './unit-timeline';

const registry = {
  initialState: initialRegistry,
  evolve: evolveRegistry,
  decide: (c: UnitCommand, s: UnitRegistry) => decideUnits(c, s),
};
const spec = () => deciderSpec<UnitCommand, UnitEvent, UnitRegistry>(registry);
const basis = (number: string, date = '2025-06-16') => ({ number, date, issuer: 'Ủy ban Thường vụ Quốc hội' });
const existing = (
  unitId: string,
  name: string,
  kind: string,
  level: string,
  parentId: string | null,
  code?: string,
): UnitEvent => ({
  type: 'unit.established.v1',
  data: {
    unitId,
    name,
    kind: kind as never,
    level: level as never,
    parentId,
    effectiveOn: '2023-01-01',
    legalBasis: null,
    asExisting: true,
    ...(code && { code: { code, table: 'gso-dvhc' } }),
  },
});
const city = existing('cantho', 'Ủy ban nhân dân thành phố Cần Thơ', 'city-peoples-committee', 'city', null, '92');
const ninhKieu = existing('ninh-kieu', 'Quận Ninh Kiều', 'district', 'district', 'cantho', '916');
const tanAn = existing('tan-an', 'Phường Tân An', 'commune', 'commune', 'ninh-kieu', '31135');
const anHoa = existing('an-hoa', 'Phường An Hòa', 'commune', 'commune', 'ninh-kieu', '31120');
const thoiBinh = existing('thoi-binh', 'Phường Thới Bình', 'commune', 'commune', 'ninh-kieu', '31123');
const all = [city, ninhKieu, tanAn, anHoa, thoiBinh];

describe('unit registry', () => {
  describe('establishing', () => {
    it('records a new unit under an existing parent', () =>
      spec()
        .given(city)
        .when({
          type: 'EstablishUnit',
          unitId: 'so-noi-vu',
          name: 'Sở Nội vụ',
          kind: 'department',
          level: 'city',
          parentId: 'cantho',
          effectiveOn: '2023-01-01',
          legalBasis: null,
          asExisting: true,
        })
        .then({
          type: 'unit.established.v1',
          data: {
            unitId: 'so-noi-vu',
            name: 'Sở Nội vụ',
            kind: 'department',
            level: 'city',
            parentId: 'cantho',
            effectiveOn: '2023-01-01',
            legalBasis: null,
            asExisting: true,
          },
        }));

    it.each([
      [{ unitId: 'cantho' }, 'unit-exists', /already exists/],
      [{ parentId: 'nowhere' }, 'parent-not-active', /parent nowhere does not exist/],
      [{ code: { code: '916', table: 'gso-dvhc' } }, 'code-in-use', /belongs to ninh-kieu/],
      [{ asExisting: false, legalBasis: null }, 'invalid-change', /legal basis/],
      [{ kind: 'planet' }, 'invalid-change', /not a unit kind/],
      [{ name: '  ' }, 'invalid-change', /needs a name/],
      [{ effectiveOn: '2023-02-30' }, 'invalid-change', /calendar date/],
    ])('refuses %j (%s)', (change, code, message) => {
      const command = {
        type: 'EstablishUnit',
        unitId: 'cai-rang',
        name: 'Quận Cái Răng',
        kind: 'district',
        level: 'district',
        parentId: 'cantho',
        effectiveOn: '2023-01-01',
        legalBasis: null,
        asExisting: true,
        ...change,
      } as UnitCommand;
      spec().given(city, ninhKieu).when(command).thenThrows(UnitRegistryError, message);
      try {
        decideUnits(command, spec().given(city, ninhKieu).state());
      } catch (e) {
        expect((e as UnitRegistryError).code).toBe(code);
      }
    });
  });

  describe('changes with effective dates', () => {
    it('keeps the old name before the renaming day and the new one from it', () => {
      const s = spec()
        .given(...all, {
          type: 'unit.renamed.v1',
          data: { unitId: 'tan-an', name: 'Phường Tân An mới', effectiveOn: '2024-01-01', legalBasis: basis('1/NQ') },
        })
        .state();
      expect(unitOn(s.units.get('tan-an')!, '2023-12-31')?.name).toBe('Phường Tân An');
      expect(unitOn(s.units.get('tan-an')!, '2024-01-01')?.name).toBe('Phường Tân An mới');
    });

    it('refuses a parent under the unit itself', () =>
      spec()
        .given(...all)
        .when({
          type: 'ReparentUnit',
          unitId: 'ninh-kieu',
          parentId: 'tan-an',
          effectiveOn: '2024-01-01',
          legalBasis: basis('2/QĐ'),
        })
        .thenThrows(UnitRegistryError, /would loop/));

    it('refuses to dissolve a unit that still has units under it', () =>
      spec()
        .given(...all)
        .when({ type: 'DissolveUnit', unitId: 'ninh-kieu', effectiveOn: '2024-01-01', legalBasis: basis('3/QĐ') })
        .thenThrows(UnitRegistryError, /move the units under ninh-kieu/));

    it('refuses a change to a unit on a day it did not exist', () =>
      spec()
        .given(...all)
        .when({ type: 'RenameUnit', unitId: 'tan-an', name: 'X', effectiveOn: '2022-06-01', legalBasis: basis('4/QĐ') })
        .thenThrows(UnitRegistryError, /does not exist on 2022-06-01/));
  });

  describe('reorganisations', () => {
    const merged: UnitEvent = {
      type: 'units.merged.v1',
      data: {
        effectiveOn: '2025-07-01',
        legalBasis: basis('1668/NQ-UBTVQH15'),
        predecessors: [
          { unitId: 'tan-an', whole: true },
          { unitId: 'thoi-binh', whole: true },
          { unitId: 'an-hoa', whole: false },
        ],
        successor: {
          unitId: 'p-ninh-kieu',
          name: 'Phường Ninh Kiều',
          kind: 'commune',
          subtype: 'phuong',
          level: 'commune',
          parentId: 'ninh-kieu',
        },
      },
    };

    it('merges n → 1: predecessors end, the successor knows where it came from', () => {
      const s = spec()
        .given(...all, merged)
        .state();
      expect(unitOn(s.units.get('tan-an')!, '2025-07-01')).toBeNull();
      expect(s.units.get('tan-an')!.ended).toEqual({ on: '2025-07-01', reason: 'merged' });
      expect(s.units.get('p-ninh-kieu')!.predecessors.map((l) => [l.unitId, l.whole])).toEqual([
        ['tan-an', true],
        ['thoi-binh', true],
        ['an-hoa', false],
      ]);
      expect(s.units.get('an-hoa')!.successors).toEqual([
        { unitId: 'p-ninh-kieu', whole: false, on: '2025-07-01', how: 'merger' },
      ]);
    });

    it('lets a unit taken in part go into a second merger the same day', () =>
      spec()
        .given(...all, merged)
        .when({
          type: 'MergeUnits',
          effectiveOn: '2025-07-01',
          legalBasis: basis('1668/NQ-UBTVQH15'),
          predecessors: [
            { unitId: 'an-hoa', whole: false },
            { unitId: 'p-ninh-kieu', whole: true },
          ],
          successor: { unitId: 'p-ninh-kieu' },
        })
        .then({
          type: 'units.merged.v1',
          data: {
            effectiveOn: '2025-07-01',
            legalBasis: basis('1668/NQ-UBTVQH15'),
            predecessors: [
              { unitId: 'an-hoa', whole: false },
              { unitId: 'p-ninh-kieu', whole: true },
            ],
            successor: { unitId: 'p-ninh-kieu' },
          },
        }));

    it('refuses a whole predecessor that has already ended', () =>
      spec()
        .given(...all, merged)
        .when({
          type: 'MergeUnits',
          effectiveOn: '2025-07-01',
          legalBasis: basis('1668/NQ-UBTVQH15'),
          predecessors: [
            { unitId: 'tan-an', whole: true },
            { unitId: 'p-ninh-kieu', whole: true },
          ],
          successor: { unitId: 'p-ninh-kieu' },
        })
        .thenThrows(UnitRegistryError, /does not exist on 2025-07-01/));

    it('splits 1 → n into new units, linked in part', () => {
      const s = spec()
        .given(...all, {
          type: 'unit.split.v1',
          data: {
            unitId: 'thoi-binh',
            effectiveOn: '2024-03-01',
            legalBasis: basis('9/NQ'),
            successors: [
              { unitId: 'tb-1', name: 'Phường Thới Bình 1', kind: 'commune', level: 'commune', parentId: 'ninh-kieu' },
              { unitId: 'tb-2', name: 'Phường Thới Bình 2', kind: 'commune', level: 'commune', parentId: 'ninh-kieu' },
            ],
          },
        })
        .state();
      expect(s.units.get('thoi-binh')!.successors.map((l) => [l.unitId, l.whole])).toEqual([
        ['tb-1', false],
        ['tb-2', false],
      ]);
      expect(
        unitsOn(s.units.values(), '2024-03-01')
          .map((u) => u.id)
          .sort(),
      ).toEqual(['an-hoa', 'cantho', 'ninh-kieu', 'tan-an', 'tb-1', 'tb-2']);
    });

    it('abolishes a level: its units end and their children pass to the level above', () => {
      const s = spec()
        .given(...all, {
          type: 'units.level-abolished.v1',
          data: { level: 'district', effectiveOn: '2025-07-01', legalBasis: basis('72/2025/QH15', '2025-06-16') },
        })
        .state();
      expect(
        unitsOn(s.units.values(), '2025-06-30')
          .filter((u) => u.level === 'district')
          .map((u) => u.id),
      ).toEqual(['ninh-kieu']);
      expect(unitsOn(s.units.values(), '2025-07-01').filter((u) => u.level === 'district')).toEqual([]);
      expect(unitOn(s.units.get('tan-an')!, '2025-07-01')?.parentId).toBe('cantho');
      expect(unitOn(s.units.get('tan-an')!, '2025-06-30')?.parentId).toBe('ninh-kieu');
      expect([...subtreeOn(s.units.values(), 'cantho', '2025-07-01')].sort()).toEqual([
        'an-hoa',
        'cantho',
        'tan-an',
        'thoi-binh',
      ]);
    });

    it('refuses to abolish a level nobody is at', () =>
      spec()
        .given(city)
        .when({ type: 'AbolishLevel', level: 'district', effectiveOn: '2025-07-01', legalBasis: basis('72/2025/QH15') })
        .thenThrows(UnitRegistryError, /no unit of the district level/));
  });

  describe('folding a batch (foldRegistry)', () => {
    const renamed: UnitEvent = {
      type: 'unit.renamed.v1',
      data: { unitId: 'tan-an', name: 'Phường Tân An mới', effectiveOn: '2024-01-01', legalBasis: basis('1/NQ') },
    };
    const abolished: UnitEvent = {
      type: 'units.level-abolished.v1',
      data: { level: 'district', effectiveOn: '2025-07-01', legalBasis: basis('72/2025/QH15', '2025-06-16') },
    };
    const events = [...all, renamed, abolished];

    it('gives what evolving one event at a time gives, from any state', () => {
      for (let cut = 0; cut <= events.length; cut++) {
        const before = events.slice(0, cut).reduce(evolveRegistry, initialRegistry());
        const rest = events.slice(cut);
        expect(foldRegistry(before, rest)).toEqual(rest.reduce(evolveRegistry, before));
      }
    });

    it('leaves the state it was given as it was', () => {
      const before = all.reduce(evolveRegistry, initialRegistry());
      const copy = structuredClone([...before.units]);
      foldRegistry(before, [renamed, abolished]);
      expect([...before.units]).toEqual(copy);
    });
  });
});
