import { Scope, UnitOnDate } from '@gl/domain';
import { seesUnit } from '../shared/read-helpers';
import { accumulate, emptyFigures, F, Figures, figuresOut, rag } from './dashboard-figures';
import type { TreeOnDay } from './tree-on-day';

/** A subtree summed: its figures, its regulation coverage by kind of unit, and whether any of its figures are approximate. */
export interface Rolled {
  figures: Figures;
  coverage: Map<string, { units: number; covered: number }>;
  approximate: boolean;
}

/**
 * Each unit's roll-up: its own figures and its subtree's, each subtree summed once and kept in
 * `known` (a cache passes the one it mends; what it holds for a unit, it holds for the unit's whole
 * subtree). Never changes `own`. Coverage counts, by kind, the units with a regulation in force.
 */
export const rollUp = (
  tree: TreeOnDay,
  own: ReadonlyMap<string, Figures>,
  approximateUnits: ReadonlySet<string>,
  known: Map<string, Rolled> = new Map(),
) => {
  const none = emptyFigures();
  const of = (id: string): Rolled => {
    const done = known.get(id);
    if (done) return done;
    const kids = tree.children.get(id) ?? [];
    const mine = own.get(id) ?? none;
    // A unit without children (most of them: communes) is its own roll-up.
    const figures = kids.length === 0 ? mine : accumulate(emptyFigures(), mine);
    const covered = mine.c[F.regulationsInForce] > 0 ? 1 : 0;
    const coverage = new Map([[tree.byId.get(id)!.kind as string, { units: 1, covered }]]);
    let approximate = approximateUnits.has(id);
    for (const c of kids) {
      const r = of(c);
      accumulate(figures, r.figures);
      for (const [kind, n] of r.coverage) {
        const k = coverage.get(kind);
        if (k) {
          k.units += n.units;
          k.covered += n.covered;
        } else coverage.set(kind, { ...n });
      }
      approximate ||= r.approximate;
    }
    const r = { figures, coverage, approximate };
    known.set(id, r);
    return r;
  };
  return of;
};

/**
 * The parts of a dashboard the figures make: the unit's own, its roll-up with regulation coverage,
 * and the children the reader may see, by name in Vietnamese order, each flagged approximate when
 * a unit of its subtree has figures reached through a part.
 */
export const dashboardParts = (
  tree: TreeOnDay,
  own: ReadonlyMap<string, Figures>,
  rolled: (id: string) => Rolled,
  unitId: string,
  scope: Scope,
) => {
  const root = rolled(unitId);
  return {
    own: figuresOut(own.get(unitId) ?? emptyFigures()),
    rollup: {
      ...figuresOut(root.figures),
      regulationCoverage: Object.fromEntries([...root.coverage].map(([k, n]) => [k, { ...n }])),
    },
    children: (tree.children.get(unitId) ?? [])
      .filter((c) => seesUnit(scope, c))
      .map((c) => {
        const u: UnitOnDate = tree.byId.get(c)!;
        const r = rolled(c);
        return {
          unitId: c,
          name: u.name,
          kind: u.kind,
          level: u.level,
          rag: rag(r.figures),
          approximate: r.approximate,
          rollup: figuresOut(r.figures),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
};
