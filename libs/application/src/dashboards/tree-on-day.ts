import { CalendarDate, Unit, UnitOnDate, unitsOn } from '@gl/domain';

/** The organisation tree as it stood on a day: each standing unit by id, and the children of each. */
export interface TreeOnDay {
  byId: ReadonlyMap<string, UnitOnDate>;
  children: ReadonlyMap<string, string[]>;
}

const DAYS_KEPT = 8;
const memo = new WeakMap<ReadonlyMap<string, Unit>, Map<CalendarDate, TreeOnDay>>();

/**
 * The tree on a day, worked out once per version of the registry (the directory hands out the same
 * map until the registry changes) and day: every dashboard of that day shares it.
 */
export const treeOn = (units: ReadonlyMap<string, Unit>, day: CalendarDate): TreeOnDay => {
  let days = memo.get(units);
  if (!days) memo.set(units, (days = new Map()));
  const known = days.get(day);
  if (known) return known;
  const byId = new Map<string, UnitOnDate>();
  const children = new Map<string, string[]>();
  for (const u of unitsOn(units.values(), day)) {
    byId.set(u.id, u);
    if (!u.parentId) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  if (days.size >= DAYS_KEPT) days.clear();
  const tree = { byId, children };
  days.set(day, tree);
  return tree;
};
