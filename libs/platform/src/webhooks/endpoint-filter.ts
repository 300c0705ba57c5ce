import { CalendarDate, Grant, scopeOf, SEAL_TYPE, Unit } from '@gl/domain';
import type { LogFilter } from '@gl/event-store';
import type { EndpointSettings } from '@gl/read-models';

type Interest = Pick<EndpointSettings, 'eventTypes' | 'categories' | 'unitIds'>;

/** Whether an endpoint asks for a type: a prefix of its types, or its category (the first segment); nothing asked: every type. */
export const wantsType = (s: Interest, type: string): boolean =>
  (s.eventTypes.length === 0 && s.categories.length === 0) ||
  s.eventTypes.some((p) => type.startsWith(p)) ||
  s.categories.includes(type.split('.')[0]);

/** The same choice of types as a read filter of the log, so the store skips the rest (undefined: every type). */
export const logFilterOf = (s: Interest): LogFilter | undefined =>
  s.eventTypes.length === 0 && s.categories.length === 0
    ? undefined
    : { typePrefixes: [...s.eventTypes, ...s.categories.map((c) => `${c}.`)] };

/**
 * The units an endpoint receives events of: its units with their subtrees, as a viewer granted them
 * would read them (`scopeOf`), on `today`; null when it names none (every unit).
 */
export const reachOf = (s: Interest, units: ReadonlyMap<string, Unit>, today: CalendarDate): Set<string> | null => {
  if (s.unitIds.length === 0) return null;
  const grants: Grant[] = s.unitIds.map((unitId) => ({
    role: 'viewer',
    unitId,
    from: '0000-01-01',
    until: null,
    grantedBy: 'webhooks',
    revokedBy: null,
  }));
  return scopeOf(grants, units, today).reads;
};

/**
 * Does the endpoint want this event: its type asked for, and one of its subject units within the
 * endpoint's reach. Seals (`audit.sealed.v1`) are about the whole log: every endpoint asking for
 * their type or the `audit` category receives them, whatever its units.
 */
export const wantsEvent = (
  s: Interest,
  reach: ReadonlySet<string> | null,
  type: string,
  subjectUnitIds: readonly string[],
): boolean => wantsType(s, type) && (type === SEAL_TYPE || reach === null || subjectUnitIds.some((u) => reach.has(u)));
