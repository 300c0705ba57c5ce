import { CalendarDate, vietnamDateOf } from './calendar-date';

/** A calendar day as Vietnamese administration writes it: `2023-11-15` → `15/11/2023`. */
export const viDate = (day: CalendarDate): string => {
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** An instant as a day and time in Vietnam: `2023-11-14T17:30:00Z` → `15/11/2023 00:30`. */
export const viDateTime = (instant: string): string => {
  const local = new Date(Date.parse(instant) + 7 * 3600_000).toISOString();
  return `${viDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
};

/**
 * A deadline as the plan words it. A deadline is the instant its day starts in Vietnam ("trước ngày
 * 15 tháng 11" is 15 November 00:00, 2023-11-14T17:00Z); the words name that day, not the day before:
 * `2023-11-14T17:00:00Z` → `trước ngày 15/11/2023`.
 */
export const deadlineWords = (instant: string): string => `trước ngày ${viDate(vietnamDateOf(new Date(instant)))}`;
