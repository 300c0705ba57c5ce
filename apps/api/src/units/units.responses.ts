import { Day, Id, Line, LineageLinkSchema, List, Obj, Static, Type, UnitOnDateSchema, UnitSchema } from '@gl/domain';
import { PageOf, WriteResultWith } from '../shared/common.schemas';

/* What the tree's reads answer, from the domain's own shapes of a unit; and what a change answers. */

export const UnitsPage = PageOf(UnitOnDateSchema);

/** A unit as it stood on the day, with the units under it then: the tree has no fixed depth. */
export const UnitTreeNode = Type.Recursive(
  (node) => Obj({ ...UnitOnDateSchema.properties, children: List(node, 100_000) }),
  { $id: 'UnitTreeNode' },
);

export const UnitTree = Obj({ asOf: Day(), roots: List(UnitTreeNode, 100_000) });

export const UnitAnswer = Obj({
  asOf: Day(),
  onDate: Type.Union([UnitOnDateSchema, Type.Null()], {
    description: 'The unit as it stood that day; null when it did not exist then',
  }),
  history: UnitSchema,
});

const LineageEntry = Obj({
  ...LineageLinkSchema.properties,
  name: Line(200, { description: "The other unit's latest name" }),
  depth: Type.Integer({
    minimum: 1,
    maximum: 10_000,
    description: '1 for a direct predecessor or successor, 2 for theirs, …',
  }),
});
export const UnitLineage = Obj({
  unitId: Id(),
  predecessors: List(LineageEntry, 100_000),
  successors: List(LineageEntry, 100_000),
});

/** A change answers where it was written, and the unit it made or kept (establishing, merging). */
export const UnitWriteResult = WriteResultWith({ unitId: Type.Optional(Id()) });

export type UnitTree = Static<typeof UnitTree>;
export type UnitAnswer = Static<typeof UnitAnswer>;
export type UnitLineage = Static<typeof UnitLineage>;
