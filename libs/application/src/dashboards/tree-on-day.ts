import { CalendarDate, standingTreeOn, Unit, UnitOnDate } from '@gl/domain';

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
  if (days.size >= DAYS_KEPT) days.clear();
  const tree = standingTreeOn(units.values(), day);
  days.set(day, tree);
  return tree;
};
