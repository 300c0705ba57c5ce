import {
  ABOLISHABLE_LEVELS,
  EffectiveSchema,
  Id,
  LegalBasisSchema,
  Line,
  NewUnitSchema,
  Nullable,
  Obj,
  OneOf,
  RealDay,
  Static,
  Type,
  UNIT_EVENTS as E,
  UnitCodeSchema,
  UnitKindSchema,
  UnitLevelSchema,
  UnitSubtypeSchema,
} from '@gl/domain';
import { PAGE_QUERY } from '../shared/common.schemas';

/*
 * What each change to the tree takes over HTTP: the fields of the event it records, from its one
 * definition (the unit acted on comes from the path). Fields the event holds as null may be left out.
 */

const effective = EffectiveSchema.properties;
const optional = <T extends Parameters<typeof Nullable>[0]>(s: T) => Type.Optional(Nullable(s));

/** A new unit: its id is generated (from the Idempotency-Key when given) when absent. */
export const NewUnitBody = Obj({
  ...NewUnitSchema.properties,
  unitId: Type.Optional(Id({ description: 'Stable internal id; generated when absent' })),
  parentId: optional(Id()),
});
export type NewUnitBody = Static<typeof NewUnitBody>;

export const EstablishBody = Obj({
  ...NewUnitBody.properties,
  effectiveOn: E['unit.established.v1'].properties.effectiveOn,
  legalBasis: optional(LegalBasisSchema),
  asExisting: Type.Optional(
    Type.Boolean({
      description: 'Recording a unit that already existed (no founding act): then no legal basis is needed',
    }),
  ),
});
export const RenameBody = Type.Omit(E['unit.renamed.v1'], ['unitId']);
export const RecodeBody = Obj({ code: optional(UnitCodeSchema), ...effective });
export const ReclassifyBody = Obj({
  kind: UnitKindSchema,
  subtype: optional(UnitSubtypeSchema),
  level: UnitLevelSchema,
  ...effective,
});
export const ReparentBody = Obj({ parentId: optional(Id()), ...effective });
export const MergeBody = Obj({
  predecessors: E['units.merged.v1'].properties.predecessors,
  successor: Type.Optional({
    ...NewUnitBody,
    description: 'The new unit; leave it out and give continuingUnitId when one predecessor absorbs the others',
  }),
  continuingUnitId: Type.Optional(Id({ description: 'The predecessor that goes on and absorbs the others' })),
  ...effective,
});
const successors = E['unit.split.v1'].properties.successors;
export const SplitBody = Obj({
  successors: Type.Array(Obj({ ...NewUnitBody.properties, share: successors.items.properties.share }), {
    minItems: successors.minItems,
    maxItems: successors.maxItems,
  }),
  ...effective,
});
export const TransferBody = Type.Omit(E['unit.part-transferred.v1'], ['fromUnitId']);
export const DissolveBody = EffectiveSchema;
export const AbolishBody = Obj({
  level: OneOf(ABOLISHABLE_LEVELS, { description: 'e.g. the district level, from 2025-07-01' }),
  ...effective,
});

export type EstablishBody = Static<typeof EstablishBody>;
export type RenameBody = Static<typeof RenameBody>;
export type RecodeBody = Static<typeof RecodeBody>;
export type ReclassifyBody = Static<typeof ReclassifyBody>;
export type ReparentBody = Static<typeof ReparentBody>;
export type MergeBody = Static<typeof MergeBody>;
export type SplitBody = Static<typeof SplitBody>;
export type TransferBody = Static<typeof TransferBody>;
export type DissolveBody = Static<typeof DissolveBody>;
export type AbolishBody = Static<typeof AbolishBody>;

const AsOf = () => Type.Optional(RealDay({ description: 'The day (YYYY-MM-DD); today in Vietnam when absent' }));

export const AsOfQuery = Obj({ asOf: AsOf() });
export const TreeQuery = Obj({ asOf: AsOf(), rootId: Type.Optional(Id({ description: 'One unit and its subtree' })) });
export const ListUnitsQuery = Obj({
  ...PAGE_QUERY,
  asOf: AsOf(),
  kind: Type.Optional(UnitKindSchema),
  level: Type.Optional(UnitLevelSchema),
  parentId: Type.Optional(Id({ description: 'Direct children of this unit' })),
  underId: Type.Optional(Id({ description: 'Anywhere under this unit (its whole subtree on that day)' })),
  q: Type.Optional(
    Line(100, { description: 'Name or code; ignores diacritics and case ("ninh kieu" finds "Ninh Kiều")' }),
  ),
});
export type AsOfQuery = Static<typeof AsOfQuery>;
export type TreeQuery = Static<typeof TreeQuery>;
export type ListUnitsQuery = Static<typeof ListUnitsQuery>;
