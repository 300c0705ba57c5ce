import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  CalendarDate,
  foldForSearch,
  LineageLink,
  Scope,
  subtreeOn,
  Unit,
  unitOn,
  UnitOnDate,
  unitsOn,
} from '@gl/domain';
import { NotFoundInScopeError } from '../shared/access.errors';
import { Page, seesUnit } from '../shared/read-helpers';
import { UnitDirectory } from './unit-directory';

/** Units standing on a day, filtered by kind, level, parent (or anywhere under a unit) and a name search that ignores diacritics. */
export class ListUnits {
  constructor(
    readonly scope: Scope,
    readonly asOf: CalendarDate,
    readonly filter: { kind?: string; level?: string; parentId?: string; underId?: string; q?: string },
    readonly page: number,
    readonly pageSize: number,
  ) {}
}

@QueryHandler(ListUnits)
export class ListUnitsHandler implements IQueryHandler<ListUnits, Page<UnitOnDate>> {
  constructor(private readonly directory: UnitDirectory) {}

  async execute({ scope, asOf, filter, page, pageSize }: ListUnits): Promise<Page<UnitOnDate>> {
    const all = await this.directory.units();
    const needle = filter.q ? foldForSearch(filter.q) : null;
    const under = filter.underId ? subtreeOn(all.values(), filter.underId, asOf) : null;
    const matches = unitsOn(all.values(), asOf)
      .filter((u) => !under || (under.has(u.id) && u.id !== filter.underId))
      .filter((u) => seesUnit(scope, u.id))
      .filter((u) => (!filter.kind || u.kind === filter.kind) && (!filter.level || u.level === filter.level))
      .filter((u) => !filter.parentId || u.parentId === filter.parentId)
      .filter((u) => !needle || foldForSearch(`${u.name} ${u.nameEn ?? ''} ${u.code?.code ?? ''}`).includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { items: matches.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: matches.length };
  }
}

export interface TreeNode extends UnitOnDate {
  children: TreeNode[];
}

/** The tree as it stood on a day, from the roots the caller may see (or from one unit). */
export class GetUnitTree {
  constructor(
    readonly scope: Scope,
    readonly asOf: CalendarDate,
    readonly rootId?: string,
  ) {}
}

@QueryHandler(GetUnitTree)
export class GetUnitTreeHandler implements IQueryHandler<GetUnitTree, { asOf: string; roots: TreeNode[] }> {
  constructor(private readonly directory: UnitDirectory) {}

  async execute({ scope, asOf, rootId }: GetUnitTree): Promise<{ asOf: string; roots: TreeNode[] }> {
    const standing = unitsOn((await this.directory.units()).values(), asOf).filter((u) => seesUnit(scope, u.id));
    const nodes = new Map<string, TreeNode>(standing.map((u) => [u.id, { ...u, children: [] }]));
    const roots: TreeNode[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    const sort = (ns: TreeNode[]) =>
      ns.sort((a, b) => a.name.localeCompare(b.name, 'vi')).forEach((n) => sort(n.children));
    sort(roots);
    if (rootId) {
      const root = nodes.get(rootId);
      if (!root) throw new NotFoundInScopeError(`unit ${rootId} on ${asOf}`);
      return { asOf, roots: [root] };
    }
    return { asOf, roots };
  }
}

/** One unit: as it stood on a day, and its whole recorded history. */
export class GetUnit {
  constructor(
    readonly scope: Scope,
    readonly unitId: string,
    readonly asOf: CalendarDate,
  ) {}
}

@QueryHandler(GetUnit)
export class GetUnitHandler implements IQueryHandler<
  GetUnit,
  { asOf: string; onDate: UnitOnDate | null; history: Unit }
> {
  constructor(private readonly directory: UnitDirectory) {}

  async execute({ scope, unitId, asOf }: GetUnit) {
    const unit = (await this.directory.units()).get(unitId);
    if (!unit || !seesUnit(scope, unitId)) throw new NotFoundInScopeError(`unit ${unitId}`);
    return { asOf, onDate: unitOn(unit, asOf), history: unit };
  }
}

export interface LineageEntry extends LineageLink {
  name: string;
  depth: number;
}

/** Where a unit came from and what it became, followed through every reorganisation. */
export class GetUnitLineage {
  constructor(
    readonly scope: Scope,
    readonly unitId: string,
  ) {}
}

@QueryHandler(GetUnitLineage)
export class GetUnitLineageHandler implements IQueryHandler<
  GetUnitLineage,
  { unitId: string; predecessors: LineageEntry[]; successors: LineageEntry[] }
> {
  constructor(private readonly directory: UnitDirectory) {}

  async execute({ scope, unitId }: GetUnitLineage) {
    const units = await this.directory.units();
    if (!units.has(unitId) || !seesUnit(scope, unitId)) throw new NotFoundInScopeError(`unit ${unitId}`);
    const walk = (side: 'predecessors' | 'successors') => {
      const out: LineageEntry[] = [];
      const seen = new Set([unitId]);
      let frontier = [{ id: unitId, depth: 0 }];
      while (frontier.length > 0) {
        const next: { id: string; depth: number }[] = [];
        for (const { id, depth } of frontier) {
          for (const link of units.get(id)?.[side] ?? []) {
            if (seen.has(link.unitId)) continue;
            seen.add(link.unitId);
            const other = units.get(link.unitId);
            out.push({
              ...link,
              name: other ? other.names[other.names.length - 1].value.name : link.unitId,
              depth: depth + 1,
            });
            next.push({ id: link.unitId, depth: depth + 1 });
          }
        }
        frontier = next;
      }
      return out;
    };
    return { unitId, predecessors: walk('predecessors'), successors: walk('successors') };
  }
}
