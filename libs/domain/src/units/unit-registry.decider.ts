import { CalendarDate, isCalendarDate, previousDay } from '../shared/calendar-date';
import { refuse } from './unit.errors';
import {
  ABOLISHABLE_LEVELS,
  NewUnit,
  UnitDissolved,
  UnitEstablished,
  UnitEvent,
  UnitLevelAbolished,
  UnitPartTransferred,
  UnitReclassified,
  UnitRecoded,
  UnitRenamed,
  UnitReparented,
  UnitsMerged,
  UnitSplit,
} from './unit.events';
import { ancestorsOn, isActiveOn, valueOn } from './unit-timeline';
import { LegalBasis, Unit, UNIT_KINDS, UNIT_LEVELS, UNIT_SUBTYPES, UnitCode } from './unit.types';
import { evolveRegistry, UnitRegistry } from './unit-registry.evolve';

/** A command is the event it asks for, before the registry has checked it. */
type Asks<E extends UnitEvent, T extends string> = { type: T } & E['data'];
export type EstablishUnit = Asks<UnitEstablished, 'EstablishUnit'>;
export type RenameUnit = Asks<UnitRenamed, 'RenameUnit'>;
export type RecodeUnit = Asks<UnitRecoded, 'RecodeUnit'>;
export type ReclassifyUnit = Asks<UnitReclassified, 'ReclassifyUnit'>;
export type ReparentUnit = Asks<UnitReparented, 'ReparentUnit'>;
export type MergeUnits = Asks<UnitsMerged, 'MergeUnits'>;
export type SplitUnit = Asks<UnitSplit, 'SplitUnit'>;
export type TransferPart = Asks<UnitPartTransferred, 'TransferPart'>;
export type DissolveUnit = Asks<UnitDissolved, 'DissolveUnit'>;
export type AbolishLevel = Asks<UnitLevelAbolished, 'AbolishLevel'>;
export type UnitCommand =
  | EstablishUnit
  | RenameUnit
  | RecodeUnit
  | ReclassifyUnit
  | ReparentUnit
  | MergeUnits
  | SplitUnit
  | TransferPart
  | DissolveUnit
  | AbolishLevel;

export { initialRegistry, evolveRegistry, foldRegistry } from './unit-registry.evolve';
export type { UnitRegistry } from './unit-registry.evolve';

const required = (s: UnitRegistry, id: string): Unit => s.units.get(id) ?? refuse('unit-not-found', `no unit ${id}`);

const activeOn = (s: UnitRegistry, id: string, date: CalendarDate): Unit => {
  const u = required(s, id);
  if (!isActiveOn(u, date))
    refuse(
      'unit-not-active',
      `unit ${id} (${valueOn(u.names, date)?.name ?? u.names[0].value.name}) does not exist on ${date}`,
    );
  return u;
};

const checkDate = (date: CalendarDate, what = 'effectiveOn') => {
  if (!isCalendarDate(date)) refuse('invalid-change', `${what} must be a calendar date (YYYY-MM-DD), not "${date}"`);
};

const checkBasis = (b: LegalBasis | null | undefined) => {
  if (!b) return refuse('invalid-change', 'a legal basis (document number, date, issuer) is required');
  if (!b.number?.trim() || !b.issuer?.trim())
    refuse('invalid-change', 'the legal basis needs a document number and an issuer');
  if (b.date !== null) checkDate(b.date, 'legalBasis.date');
};

/** A recorded share of a part (of area or population): more than nothing, at most the whole; a whole unit has none. */
const checkShare = (share: number | null | undefined, whole: boolean, unitId: string) => {
  if (share === undefined || share === null) return;
  if (whole) refuse('invalid-change', `${unitId} passes whole: a share is only for a part`);
  if (typeof share !== 'number' || !(share > 0 && share <= 1))
    refuse('invalid-change', `the share of ${unitId} is a number above 0 and at most 1`);
};

