import type { CalendarDate } from '@gl/domain';
import { ActivityDoc, activityDay } from '@gl/read-models';

/** Whether a regulation (quy chế) is in force on a day: in effect by then, and not replaced by then. */
export const inForceOn = (a: ActivityDoc, day: CalendarDate): boolean =>
  a.kind === 'regulation' &&
  (a.fields.effectiveFrom as string) <= day &&
  !(a.fields.replacedOn && (a.fields.replacedOn as string) <= day);

/** A window of days, both ends included; an end left out is open. */
export interface DayWindow {
  from?: CalendarDate;
  to?: CalendarDate;
}

export const inWindow = (day: CalendarDate, w: DayWindow): boolean =>
  (!w.from || w.from <= day) && (!w.to || day <= w.to);

/** Whether an activity happened in a window of days (on its `activityDay`). */
export const happenedIn = (a: ActivityDoc, w: DayWindow): boolean => inWindow(activityDay(a), w);

/** How many of a publication's media items came out in a window (every one of them without a window). */
export const mediaItemsIn = (a: ActivityDoc, w?: DayWindow): number => {
  const items = a.fields.items as { publishedOn: CalendarDate }[];
  return w ? items.filter((i) => inWindow(i.publishedOn, w)).length : items.length;
};
