import type { TProperties } from '@sinclair/typebox';
import type { EventOf, EventsOf } from '../shared/event';
import { Id, Line, List, Nullable, Obj, OneOf, Prose, RealDay, Static, Type } from '../shared/schema';
import { LegalBasisSchema, UnitCodeSchema, UnitKindSchema, UnitLevelSchema, UnitSubtypeSchema } from './unit.types';

/** All unit events live in one stream: reorganisations change many units at once (ADR 0005). */
export const UNIT_REGISTRY_STREAM = 'units-registry';

/** A unit's name; an English name may be left empty. */
const Name = () => Line(200, { examples: ['Phường Tân An'] });
const NameEn = () => Type.Optional(Nullable(Line(200, { minLength: 0, examples: ['Tan An Ward'] })));

/** A new unit, as its founding act describes it. */
export const NewUnitSchema = Obj({
  unitId: Id({ description: 'Stable internal id, apart from the official code and the name' }),
  name: Name(),
  nameEn: NameEn(),
  code: Type.Optional(Nullable(UnitCodeSchema)),
  kind: UnitKindSchema,
  subtype: Type.Optional(Nullable(UnitSubtypeSchema)),
  level: UnitLevelSchema,
  parentId: Nullable(Id()),
});
export type NewUnit = Static<typeof NewUnitSchema>;

/** For a part: the share of the unit (of its area or population) that went, where the act records it. */
const Share = () =>
  Type.Optional(
    Nullable(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          'For a part: the share (0 < share ≤ 1) of the unit, of its area or population, where the act records it',
      }),
    ),
  );

/** A change that takes effect on a day, on a legal basis. */
export const EffectiveSchema = Obj({
  effectiveOn: RealDay({ examples: ['2025-07-01'] }),
  legalBasis: LegalBasisSchema,
});
const effective = <P extends TProperties>(p: P) => Obj({ ...p, ...EffectiveSchema.properties });

/** The levels a whole of which may end: the central level stays. */
export const ABOLISHABLE_LEVELS = ['city', 'district', 'commune'] as const;

/** The events of the organisation tree, each data shape defined once: its type, validation and JSON Schema. */
export const UNIT_EVENTS = {
  'unit.established.v1': Obj({
    ...NewUnitSchema.properties,
    effectiveOn: RealDay({ description: 'The day it was founded, or, recorded as existing, the day it is known from' }),
    /** Absent only when the unit is recorded as already existing. */
    legalBasis: Nullable(LegalBasisSchema),
    asExisting: Type.Boolean({
      description: 'The registry records a unit that existed before it (no founding act recorded)',
    }),
  }),
  'unit.renamed.v1': effective({ unitId: Id(), name: Name(), nameEn: NameEn() }),
  'unit.recoded.v1': effective({ unitId: Id(), code: Nullable(UnitCodeSchema) }),
  'unit.reclassified.v1': effective({
    unitId: Id(),
    kind: UnitKindSchema,
    subtype: Nullable(UnitSubtypeSchema),
    level: UnitLevelSchema,
  }),
  'unit.reparented.v1': effective({ unitId: Id(), parentId: Nullable(Id()) }),
  /**
   * n → 1. Predecessors end (unless one of them is the successor, which continues); a predecessor
   * taken in part may go on into another merger on the same day. Active children of an ended
   * predecessor pass to the successor.
   */
  'units.merged.v1': effective({
    predecessors: List(
      Obj({
        unitId: Id(),
        whole: Type.Boolean({ description: 'Whole (toàn bộ) or part (một phần) of the unit' }),
        share: Share(),
      }),
      50,
      2,
    ),
    successor: Type.Union([NewUnitSchema, Obj({ unitId: Id() })], {
      description: 'A new unit, or an existing one (one of the predecessors) that absorbs the others',
    }),
  }),
  /** 1 → n: the unit ends; its parts become new units. */
  'unit.split.v1': effective({
    unitId: Id(),
    successors: List(Obj({ ...NewUnitSchema.properties, share: Share() }), 20, 2),
  }),
  /** Part of one unit passes to another; both go on. */
  'unit.part-transferred.v1': effective({ fromUnitId: Id(), toUnitId: Id(), description: Prose(1000) }),
  'unit.dissolved.v1': effective({ unitId: Id() }),
  /**
   * A whole level ends (e.g. the district level, from 1 July 2025): every unit of it ends, and its
   * active children pass to its parent.
   */
  'units.level-abolished.v1': effective({ level: OneOf(ABOLISHABLE_LEVELS) }),
};

type M = typeof UNIT_EVENTS;
export type UnitEvent = EventsOf<M>;
export type UnitEstablished = EventOf<M, 'unit.established.v1'>;
export type UnitRenamed = EventOf<M, 'unit.renamed.v1'>;
export type UnitRecoded = EventOf<M, 'unit.recoded.v1'>;
export type UnitReclassified = EventOf<M, 'unit.reclassified.v1'>;
export type UnitReparented = EventOf<M, 'unit.reparented.v1'>;
export type UnitsMerged = EventOf<M, 'units.merged.v1'>;
export type UnitSplit = EventOf<M, 'unit.split.v1'>;
export type UnitPartTransferred = EventOf<M, 'unit.part-transferred.v1'>;
export type UnitDissolved = EventOf<M, 'unit.dissolved.v1'>;
export type UnitLevelAbolished = EventOf<M, 'units.level-abolished.v1'>;

export const UNIT_EVENT_TYPES = Object.keys(UNIT_EVENTS) as UnitEvent['type'][];
