import { CalendarDate, isCalendarDate, startOfDayInVietnam, vietnamDateOf } from '../shared/calendar-date';
import { Day, List, Obj, OneOf, Static, Type, Year } from '../shared/schema';

/** A quarter of a year, 1 to 4. */
const Quarter = () => Type.Integer({ minimum: 1, maximum: 4 });
const Month = () => Type.Integer({ minimum: 1, maximum: 12 });
const kind = <K extends string>(k: K) => Type.Literal(k);

/**
 * A task's time (thời gian thực hiện) as the plan words it, and the deadline it gives. Deadlines
 * are instants: "before 15 November" is 00:00 on 15 November in Vietnam (14 November 17:00 UTC);
 * "by Q4 2023" is 00:00 on 1 January 2024 in Vietnam. Each kind is one shape, told apart by `kind`;
 * whether a day of the year exists (30 February) is the decider's rule (`validateTimeFrame`).
 */
export const TimeFrameSchema = Type.Union(
  [
    Obj(
      { kind: kind('quarters'), year: Year(), quarters: List(Quarter(), 4, 1), join: OneOf(['or', 'and']) },
      { description: '"Quý III hoặc quý IV năm 2023" (or), "Quý III và quý IV năm 2023" (and), "Quý IV năm 2023"' },
    ),
    Obj(
      { kind: kind('month'), year: Year(), month: Month() },
      { description: '"Tháng 10 năm 2023": within the month' },
    ),
    Obj({ kind: kind('before'), date: Day() }, { description: '"trước ngày …": before a day' }),
    Obj(
      { kind: kind('yearly-quarter'), from: Year(), quarter: Quarter() },
      { description: '"Quý IV năm 2023 và những năm tiếp theo": once a year from a year, within a quarter' },
    ),
    Obj(
      { kind: kind('yearly-before'), from: Year(), month: Month(), day: Type.Integer({ minimum: 1, maximum: 31 }) },
      { description: '"Hàng năm, trước ngày 15 tháng 11": once a year, before a day of the year' },
    ),
    Obj({ kind: kind('ongoing') }, { description: '"Thường xuyên": ongoing; no deadline, counted per year' }),
    Obj(
      { kind: kind('periodic-and-on-request') },
      { description: '"Định kỳ và khi có yêu cầu": periodic (the reporting cycle) and whenever asked' },
    ),
    Obj({ kind: kind('unspecified') }, { description: 'The plan gives no time' }),
  ],
  {
    description: "A task's time (thời gian thực hiện), one shape per kind",
    errorMessage:
      'must be a time frame whose kind is quarters, month, before, yearly-quarter, yearly-before, ongoing, periodic-and-on-request or unspecified',
  },
);
export type TimeFrame = Static<typeof TimeFrameSchema>;

const pad = (n: number) => String(n).padStart(2, '0');

/** 00:00 in Vietnam on the first day of a month (month 13 rolls into the next year). */
const startOfMonth = (year: number, month: number): string =>
  startOfDayInVietnam(month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`);

export const isRecurring = (f: TimeFrame): f is Extract<TimeFrame, { kind: 'yearly-quarter' | 'yearly-before' }> =>
  f.kind === 'yearly-quarter' || f.kind === 'yearly-before';

export class TimeFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeFrameError';
  }
}

/** Checks a time frame's numbers make sense (quarters 1–4, months 1–12, real days). */
export const validateTimeFrame = (f: TimeFrame): void => {
  const year = (y: number) => {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new TimeFrameError(`${y} is not a year`);
  };
  switch (f.kind) {
    case 'quarters':
      year(f.year);
      if (!Array.isArray(f.quarters) || f.quarters.length === 0 || f.quarters.some((q) => ![1, 2, 3, 4].includes(q)))
        throw new TimeFrameError('quarters are 1 to 4');
      return;
    case 'month':
      year(f.year);
      if (!Number.isInteger(f.month) || f.month < 1 || f.month > 12) throw new TimeFrameError('months are 1 to 12');
      return;
    case 'yearly-quarter':
      year(f.from);
      if (![1, 2, 3, 4].includes(f.quarter)) throw new TimeFrameError('quarters are 1 to 4');
      return;
    case 'yearly-before': {
      year(f.from);
      const probe = new Date(Date.UTC(2001, f.month - 1, f.day));
      if (probe.getUTCMonth() !== f.month - 1 || probe.getUTCDate() !== f.day)
        throw new TimeFrameError(`${f.day}/${f.month} is not a day of the year`);
      return;
    }
    case 'before':
      if (!isCalendarDate(f.date))
        throw new TimeFrameError(`"before" needs a date (YYYY-MM-DD), not ${JSON.stringify(f.date)}`);
      return;
    case 'ongoing':
    case 'periodic-and-on-request':
    case 'unspecified':
      return;
    default:
      // A shape from outside (a request body) may name any kind: an unknown one gives no deadline, so it is refused here.
      throw new TimeFrameError(`${JSON.stringify((f as { kind?: unknown }).kind)} is not a kind of time frame`);
  }
};

/**
 * The deadline instant (ISO, UTC) for a time frame; for a recurring one, that of a given year's
 * occurrence. Null when the frame has no deadline (ongoing, on request).
 */
export const deadlineOf = (f: TimeFrame, year?: number): string | null => {
  switch (f.kind) {
    case 'quarters':
      return startOfMonth(f.year, Math.max(...f.quarters) * 3 + 1);
    case 'month':
      return startOfMonth(f.year, f.month + 1);
    case 'before':
      return startOfDayInVietnam(f.date);
    case 'yearly-quarter': {
      const y = year ?? f.from;
      return y < f.from ? null : startOfMonth(y, f.quarter * 3 + 1);
    }
    case 'yearly-before': {
      const y = year ?? f.from;
      return y < f.from ? null : startOfDayInVietnam(`${y}-${pad(f.month)}-${pad(f.day)}`);
    }
    case 'ongoing':
    case 'periodic-and-on-request':
    case 'unspecified':
      return null;
  }
};

/** True when something done at `at` meets the deadline (strictly before it). */
export const isOnTime = (at: Date | string, deadline: string | null): boolean =>
  deadline === null || new Date(at).getTime() < Date.parse(deadline);

/**
 * The day a duty falls due: the last day on which it can still be done in time ("trước ngày
 * 15/11" falls due on 14 November; "Quý IV" on 31 December). Who owes a yearly duty, and who is
 * expected to report for a period, is read from the tree standing on this day: a unit that ended
 * before it owes nothing, and the units standing then do.
 */
export const dueDayOf = (deadline: string): CalendarDate => vietnamDateOf(new Date(Date.parse(deadline) - 1));
