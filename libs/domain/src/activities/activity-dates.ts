import type { CalendarDate } from '../shared/calendar-date';
import type { ActivityEvent } from './activity.events';

type DataOf<T extends ActivityEvent['type']> = Extract<ActivityEvent, { type: T }>['data'];

/**
 * The business day of every activity event (the day the thing happened, as the unit says it did),
 * one entry per type so that a new type cannot be added without saying which of its fields, if any,
 * is its day. `null`: the event carries no day of its own (a legal review, the budget steps, a
 * correction or a withdrawal happen when they are recorded). Stamped as `metadata.occurredAt`, and
 * the days the decider keeps in order.
 */
export const BUSINESS_DAY: { [T in ActivityEvent['type']]: (d: DataOf<T>) => CalendarDate | null } = {
  'conference.held.v1': (d) => d.heldOn,
  // A month's publication happened over days; it began with its first item.
  'media.items-published.v1': (d) => d.items.map((i) => i.publishedOn).sort()[0] ?? null,
  'training.held.v1': (d) => d.startsOn,
  'resolution.drafted.v1': (d) => d.draftedOn,
  'resolution.consulted.v1': (d) => d.consultedOn,
  'resolution.submitted.v1': (d) => d.submittedOn,
  'resolution.adopted.v1': (d) => d.adoptedOn,
  'resolution.returned.v1': (d) => d.returnedOn,
  'regulation.issued.v1': (d) => d.issuedOn,
  'regulation.amended.v1': (d) => d.issuedOn,
  'regulation.replaced.v1': (d) => d.on,
  'legalreview.recorded.v1': () => null,
  'budget.estimated.v1': () => null,
  'budget.submitted.v1': () => null,
  'budget.approved.v1': () => null,
  'budget.adjusted.v1': () => null,
  'budget.allocated.v1': () => null,
  'budget.spent.v1': () => null,
  'difficulty.raised.v1': (d) => d.raisedOn,
  'difficulty.guidance-given.v1': (d) => d.on,
  'difficulty.escalated.v1': (d) => d.on,
  'difficulty.decided.v1': (d) => d.on,
  'activity.corrected.v1': () => null,
  'activity.withdrawn.v1': () => null,
};

/** The business day of an activity event, or null when it has none (or an unknown type). */
export const businessDayOf = (e: ActivityEvent): CalendarDate | null => {
  const f = BUSINESS_DAY[e.type] as ((d: unknown) => CalendarDate | null) | undefined;
  const v = f ? f(e.data) : null;
  return typeof v === 'string' ? v : null;
};
