import { CalendarDate } from '../shared/calendar-date';
import { ancestorsOn, reachableFrom } from '../units/unit-timeline';
import type { Unit } from '../units/unit.types';
import type { Grant } from './user.decider';
import { Role, WRITING_ROLES } from './user.events';

/** What a person may read and act for. */
export interface Scope {
  roles: Role[];
  /** Auditors read everything. */
  readsAll: boolean;
  reads: Set<string>;
  writes: Set<string>;
  /**
   * An integration admin's grants: each granted unit with its subtree, whose webhook endpoints the
   * person manages (absent: none). Kept per grant, as an endpoint belongs to one grant's unit.
   */
  integrates?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * A unit and every unit that has ever been under it: a city viewer must still see the communes of
 * 2023 after they merged in 2025, and a district's staff their communes' history.
 */
const subtrees = new WeakMap<ReadonlyMap<string, Unit>, Map<string, ReadonlySet<string>>>();
/** Worked out once per version of the registry (the directory hands out the same map until it changes): every request asks it. */
const subtree = (units: ReadonlyMap<string, Unit>, id: string): ReadonlySet<string> => {
  let known = subtrees.get(units);
  if (!known) subtrees.set(units, (known = new Map()));
  let found = known.get(id);
  if (!found) {
    const children = new Map<string, Set<string>>();
    for (const u of units.values()) {
      for (const p of u.parents) {
        if (p.value) children.set(p.value, (children.get(p.value) ?? new Set()).add(u.id));
      }
    }
    known.set(id, (found = reachableFrom(children, id)));
  }
  return found;
};

/**
 * Scope from the grants in force: a reporter or head acts for their own unit and reads its
 * subtree; a viewer or integration client reads the subtree of the unit they were granted; a plan
 * coordinator reads and acts across the whole tree their department belongs to (the city's); an
 * auditor reads everything and acts for nothing. An integration admin reads its subtree like a
 * viewer, and manages the webhook endpoints of that subtree (`integrates`).
 */
export const scopeOf = (grants: Grant[], units: ReadonlyMap<string, Unit>, today: CalendarDate): Scope => {
  const reads = new Set<string>();
  const writes = new Set<string>();
  let readsAll = false;
  const integrates = new Map<string, ReadonlySet<string>>();
  for (const g of grants) {
    if (g.role === 'auditor') {
      readsAll = true;
      continue;
    }
    if (g.role === 'plan-coordinator') {
      const chain = ancestorsOn(units, g.unitId, today);
      const root = chain.length > 0 ? chain[chain.length - 1] : g.unitId;
      for (const id of subtree(units, root)) {
        reads.add(id);
        writes.add(id);
      }
      continue;
    }
    const under = subtree(units, g.unitId);
    for (const id of under) reads.add(id);
    if (WRITING_ROLES.includes(g.role)) writes.add(g.unitId);
    if (g.role === 'integration-admin') integrates.set(g.unitId, under);
  }
  const roles = [...new Set(grants.map((g) => g.role))];
  return { roles, readsAll, reads, writes, ...(integrates.size > 0 && { integrates }) };
};

export const canRead = (s: Scope, unitId: string): boolean => s.readsAll || s.reads.has(unitId);
export const canWrite = (s: Scope, unitId: string): boolean => s.writes.has(unitId);
