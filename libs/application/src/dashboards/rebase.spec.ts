import { evolveRegistry, initialRegistry, UnitEvent } from '@gl/domain';
import { unitEstablished, unitsMerged } from '@gl/testing';
import { landingsOf } from './rebase';

const ward = (unitId: string) => unitEstablished(unitId);
const merged = unitsMerged;
const registry = (...events: UnitEvent[]) => events.reduce(evolveRegistry, initialRegistry()).units;

describe("where a unit's records land on today's tree (landingsOf)", () => {
  it('follows a whole merger as one, exactly', () => {
    const units = registry(
      ward('a'),
      ward('b'),
      merged('ab', [
        { unitId: 'a', whole: true },
        { unitId: 'b', whole: true },
      ]),
    );
    expect(landingsOf(units, 'a', '2025-08-01')).toEqual([{ to: 'ab', weight: 1, approximate: false }]);
  });

  it('divides a ward taken in parts between every successor, by the recorded shares', () => {
    const units = registry(
      ward('x'),
      ward('y'),
      ward('z'),
      merged('xy', [
        { unitId: 'x', whole: false, share: 0.3 },
        { unitId: 'y', whole: true },
      ]),
      merged('xz', [
        { unitId: 'x', whole: false, share: 0.7 },
        { unitId: 'z', whole: true },
      ]),
    );
    const l = landingsOf(units, 'x', '2025-08-01');
    expect(l.map((x) => [x.to, Math.round(x.weight * 100) / 100, x.approximate])).toEqual([
      ['xy', 0.3, true],
      ['xz', 0.7, true],
    ]);
  });

  it('divides equally where no share is recorded (Bùi Hữu Nghĩa: NQ 1668 khoản 2 and the rest)', () => {
    const units = registry(
      ward('x'),
      ward('y'),
      ward('z'),
      merged('xy', [
        { unitId: 'x', whole: false },
        { unitId: 'y', whole: true },
      ]),
      merged('xz', [
        { unitId: 'x', whole: false },
        { unitId: 'z', whole: true },
      ]),
    );
    expect(landingsOf(units, 'x', '2025-08-01').map((x) => [x.to, x.weight])).toEqual([
      ['xy', 0.5],
      ['xz', 0.5],
    ]);
  });

  it('leaves a unit standing today where it is', () =>
    expect(landingsOf(registry(ward('a')), 'a', '2025-08-01')).toEqual([{ to: 'a', weight: 1, approximate: false }]));
});
