import type { CalendarDate } from '../shared/calendar-date';
import { Day, Id, Line, List, Nullable, Obj, OneOf, RealDay, Static, TSchema, Type } from '../shared/schema';

export const UNIT_KINDS = [
  'ministry',
  'ministry-department',
  'city-peoples-committee',
  'peoples-council',
  'department',
  'public-service-unit',
  'state-enterprise',
  'non-state-enterprise',
  'district',
  'commune',
  'fatherland-front',
  'labour-federation',
  'media',
  'other',
] as const;
export const UnitKindSchema = OneOf(UNIT_KINDS, { description: 'Đơn vị: the kind of unit the plan speaks to' });
/** Đơn vị: the kinds of unit the plan speaks to. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** quận / huyện for districts; phường / xã / thị trấn for communes. */
export const UNIT_SUBTYPES = ['quan', 'huyen', 'thi-xa', 'thanh-pho', 'phuong', 'xa', 'thi-tran', 'dac-khu'] as const;
export const UnitSubtypeSchema = OneOf(UNIT_SUBTYPES, {
  description: 'quận, huyện, thị xã, thành phố (districts); phường, xã, thị trấn, đặc khu (communes)',
});
export type UnitSubtype = (typeof UNIT_SUBTYPES)[number];

export const UNIT_LEVELS = ['central', 'city', 'district', 'commune'] as const;
export const UnitLevelSchema = OneOf(UNIT_LEVELS, {
  description: 'Cấp: central, city/province (cấp tỉnh), district (cấp huyện), commune (cấp xã)',
});
/** Cấp: central, city/province (cấp tỉnh), district (cấp huyện), commune (cấp xã). */
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * The document a change rests on (căn cứ pháp lý): number, date, issuer. The date is null when it is
 * not known (the seed marks such cases); a title may be left empty.
 */
export const LegalBasisSchema = Obj(
  {
    number: Line(100, { examples: ['1668/NQ-UBTVQH15'] }),
    date: Nullable(RealDay({ examples: ['2025-06-16'] })),
    issuer: Line(200, { examples: ['Ủy ban Thường vụ Quốc hội'] }),
    title: Type.Optional(Line(500, { minLength: 0 })),
  },
  { description: 'Căn cứ pháp lý: the document a change rests on' },
);
export type LegalBasis = Static<typeof LegalBasisSchema>;

/** An official code in a code table (e.g. `gso-dvhc`: the statistics office's administrative unit codes). */
export const UnitCodeSchema = Obj({
  code: Line(50, { examples: ['31135'] }),
  table: Line(50, { examples: ['gso-dvhc'] }),
});
export type UnitCode = Static<typeof UnitCodeSchema>;

/** A value and the day from which it holds. */
export const DatedSchema = <T extends TSchema>(value: T) => Obj({ value, from: Day() });
export interface Dated<T> {
  value: T;
  from: CalendarDate;
}

export const ClassificationSchema = Obj({
  kind: UnitKindSchema,
  subtype: Nullable(UnitSubtypeSchema),
  level: UnitLevelSchema,
});
export type Classification = Static<typeof ClassificationSchema>;

/** A link in a unit's lineage: the other unit, and whether the whole of it (or a part) passed. */
export const LineageLinkSchema = Obj({
  unitId: Id(),
  whole: Type.Boolean(),
  on: Day(),
  how: OneOf(['merger', 'split', 'part-transfer', 'level-abolition', 'dissolution']),
  share: Type.Optional(
    Nullable(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          'For a part: the share of the old unit that passed (of its area or population), where the act records one',
      }),
    ),
  ),
});
export type LineageLink = Static<typeof LineageLinkSchema>;

export const END_REASONS = ['merged', 'split', 'dissolved', 'level-abolished'] as const;
export type EndReason = (typeof END_REASONS)[number];

/*
 * A unit's history grows by one entry a recorded change; a merger or a level abolished links one
 * unit to hundreds. The bounds are far above any act's, so that they only stop a runaway.
 */
const HISTORY = 1000;
const LINKS = 100_000;

/** Everything the registry knows of one unit, with the dates from which each fact holds. */
export const UnitSchema = Obj({
  id: Id(),
  establishedOn: Day(),
  asExisting: Type.Boolean({
    description: 'True when the registry recorded a unit that already existed (no founding act recorded)',
  }),
  names: List(DatedSchema(Obj({ name: Line(200), nameEn: Nullable(Line(200, { minLength: 0 })) })), HISTORY, 1),
  codes: List(DatedSchema(Nullable(UnitCodeSchema)), HISTORY, 1),
  classes: List(DatedSchema(ClassificationSchema), HISTORY, 1),
  parents: List(DatedSchema(Nullable(Id())), HISTORY, 1),
  ended: Nullable(Obj({ on: Day(), reason: OneOf(END_REASONS) })),
  predecessors: List(LineageLinkSchema, LINKS),
  successors: List(LineageLinkSchema, LINKS),
});
export type Unit = Static<typeof UnitSchema>;

/** A unit as it stood on one day. */
export const UnitOnDateSchema = Obj({
  id: Id(),
  name: Line(200),
  nameEn: Nullable(Line(200, { minLength: 0 })),
  code: Nullable(UnitCodeSchema),
  ...ClassificationSchema.properties,
  parentId: Nullable(Id()),
});
export type UnitOnDate = Static<typeof UnitOnDateSchema>;
