import { CalendarDate, vietnamDateOf } from '@gl/domain';

/** Kỳ: a quarter (quý), a half (6 tháng), the first nine months (9 tháng), or a month (tháng) of the year. */
export const DASHBOARD_PERIODS = [
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'H1',
  'H2',
  '9M',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

const MONTHS: Record<string, [number, number]> = {
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
  H1: [1, 6],
  H2: [7, 12],
  '9M': [1, 9],
};
const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a period of a year (both included), as calendar days in Vietnam. */
export const periodDays = (year: number, period: DashboardPeriod): { from: CalendarDate; to: CalendarDate } => {
  const [first, last] = MONTHS[period] ?? [Number(period.slice(1)), Number(period.slice(1))];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
};

/**
 * The last day on which something due at an instant can still be done: deadlines are the start of
 * the day after ("before 15 November" is 00:00 on the 15th; "in the fourth quarter" is 00:00 on
 * 1 January), so the day is the one that instant closes.
 */
export const lastDayBefore = (deadline: string): CalendarDate => vietnamDateOf(new Date(Date.parse(deadline) - 1));
