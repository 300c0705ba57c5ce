import type { DomainEvent } from '../shared/event';
import type { CalendarDate } from '../shared/calendar-date';
import type { LegalBasis, UnitCode, UnitKind, UnitLevel, UnitSubtype } from './unit.types';

/** All unit events live in one stream: reorganisations change many units at once (ADR 0005). */
export const UNIT_REGISTRY_STREAM = 'units-registry';

/** A new unit, as its founding act describes it. */
export interface NewUnit {
  unitId: string;
  name: string;
  nameEn?: string | null;
  code?: UnitCode | null;
  kind: UnitKind;
  subtype?: UnitSubtype | null;
  level: UnitLevel;
  parentId: string | null;
}

interface Effective {
  effectiveOn: CalendarDate;
  legalBasis: LegalBasis;
}

export type UnitEstablished = DomainEvent<'unit.established.v1', NewUnit & {
  effectiveOn: CalendarDate;
  /** Absent only when the unit is recorded as already existing. */
  legalBasis: LegalBasis | null;
  /** The registry records a unit that existed before it; effectiveOn is the day it is known from. */
  asExisting: boolean;
}>;
export type UnitRenamed = DomainEvent<'unit.renamed.v1', Effective & { unitId: string; name: string; nameEn?: string | null }>;
export type UnitRecoded = DomainEvent<'unit.recoded.v1', Effective & { unitId: string; code: UnitCode | null }>;
export type UnitReclassified = DomainEvent<'unit.reclassified.v1', Effective & {
  unitId: string; kind: UnitKind; subtype: UnitSubtype | null; level: UnitLevel;
}>;
export type UnitReparented = DomainEvent<'unit.reparented.v1', Effective & { unitId: string; parentId: string | null }>;
/**
 * n → 1. Predecessors end (unless one of them is the successor, which continues); a predecessor
 * taken in part may go on into another merger on the same day. Active children of an ended
 * predecessor pass to the successor.
 */
export type UnitsMerged = DomainEvent<'units.merged.v1', Effective & {
  /** `share`: for a part, the share of the predecessor that went into this merger (0–1, of area or population), where recorded. */
  predecessors: { unitId: string; whole: boolean; share?: number | null }[];
  /** A new unit, or an existing one (one of the predecessors) that absorbs the others. */
  successor: NewUnit | { unitId: string };
}>;
/** 1 → n: the unit ends; its parts become new units. */
export type UnitSplit = DomainEvent<'unit.split.v1', Effective & { unitId: string; successors: (NewUnit & { share?: number | null })[] }>;
/** Part of one unit passes to another; both go on. */
export type UnitPartTransferred = DomainEvent<'unit.part-transferred.v1', Effective & {
  fromUnitId: string; toUnitId: string; description: string;
}>;
export type UnitDissolved = DomainEvent<'unit.dissolved.v1', Effective & { unitId: string }>;
/**
 * A whole level ends (e.g. the district level, from 1 July 2025): every unit of it ends, and
 * its active children pass to its parent.
 */
export type UnitLevelAbolished = DomainEvent<'units.level-abolished.v1', Effective & { level: UnitLevel }>;

export type UnitEvent =
  | UnitEstablished | UnitRenamed | UnitRecoded | UnitReclassified | UnitReparented
  | UnitsMerged | UnitSplit | UnitPartTransferred | UnitDissolved | UnitLevelAbolished;

export const UNIT_EVENT_TYPES: UnitEvent['type'][] = [
  'unit.established.v1', 'unit.renamed.v1', 'unit.recoded.v1', 'unit.reclassified.v1', 'unit.reparented.v1',
  'units.merged.v1', 'unit.split.v1', 'unit.part-transferred.v1', 'unit.dissolved.v1', 'units.level-abolished.v1',
];
