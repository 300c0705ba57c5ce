import { reachableFrom, Scope, UnitOnDate } from '@gl/domain';
import { seesUnit } from '../shared/read-helpers';
import { accumulate, emptyFigures, F, Figures, figuresOut, rag } from './dashboard-figures';
import type { TreeOnDay } from './tree-on-day';

/** Each unit's roll-up (its own figures and its subtree's), each subtree summed once; never changes `own`. */
export const rollUp = (children: TreeOnDay['children'], own: ReadonlyMap<string, Figures>) => {
  const rolled = new Map<string, Figures>();
  const none = emptyFigures();
  const of = (id: string): Figures => {
    const done = rolled.get(id);
    if (done) return done;
    const kids = children.get(id) ?? [];
    // A unit without children (most of them: communes) is its own roll-up.
    const r = kids.length === 0 ? (own.get(id) ?? none) : accumulate(emptyFigures(), own.get(id) ?? none);
    for (const c of kids) accumulate(r, of(c));
    rolled.set(id, r);
    return r;
  };
  return of;
};

/** Regulation coverage of a subtree: by kind of unit, how many there are and how many have a regulation in force. */
export const coverage = (tree: TreeOnDay, own: ReadonlyMap<string, Figures>, id: string) => {
  const kinds = new Map<string, { units: number; covered: number }>();
  const walk = (x: string) => {
    const u = tree.byId.get(x)!;
    const k = kinds.get(u.kind) ?? { units: 0, covered: 0 };
    k.units++;
    if ((own.get(x)?.c[F.regulationsInForce] ?? 0) > 0) k.covered++;
    kinds.set(u.kind, k);
    (tree.children.get(x) ?? []).forEach(walk);
  };
  walk(id);
  return Object.fromEntries(kinds);
};

/**
 * The parts of a dashboard the figures make: the unit's own, its roll-up with regulation coverage,
 * and the children the reader may see, by name in Vietnamese order, each flagged approximate when
 * a unit of its subtree has figures reached through a part.
 */
export const dashboardParts = (
  tree: TreeOnDay,
  own: ReadonlyMap<string, Figures>,
  approximateUnits: ReadonlySet<string>,
  unitId: string,
  scope: Scope,
) => {
  const rolled = rollUp(tree.children, own);
  return {
    own: figuresOut(own.get(unitId) ?? emptyFigures()),
    rollup: { ...figuresOut(rolled(unitId)), regulationCoverage: coverage(tree, own, unitId) },
    children: (tree.children.get(unitId) ?? [])
      .filter((c) => seesUnit(scope, c))
      .map((c) => {
        const u: UnitOnDate = tree.byId.get(c)!;
        const r = rolled(c);
        const partly =
          approximateUnits.size > 0 && [...reachableFrom(tree.children, c)].some((x) => approximateUnits.has(x));
        return {
          unitId: c,
          name: u.name,
          kind: u.kind,
          level: u.level,
          rag: rag(r),
          approximate: partly,
          rollup: figuresOut(r),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
};
