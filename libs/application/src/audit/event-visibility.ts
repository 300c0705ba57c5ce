import { canRead, Scope } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { seesAll } from '../shared/read-helpers';

/**
 * The unit an event is about: the unit it records something for (data.unitId, a plan's issuer, a
 * transfer's source), else the unit of the person who recorded it.
 */
export const unitOfEvent = (e: RecordedEvent): string | null => {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const named = d.unitId ?? d.issuerUnitId ?? d.fromUnitId;
  return typeof named === 'string' ? named : e.metadata.actor.unitId;
};

/** Auditors (and the system) see every event; everyone else, the events of units in their scope. */
export const visibleTo = (scope: Scope, e: RecordedEvent): boolean => {
  if (seesAll(scope)) return true;
  const unit = unitOfEvent(e);
  return unit !== null && canRead(scope, unit);
};
