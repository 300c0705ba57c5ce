import type { Scope, UnitOnDate } from '@gl/domain';
import { emptyFigures, F, Field, Figures, figuresOut } from './dashboard-figures';
import { PeriodExpecting, periodsIn, tallyOwn } from './dashboard-tally';
import { dashboardParts, rollUp } from './dashboard-view';
import type { Landing } from './rebase';
import type { TreeOnDay } from './tree-on-day';

const unit = (id: string, name: string, kind: UnitOnDate['kind']): UnitOnDate => ({
  id,
  name,
  nameEn: null,
  kind,
  subtype: null,
  level: kind === 'commune' ? 'commune' : 'city',
  parentId: null,
  code: null,
});
// city → (an, binh) ; an → (x)
const tree: TreeOnDay = {
  byId: new Map([
    ['city', unit('city', 'Thành phố', 'city-peoples-committee')],
    ['an', unit('an', 'Phường An Hòa', 'commune')],
    ['binh', unit('binh', 'Phường Bình Thủy', 'commune')],
    ['x', unit('x', 'Tổ dân phố X', 'commune')],
  ]),
  children: new Map([
    ['city', ['binh', 'an']],
    ['an', ['x']],
  ]),
};
/** Figures with some counts set, and an estimate in đồng. */
const figures = (counts: Partial<Record<Field, number>>, estimated = 0n): Figures => {
  const f = emptyFigures();
  for (const [k, v] of Object.entries(counts)) f.c[F[k as Field]] = v;
  f.money[0] = estimated;
  return f;
};
const AUDITOR: Scope = { roles: ['auditor'], readsAll: true, reads: new Set(), writes: new Set() };

describe('a dashboard composed from the units’ own figures', () => {
  it('rolls each subtree up once, its own figures and its children’s', () => {
    const own = new Map([
      ['city', figures({ conferences: 1 })],
      ['an', figures({ conferences: 2 })],
      ['x', figures({ conferences: 4 }, 5n)],
    ]);
    const rolled = rollUp(tree, own, new Set());
    expect(figuresOut(rolled('city').figures).conferences).toBe(7);
    expect(figuresOut(rolled('an').figures).conferences).toBe(6);
    expect(figuresOut(rolled('binh').figures)).toEqual(figuresOut(emptyFigures()));
    expect(rolled('city').figures.money[0]).toBe(5n);
    // the units' own figures are left as they were
    expect(figuresOut(own.get('an')!).conferences).toBe(2);
    // the same object for the same subtree: summed once
    expect(rolled('an')).toBe(rolled('an'));
  });

  it('gives own, roll-up with regulation coverage, and the visible children by Vietnamese name, red when overdue', () => {
    const own = new Map([
      ['an', figures({ regulationsInForce: 1 })],
      ['x', figures({ 'obligations.total': 1, 'obligations.overdue': 1 })],
    ]);
    const parts = dashboardParts(tree, own, rollUp(tree, own, new Set(['x'])), 'city', AUDITOR);
    expect(parts.own).toMatchObject({ conferences: 0, rag: 'green', budget: { estimated: '0' } });
    expect(parts.rollup).toMatchObject({
      rag: 'red',
      regulationCoverage: { 'city-peoples-committee': { units: 1, covered: 0 }, commune: { units: 3, covered: 1 } },
    });
    expect(parts.children.map((c) => [c.unitId, c.rag, c.approximate])).toEqual([
      ['an', 'red', true],
      ['binh', 'green', false],
    ]);
    const viewer: Scope = { roles: ['viewer'], readsAll: false, reads: new Set(['city', 'binh']), writes: new Set() };
    expect(
      dashboardParts(tree, own, rollUp(tree, own, new Set()), 'city', viewer).children.map((c) => c.unitId),
    ).toEqual(['binh']);
  });

  it('shows shares to two decimals and whole counts whole', () => {
    const own = new Map([['an', figures({ participants: 10 / 3 })]]);
    const parts = dashboardParts(tree, own, rollUp(tree, own, new Set()), 'an', AUDITOR);
    expect(parts.own.participants).toBe(3.33);
  });
});

describe('tallying the units whose records count (tallyOwn)', () => {
  const docs = {
    obligations: new Map(),
    activities: new Map([
      ['old', { _id: 'old', y: { '2023': { m: { '2023-05': { n: 1, conferences: 3 } } } } }],
      ['an', { _id: 'an', y: { '2023': { m: { '2023-05': { n: 1, conferences: 1 } } } } }],
    ]),
    inspections: new Map(),
    reports: new Map([['an', { _id: 'an', p: { q2: { onTime: 1 } } }]]),
  };
  const q = { year: 2023, day: '2023-12-31', now: new Date('2023-12-01T00:00:00Z') };

  it('adds each unit’s figures, times its share, to every unit it landed in, and flags those reached through a part', () => {
    const lands = new Map<string, Landing[]>([
      ['an', [{ to: 'an', weight: 1, approximate: false }]],
      [
        'old',
        [
          { to: 'an', weight: 2 / 3, approximate: true },
          { to: 'binh', weight: 1 / 3, approximate: true },
        ],
      ],
      ['binh', [{ to: 'binh', weight: 1, approximate: false }]],
    ]);
    const periods: PeriodExpecting[] = [
      { _id: 'q2', deadline: '2023-07-14T17:00:00.000Z', expectedUnitIds: ['an', 'binh'] },
    ];
    const { own, approximateUnits } = tallyOwn(lands, docs, periods, q);
    expect(figuresOut(own.get('an')!)).toMatchObject({
      conferences: 3,
      reports: { expected: 1, onTime: 1, missing: 0 },
    });
    expect(figuresOut(own.get('binh')!)).toMatchObject({ conferences: 1, reports: { expected: 1, missing: 1 } });
    expect([...approximateUnits].sort()).toEqual(['an', 'binh']);
  });

  it('flags nothing approximate when the unit passed on in part had nothing that counted', () => {
    const lands = new Map<string, Landing[]>([
      ['gone', [{ to: 'an', weight: 0.5, approximate: true }]],
      ['an', [{ to: 'an', weight: 1, approximate: false }]],
    ]);
    expect(tallyOwn(lands, docs, [], q).approximateUnits.size).toBe(0);
  });

  it('keeps, in a period, the reporting periods due in it', () => {
    const periods: PeriodExpecting[] = [
      { _id: 'q2', deadline: '2023-07-14T17:00:00.000Z', expectedUnitIds: [] },
      { _id: 'q3', deadline: '2023-10-14T17:00:00.000Z', expectedUnitIds: [] },
    ];
    expect(periodsIn(periods, { window: { from: '2023-07-01', to: '2023-09-30' } }).map((p) => p._id)).toEqual(['q2']);
    expect(periodsIn(periods, {})).toHaveLength(2);
  });
});
