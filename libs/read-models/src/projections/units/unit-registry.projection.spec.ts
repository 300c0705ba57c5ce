import { expectAppliedTwiceIsIdempotent, projectionSpec, recorded } from '@gl/testing';
import { applyEvents } from '../../engine/apply-events';
import { unitRegistry } from './unit-registry.projection';

const ev = (type: string, data: object, at: number) =>
  recorded(type, data, { at, stream: 'units-registry', revision: at - 1 });
const city = ev(
  'unit.established.v1',
  {
    unitId: 'cantho',
    name: 'UBND TP Cần Thơ',
    kind: 'city-peoples-committee',
    level: 'city',
    parentId: null,
    effectiveOn: '2023-01-01',
    legalBasis: null,
    asExisting: true,
  },
  1,
);
const district = ev(
  'unit.established.v1',
  {
    unitId: 'ninh-kieu',
    name: 'Quận Ninh Kiều',
    kind: 'district',
    level: 'district',
    parentId: 'cantho',
    effectiveOn: '2023-01-01',
    legalBasis: null,
    asExisting: true,
  },
  2,
);
const abolished = ev(
  'units.level-abolished.v1',
  {
    level: 'district',
    effectiveOn: '2025-07-01',
    legalBasis: { number: '72/2025/QH15', date: '2025-06-16', issuer: 'Quốc hội' },
  },
  3,
);

describe('unit-registry projection', () => {
  it('keeps every unit with its history in one document', () =>
    projectionSpec(unitRegistry)
      .given(city, district)
      .when(abolished)
      .then('registry', {
        units: expect.objectContaining({
          'ninh-kieu': expect.objectContaining({ ended: { on: '2025-07-01', reason: 'level-abolished' } }),
          cantho: expect.objectContaining({ ended: null }),
        }),
      }));

  it('applied twice gives the same result', () =>
    expectAppliedTwiceIsIdempotent(unitRegistry, [city, district, abolished]));

  it('folds a batch to what one event at a time gives', () => {
    const events = [city, district, abolished];
    const oneByOne = events.reduce<object | undefined>(
      (d, e) => unitRegistry.evolve(d as never, e as never)!,
      undefined,
    );
    const [change] = applyEvents(unitRegistry, events, new Map());
    expect(change.doc).toEqual({ ...oneByOne, _id: 'registry' });
    expect(change.position).toBe(abolished.position);
  });
});
