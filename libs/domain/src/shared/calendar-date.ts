/** A calendar date, `YYYY-MM-DD`, as the law states it (the day in Vietnam). */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isCalendarDate = (s: unknown): s is CalendarDate => {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** Vietnam has kept UTC+7, without daylight saving, since 1975. */
export const VIETNAM_OFFSET = '+07:00';

/** The instant a calendar day starts in Vietnam: "effective from 1 July 2025" is 2025-06-30T17:00Z. */
export const startOfDayInVietnam = (date: CalendarDate): string =>
  new Date(`${date}T00:00:00${VIETNAM_OFFSET}`).toISOString();

/** The calendar day in Vietnam of an instant. */
export const vietnamDateOf = (instant: Date): CalendarDate =>
  new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The day before, for "the day before it ended". */
export const previousDay = (date: CalendarDate): CalendarDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
