import { withValueFrom, isActiveOn, valueOn } from './unit-timeline';
import { NewUnit, UnitEvent } from './unit.events';
import { CalendarDate } from '../shared/calendar-date';
import { EndReason, LineageLink, Unit } from './unit.types';

/** The whole organisation tree with its history: the registry's state. */
export interface UnitRegistry {
  units: ReadonlyMap<string, Unit>;
}

export const initialRegistry = (): UnitRegistry => ({ units: new Map() });

const created = (n: NewUnit, on: CalendarDate, asExisting: boolean): Unit => ({
  id: n.unitId,
  establishedOn: on,
  asExisting,
  names: [{ value: { name: n.name, nameEn: n.nameEn ?? null }, from: on }],
  codes: [{ value: n.code ?? null, from: on }],
  classes: [{ value: { kind: n.kind, subtype: n.subtype ?? null, level: n.level }, from: on }],
  parents: [{ value: n.parentId, from: on }],
  ended: null,
  predecessors: [],
  successors: [],
});

/** A mutable copy for one event: evolve stays pure towards its caller. */
const draft = (s: UnitRegistry) => {
  const units = new Map(s.units);
  const update = (id: string, f: (u: Unit) => Unit) => {
    const u = units.get(id);
    if (u) units.set(id, f(u));
  };
  const end = (id: string, on: CalendarDate, reason: EndReason) =>
    update(id, (u) => (u.ended ? u : { ...u, ended: { on, reason } }));
  const link = (
    from: string,
    to: string,
    whole: boolean,
    on: CalendarDate,
    how: LineageLink['how'],
    share?: number | null,
  ) => {
    const shared = !whole && typeof share === 'number' ? { share } : {};
    update(from, (u) => ({ ...u, successors: [...u.successors, { unitId: to, whole, on, how, ...shared }] }));
    update(to, (u) => ({ ...u, predecessors: [...u.predecessors, { unitId: from, whole, on, how, ...shared }] }));
  };
  /** Active children of `id` on the day before `on` move to `to` from `on`. */
  const moveChildren = (id: string, to: string | null, on: CalendarDate) => {
    for (const u of units.values()) {
      if (u.ended === null || u.ended.on > on) {
        if (isActiveOn(u, on) && valueOn(u.parents, on) === id)
          units.set(u.id, { ...u, parents: withValueFrom(u.parents, to, on) });
      }
    }
  };
  return { units, update, end, link, moveChildren, done: (): UnitRegistry => ({ units }) };
};

type Draft = ReturnType<typeof draft>;

export const evolveRegistry = (s: UnitRegistry, e: UnitEvent): UnitRegistry => foldRegistry(s, [e]);

/**
 * `events.reduce(evolveRegistry, s)` with one copy of the units instead of one per event: a
 * rebuild's batch holds thousands of unit events, and the copies made it quadratic (issue 17).
 */
export const foldRegistry = (s: UnitRegistry, events: readonly UnitEvent[]): UnitRegistry => {
  const d = draft(s);
  for (const e of events) applyEvent(d, e);
  return d.done();
};

const applyEvent = (d: Draft, e: UnitEvent): void => {
  switch (e.type) {
    case 'unit.established.v1':
      d.units.set(e.data.unitId, created(e.data, e.data.effectiveOn, e.data.asExisting));
      break;
    case 'unit.renamed.v1':
      d.update(e.data.unitId, (u) => ({
        ...u,
        names: withValueFrom(
          u.names,
          { name: e.data.name, nameEn: e.data.nameEn ?? valueOn(u.names, e.data.effectiveOn)?.nameEn ?? null },
          e.data.effectiveOn,
        ),
      }));
      break;
    case 'unit.recoded.v1':
      d.update(e.data.unitId, (u) => ({ ...u, codes: withValueFrom(u.codes, e.data.code, e.data.effectiveOn) }));
      break;
    case 'unit.reclassified.v1':
      d.update(e.data.unitId, (u) => ({
        ...u,
        classes: withValueFrom(
          u.classes,
          { kind: e.data.kind, subtype: e.data.subtype, level: e.data.level },
          e.data.effectiveOn,
        ),
      }));
      break;
    case 'unit.reparented.v1':
      d.update(e.data.unitId, (u) => ({
        ...u,
        parents: withValueFrom(u.parents, e.data.parentId, e.data.effectiveOn),
      }));
      break;
    case 'units.merged.v1': {
      const on = e.data.effectiveOn;
      const successor = e.data.successor;
      if ('name' in successor) d.units.set(successor.unitId, created(successor, on, false));
      for (const p of e.data.predecessors) {
        if (p.unitId === successor.unitId) continue;
        d.link(p.unitId, successor.unitId, p.whole, on, 'merger', p.share);
        d.end(p.unitId, on, 'merged');
        d.moveChildren(p.unitId, successor.unitId, on);
      }
      break;
    }
    case 'unit.split.v1':
      for (const n of e.data.successors) {
        d.units.set(n.unitId, created(n, e.data.effectiveOn, false));
        d.link(e.data.unitId, n.unitId, false, e.data.effectiveOn, 'split', n.share);
      }
      d.end(e.data.unitId, e.data.effectiveOn, 'split');
      break;
    case 'unit.part-transferred.v1':
      d.link(e.data.fromUnitId, e.data.toUnitId, false, e.data.effectiveOn, 'part-transfer');
      break;
    case 'unit.dissolved.v1':
      d.end(e.data.unitId, e.data.effectiveOn, 'dissolved');
      break;
    case 'units.level-abolished.v1': {
      const on = e.data.effectiveOn;
      for (const u of [...d.units.values()]) {
        if (!isActiveOn(u, on) || valueOn(u.classes, on)?.level !== e.data.level) continue;
        const parent = valueOn(u.parents, on) ?? null;
        d.moveChildren(u.id, parent, on);
        d.end(u.id, on, 'level-abolished');
      }
      break;
    }
  }
};