const checkCodeFree = (
  s: UnitRegistry,
  code: UnitCode | null | undefined,
  date: CalendarDate,
  except: string[] = [],
) => {
  if (!code) return;
  if (!code.code?.trim() || !code.table?.trim()) refuse('invalid-change', 'a code needs its value and its code table');
  for (const u of s.units.values()) {
    if (except.includes(u.id) || !isActiveOn(u, date)) continue;
    const c = valueOn(u.codes, date);
    if (c && c.code === code.code && c.table === code.table)
      refuse('code-in-use', `code ${code.table}:${code.code} belongs to ${u.id} on ${date}`);
  }
};

const checkNewUnit = (s: UnitRegistry, n: NewUnit, date: CalendarDate, replacing: string[] = []) => {
  if (!n.unitId?.trim()) refuse('invalid-change', 'a new unit needs an id');
  if (s.units.has(n.unitId)) refuse('unit-exists', `unit ${n.unitId} already exists`);
  if (!n.name?.trim()) refuse('invalid-change', 'a unit needs a name');
  if (!UNIT_KINDS.includes(n.kind)) refuse('invalid-change', `"${n.kind}" is not a unit kind`);
  if (!UNIT_LEVELS.includes(n.level)) refuse('invalid-change', `"${n.level}" is not a level`);
  if (n.subtype && !UNIT_SUBTYPES.includes(n.subtype)) refuse('invalid-change', `"${n.subtype}" is not a unit subtype`);
  if (n.parentId && !replacing.includes(n.parentId)) {
    const p = s.units.get(n.parentId);
    if (!p || !isActiveOn(p, date)) refuse('parent-not-active', `parent ${n.parentId} does not exist on ${date}`);
  }
  checkCodeFree(s, n.code, date, replacing);
};

const activeChildren = (s: UnitRegistry, id: string, date: CalendarDate): Unit[] =>
  [...s.units.values()].filter((u) => isActiveOn(u, date) && valueOn(u.parents, date) === id);

/**
 * Decides a change to the organisation tree. Dates are the law's effective days; the time it
 * was recorded is the store's. Returns the events, or throws UnitRegistryError.
 */
