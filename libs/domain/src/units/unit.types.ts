import type { CalendarDate } from '../shared/calendar-date';

export const UNIT_KINDS = [
  'ministry', 'ministry-department', 'city-peoples-committee', 'peoples-council', 'department', 'public-service-unit',
  'state-enterprise', 'non-state-enterprise', 'district', 'commune', 'fatherland-front', 'labour-federation', 'media', 'other',
] as const;
/** Đơn vị: the kinds of unit the plan speaks to. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** quận / huyện for districts; phường / xã / thị trấn for communes. */
export const UNIT_SUBTYPES = ['quan', 'huyen', 'thi-xa', 'thanh-pho', 'phuong', 'xa', 'thi-tran', 'dac-khu'] as const;
export type UnitSubtype = (typeof UNIT_SUBTYPES)[number];

export const UNIT_LEVELS = ['central', 'city', 'district', 'commune'] as const;
/** Cấp: central, city/province (cấp tỉnh), district (cấp huyện), commune (cấp xã). */
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The document a change rests on (căn cứ pháp lý): number, date, issuer. */
export interface LegalBasis {
  number: string;
  /** Null when the date of the document is not known (the seed marks such cases). */
  date: CalendarDate | null;
  issuer: string;
  title?: string;
}

/** An official code in a code table (e.g. `gso-dvhc`: the statistics office's administrative unit codes). */
export interface UnitCode {
  code: string;
  table: string;
}

/** A value and the day from which it holds. */
export interface Dated<T> {
  value: T;
  from: CalendarDate;
}

export interface Classification {
  kind: UnitKind;
  subtype: UnitSubtype | null;
  level: UnitLevel;
}

/** A link in a unit's lineage: the other unit, and whether the whole of it (or a part) passed. */
export interface LineageLink {
  unitId: string;
  whole: boolean;
  on: CalendarDate;
  how: 'merger' | 'split' | 'part-transfer' | 'level-abolition' | 'dissolution';
  /** For a part: the share of the old unit that passed (of its area or population), where the act records one. */
  share?: number | null;
}

export type EndReason = 'merged' | 'split' | 'dissolved' | 'level-abolished';

/** Everything the registry knows of one unit, with the dates from which each fact holds. */
export interface Unit {
  id: string;
  establishedOn: CalendarDate;
  /** True when the registry recorded a unit that already existed (no founding act recorded). */
  asExisting: boolean;
  names: Dated<{ name: string; nameEn: string | null }>[];
  codes: Dated<UnitCode | null>[];
  classes: Dated<Classification>[];
  parents: Dated<string | null>[];
  ended: { on: CalendarDate; reason: EndReason } | null;
  predecessors: LineageLink[];
  successors: LineageLink[];
}

/** A unit as it stood on one day. */
export interface UnitOnDate extends Classification {
  id: string;
  name: string;
  nameEn: string | null;
  code: UnitCode | null;
  parentId: string | null;
}
