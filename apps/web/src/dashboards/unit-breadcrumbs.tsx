import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../shared/api-client';
import { useMessages } from '../shared/i18n';
import { type DashboardParams, searchOf } from './dashboard-params.hook';
import type { UnitOnDate } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';

interface TreeNode extends UnitOnDate {
  children: TreeNode[];
}

/** The path from a root of the tree down to a unit, or null when it is not in it. */
const pathTo = (nodes: TreeNode[], id: string): UnitOnDate[] | null => {
  for (const n of nodes) {
    if (n.id === id) return [n];
    const below = pathTo(n.children, id);
    if (below) return [n, ...below];
  }
  return null;
};

/** The trees already read in this visit, by day. */
const trees = new Map<string, Promise<TreeNode[]>>();
const treeOn = (day: string) => {
  if (!trees.has(day))
    trees.set(
      day,
      api<{ roots: TreeNode[] }>(`/units/tree?asOf=${day}`).then(
        (t) => t.roots,
        (e: unknown) => {
          trees.delete(day);
          throw e;
        },
      ),
    );
  return trees.get(day)!;
};

/**
 * The unit's lineage up the tree of the dashboard's day (`GET /units/tree?asOf=`), as far as the
 * reader may see: a ward's reporter sees no district above it.
 */
export const UnitBreadcrumbs = ({
  unit,
  day,
  view,
}: {
  unit: UnitOnDate;
  day: string;
  view: DashboardParams & { year: number };
}) => {
  const m = useMessages(dashboardMessages);
  const [above, setAbove] = useState<UnitOnDate[]>([]);
  useEffect(() => {
    let live = true;
    treeOn(day)
      .then((roots) => live && setAbove((pathTo(roots, unit.id) ?? []).slice(0, -1)))
      .catch(() => live && setAbove([]));
    return () => {
      live = false;
    };
  }, [unit.id, day]);
  return (
    <nav className="breadcrumbs" aria-label={m.trail}>
      <ol>
        {above.map((u) => (
          <li key={u.id}>
            <Link to={`/dashboard/${encodeURIComponent(u.id)}${searchOf(view)}`}>{u.name}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{unit.name}</span>
        </li>
      </ol>
    </nav>
  );
};