export const decideUnits = (c: UnitCommand, s: UnitRegistry): UnitEvent[] => {
  const { type, ...data } = c;
  switch (c.type) {
    case 'EstablishUnit': {
      checkDate(c.effectiveOn);
      if (!c.asExisting) checkBasis(c.legalBasis);
      checkNewUnit(s, c, c.effectiveOn);
      return [
        {
          type: 'unit.established.v1',
          data: { ...(data as UnitEstablished['data']), legalBasis: c.legalBasis ?? null, asExisting: !!c.asExisting },
        },
      ];
    }
    case 'RenameUnit':
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.unitId, c.effectiveOn);
      if (!c.name?.trim()) refuse('invalid-change', 'a unit needs a name');
      return [{ type: 'unit.renamed.v1', data: data as UnitRenamed['data'] }];
    case 'RecodeUnit':
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.unitId, c.effectiveOn);
      checkCodeFree(s, c.code, c.effectiveOn, [c.unitId]);
      return [{ type: 'unit.recoded.v1', data: data as UnitRecoded['data'] }];
    case 'ReclassifyUnit':
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.unitId, c.effectiveOn);
      if (!UNIT_KINDS.includes(c.kind) || !UNIT_LEVELS.includes(c.level))
        refuse('invalid-change', 'unknown kind or level');
      return [{ type: 'unit.reclassified.v1', data: data as UnitReclassified['data'] }];
    case 'ReparentUnit': {
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.unitId, c.effectiveOn);
      if (c.parentId !== null) {
        activeOn(s, c.parentId, c.effectiveOn);
        if (c.parentId === c.unitId || ancestorsOn(s.units, c.parentId, c.effectiveOn).includes(c.unitId)) {
          refuse('parent-cycle', `${c.parentId} is under ${c.unitId}: the tree would loop`);
        }
      }
      return [{ type: 'unit.reparented.v1', data: data as UnitReparented['data'] }];
    }
    case 'MergeUnits': {
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      if (c.predecessors.length < 1) refuse('invalid-change', 'a merger needs predecessors');
      const successorId = c.successor.unitId;
      const continuing = 'name' in c.successor ? null : successorId;
      if (continuing && !c.predecessors.some((p) => p.unitId === continuing))
        refuse('invalid-change', 'an existing successor must be one of the predecessors');
      if (c.predecessors.length < 2) refuse('invalid-change', 'a merger joins at least two units');
      for (const p of c.predecessors) {
        checkShare(p.share, p.whole, p.unitId);
        const u = required(s, p.unitId);
        // A unit taken in part may go into several mergers on the same day.
        const partlyGone =
          u.ended?.on === c.effectiveOn && u.successors.some((l) => !l.whole && l.on === c.effectiveOn);
        if (!isActiveOn(u, c.effectiveOn) && !(partlyGone && !p.whole)) activeOn(s, p.unitId, c.effectiveOn);
      }
      if ('name' in c.successor)
        checkNewUnit(
          s,
          c.successor,
          c.effectiveOn,
          c.predecessors.map((p) => p.unitId),
        );
      return [{ type: 'units.merged.v1', data: data as UnitsMerged['data'] }];
    }
    case 'SplitUnit': {
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.unitId, c.effectiveOn);
      if (c.successors.length < 2) refuse('invalid-change', 'a split makes at least two units');
      for (const n of c.successors) checkShare((n as { share?: number | null }).share, false, n.unitId);
      const shares = c.successors
        .map((n) => (n as { share?: number | null }).share)
        .filter((x): x is number => typeof x === 'number');
      if (shares.reduce((a, b) => a + b, 0) > 1 + 1e-9)
        refuse('invalid-change', 'the shares of a split add up to more than the whole');
      if (activeChildren(s, c.unitId, c.effectiveOn).length > 0)
        refuse('has-active-children', `move the units under ${c.unitId} before splitting it`);
      const ids = new Set<string>();
      for (const n of c.successors) {
        if (ids.has(n.unitId)) refuse('invalid-change', `successor ${n.unitId} appears twice`);
        ids.add(n.unitId);
        checkNewUnit(s, n, c.effectiveOn, [c.unitId]);
      }
      return [{ type: 'unit.split.v1', data: data as UnitSplit['data'] }];
    }
    case 'TransferPart':
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.fromUnitId, c.effectiveOn);
      activeOn(s, c.toUnitId, c.effectiveOn);
      if (c.fromUnitId === c.toUnitId) refuse('invalid-change', 'a part passes between two different units');
      return [{ type: 'unit.part-transferred.v1', data: data as UnitPartTransferred['data'] }];
    case 'DissolveUnit':
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      activeOn(s, c.unitId, c.effectiveOn);
      if (activeChildren(s, c.unitId, c.effectiveOn).length > 0)
        refuse('has-active-children', `move the units under ${c.unitId} before dissolving it`);
      return [{ type: 'unit.dissolved.v1', data: data as UnitDissolved['data'] }];
    case 'AbolishLevel': {
      checkDate(c.effectiveOn);
      checkBasis(c.legalBasis);
      if (!ABOLISHABLE_LEVELS.includes(c.level)) refuse('invalid-change', `the ${c.level} level cannot be abolished`);
      const day = previousDay(c.effectiveOn);
      const affected = [...s.units.values()].filter(
        (u) =>
          isActiveOn(u, day) && isActiveOn(u, c.effectiveOn) && valueOn(u.classes, c.effectiveOn)?.level === c.level,
      );
      if (affected.length === 0) refuse('invalid-change', `no unit of the ${c.level} level exists on ${c.effectiveOn}`);
      return [{ type: 'units.level-abolished.v1', data: data as UnitLevelAbolished['data'] }];
    }
  }
};

/** Applies a whole command to a registry: what a seed or a test does with several in a row. */
export const applyUnitCommands = (
  s: UnitRegistry,
  commands: UnitCommand[],
): { state: UnitRegistry; events: UnitEvent[] } => {
  const events: UnitEvent[] = [];
  let state = s;
  for (const c of commands) {
    for (const e of decideUnits(c, state)) {
      state = evolveRegistry(state, e);
      events.push(e);
    }
  }
  return { state, events };
};
