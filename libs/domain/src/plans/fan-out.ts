import type { CalendarDate } from '../shared/calendar-date';
import { subtreeOn, unitOn } from '../units/unit-timeline';
import type { Unit, UnitKind } from '../units/unit.types';
import { Addressee, TaskDefinition, TaskRole, UnitGroup } from './plan.events';

const GROUP_KINDS: Record<UnitGroup, UnitKind[]> = {
  'every-department': ['department'],
  'every-district-peoples-committee': ['district'],
  'every-commune-peoples-committee': ['commune'],
  'every-state-enterprise': ['state-enterprise'],
  'every-enterprise': ['state-enterprise', 'non-state-enterprise'],
  'every-public-service-unit': ['public-service-unit'],
  'every-media': ['media'],
};

/** Whom a task, a reporting regime or a line of the distribution list addresses. */
export type Addressees = Pick<TaskDefinition, 'lead' | 'performers' | 'coordinating'>;

export interface Target {
  unitId: string;
  role: TaskRole;
}

/**
 * Who a task asks something of, on a day: each named unit, and each unit of each group under the
 * issuer as the tree stands that day. A unit named in several roles keeps the first of lead,
 * performer, coordinating.
 */
export const fanOut = (
  task: Addressees,
  issuerUnitId: string,
  units: ReadonlyMap<string, Unit>,
  on: CalendarDate,
): Target[] => {
  const under = subtreeOn(units.values(), issuerUnitId, on);
  const resolve = (a: Addressee): string[] => {
    if ('unitId' in a) {
      const u = units.get(a.unitId);
      return u && unitOn(u, on) ? [a.unitId] : [];
    }
    const kinds = GROUP_KINDS[a.group];
    return [...under]
      .filter((id) => {
        const u = units.get(id);
        const on_ = u && unitOn(u, on);
        return !!on_ && kinds.includes(on_.kind);
      })
      .sort();
  };
  const out = new Map<string, TaskRole>();
  const add = (list: Addressee[], role: TaskRole) => {
    for (const a of list) for (const id of resolve(a)) if (!out.has(id)) out.set(id, role);
  };
  add(task.lead, 'lead');
  add(task.performers, 'performer');
  add(task.coordinating, 'coordinating');
  return [...out].map(([unitId, role]) => ({ unitId, role }));
};
