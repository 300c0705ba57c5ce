import { CalendarDate, isActiveOn, Unit, UnitRegistry, valueOn } from '@gl/domain';

const nameOf = (u: Unit, day: CalendarDate): string => (valueOn(u.names, day) ?? u.names[0]?.value)?.name ?? u.id;

const lifeOf = (u: Unit): string =>
  u.ended
    ? `it stood from ${u.establishedOn} until ${u.ended.on} (${u.ended.reason})`
    : `it stands from ${u.establishedOn}`;

/**
 * Why a command may not name a unit on a day, or null when the unit stood that day. The message
 * says what is wrong in the plan's terms, for a problem's detail; callers raise their own error.
 */
export const whyNotStandingOn = (registry: UnitRegistry, unitId: string, day: CalendarDate): string | null => {
  const u = registry.units.get(unitId);
  if (!u) return `no unit ${unitId} is recorded in the organisation tree`;
  return isActiveOn(u, day) ? null : `unit ${unitId} (${nameOf(u, day)}) did not exist on ${day}: ${lifeOf(u)}`;
};

/** As whyNotStandingOn, for what speaks of a year rather than a day: the unit stood on some day of it. */
export const whyNotStandingIn = (registry: UnitRegistry, unitId: string, year: number): string | null => {
  const u = registry.units.get(unitId);
  if (!u) return `no unit ${unitId} is recorded in the organisation tree`;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const stood = u.establishedOn <= last && (u.ended === null || first < u.ended.on);
  return stood ? null : `unit ${unitId} (${nameOf(u, last)}) did not exist in ${year}: ${lifeOf(u)}`;
};
