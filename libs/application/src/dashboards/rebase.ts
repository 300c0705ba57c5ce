import { CalendarDate, isActiveOn, reachableFrom, Unit } from '@gl/domain';

/** Where a unit's records land on today's tree: a unit of today, the share of them it takes, and whether that share is exact. */
export interface Landing {
  to: string;
  weight: number;
  /** The records reach it through a part (a split, a ward divided between mergers): the figures are an estimate. */
  approximate: boolean;
}

/**
 * The units of today a unit's records belong to, following the lineage. A unit that passed whole
 * goes on as one; a unit that ended in parts goes to every successor that received part, weighted
 * by the share the act recorded (of area or population) or, where none is recorded, in equal
 * shares of what is left — and every landing through a part is approximate. Only the links made
 * on the day the unit ended count: an earlier transfer of part of it took none of its records.
 */
export const landingsOf = (
  units: ReadonlyMap<string, Unit>,
  id: string,
  today: CalendarDate,
  seen = new Set<string>(),
): Landing[] => {
  const u = units.get(id);
  if (!u || isActiveOn(u, today) || seen.has(id) || u.successors.length === 0)
    return [{ to: id, weight: 1, approximate: false }];
  const ending = u.ended ? u.successors.filter((l) => l.on === u.ended!.on) : [];
  const links = ending.length > 0 ? ending : u.successors;
  const next = new Set(seen).add(id);
  if (links.length === 1 && links[0].whole) return landingsOf(units, links[0].unitId, today, next);
  const recorded = links.reduce((sum, l) => sum + (typeof l.share === 'number' ? l.share : 0), 0);
  const unrecorded = links.filter((l) => typeof l.share !== 'number').length;
  const rest = unrecorded > 0 ? Math.max(0, 1 - recorded) / unrecorded : 0;
  // Shares that do not add up to the whole are read as proportions of what was recorded.
  const total = recorded + rest * unrecorded || 1;
  const out = new Map<string, Landing>();
  for (const l of links) {
    const w = (typeof l.share === 'number' ? l.share : rest) / total;
    for (const further of landingsOf(units, l.unitId, today, next)) {
      const prev = out.get(further.to);
      out.set(further.to, { to: further.to, weight: (prev?.weight ?? 0) + w * further.weight, approximate: true });
    }
  }
  return [...out.values()];
};

/**
 * The units whose records count in a subtree, and where each one's go: on the recorded tree each
 * unit of the subtree to itself; on today's, every unit whose lineage lands in the subtree, to the
 * units it became.
 */
export const landingsIn = (
  units: ReadonlyMap<string, Unit>,
  subtree: ReadonlySet<string>,
  basis: 'recorded' | 'today',
  today: CalendarDate,
): Map<string, Landing[]> => {
  const lands = new Map<string, Landing[]>();
  if (basis === 'recorded') for (const id of subtree) lands.set(id, [{ to: id, weight: 1, approximate: false }]);
  else
    for (const u of units.values()) {
      const here = landingsOf(units, u.id, today).filter((l) => subtree.has(l.to));
      if (here.length > 0) lands.set(u.id, here);
    }
  return lands;
};

const KEPT = 256;
const memo = new WeakMap<
  ReadonlyMap<string, Unit>,
  Map<string, { lands: Map<string, Landing[]>; members: string[] }>
>();

/**
 * The landings of a unit's subtree on a tree of a day, and the units whose records count there,
 * worked out once per version of the registry (the directory hands out the same map until it
 * changes), unit, basis and day: a dashboard asked again reuses them. Callers must not change them.
 */
export const landingsOfSubtree = (
  units: ReadonlyMap<string, Unit>,
  tree: { children: ReadonlyMap<string, string[]> },
  unitId: string,
  basis: 'recorded' | 'today',
  day: CalendarDate,
  today: CalendarDate,
): { lands: ReadonlyMap<string, Landing[]>; members: string[] } => {
  let known = memo.get(units);
  if (!known) memo.set(units, (known = new Map()));
  const key = `${basis}|${day}|${today}|${unitId}`;
  let hit = known.get(key);
  if (!hit) {
    if (known.size >= KEPT) known.clear();
    const lands = landingsIn(units, reachableFrom(tree.children, unitId), basis, today);
    known.set(key, (hit = { lands, members: [...lands.keys()] }));
  }
  return hit;
};
