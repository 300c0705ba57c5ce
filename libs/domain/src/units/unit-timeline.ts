import type { CalendarDate } from '../shared/calendar-date';
import type { Dated, Unit, UnitOnDate } from './unit.types';

/** The value holding on `date`: the last one from that day or before. */
export const valueOn = <T>(history: Dated<T>[], date: CalendarDate): T | undefined => {
  let found: T | undefined;
  for (const h of history) {
    if (h.from <= date) found = h.value;
    else break;
  }
  return found;
};

/** Adds a value from a day, keeping the history in day order; a value from the same day replaces. */
export const withValueFrom = <T>(history: Dated<T>[], value: T, from: CalendarDate): Dated<T>[] => {
  const kept = history.filter((h) => h.from !== from);
  const at = kept.findIndex((h) => h.from > from);
  const entry = { value, from };
  return at === -1 ? [...kept, entry] : [...kept.slice(0, at), entry, ...kept.slice(at)];
};

export const isActiveOn = (u: Unit, date: CalendarDate): boolean =>
  u.establishedOn <= date && (u.ended === null || date < u.ended.on);

/** The unit as it stood on a day, or null when it did not exist then. */
export const unitOn = (u: Unit, date: CalendarDate): UnitOnDate | null => {
  if (!isActiveOn(u, date)) return null;
  const name = valueOn(u.names, date)!;
  const cls = valueOn(u.classes, date)!;
  return {
    id: u.id,
    name: name.name,
    nameEn: name.nameEn,
    code: valueOn(u.codes, date) ?? null,
    kind: cls.kind,
    subtype: cls.subtype,
    level: cls.level,
    parentId: valueOn(u.parents, date) ?? null,
  };
};

/** The units standing on a day. */
export const unitsOn = (units: Iterable<Unit>, date: CalendarDate): UnitOnDate[] => {
  const out: UnitOnDate[] = [];
  for (const u of units) {
    const on = unitOn(u, date);
    if (on) out.push(on);
  }
  return out;
};

/** A root and everything reachable below it through `children` (parent → child links). */
export const reachableFrom = (children: ReadonlyMap<string, Iterable<string>>, rootId: string): Set<string> => {
  const out = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const c of children.get(queue.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        queue.push(c);
      }
    }
  }
  return out;
};

/** The tree as it stood on a day: each standing unit by id, and the children of each. */
export const standingTreeOn = (
  units: Iterable<Unit>,
  date: CalendarDate,
): { byId: Map<string, UnitOnDate>; children: Map<string, string[]> } => {
  const byId = new Map<string, UnitOnDate>();
  const children = new Map<string, string[]>();
  for (const u of unitsOn(units, date)) {
    byId.set(u.id, u);
    if (!u.parentId) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  return { byId, children };
};

/** The ids of a unit and everything under it on a day. */
export const subtreeOn = (units: Iterable<Unit>, rootId: string, date: CalendarDate): Set<string> =>
  reachableFrom(standingTreeOn(units, date).children, rootId);

/** The chain of parents of a unit on a day, nearest first. */
export const ancestorsOn = (byId: ReadonlyMap<string, Unit>, id: string, date: CalendarDate): string[] => {
  const out: string[] = [];
  let current = byId.get(id);
  while (current) {
    const parent = valueOn(current.parents, date) ?? null;
    if (parent === null || out.includes(parent)) break;
    out.push(parent);
    current = byId.get(parent);
  }
  return out;
};
