import { CalendarDate, startOfDayInVietnam, vietnamDateOf } from '../shared/calendar-date';
import { fanOut } from '../plans/fan-out';
import { dueDayOf } from '../plans/time-frame';
import type { Unit } from '../units/unit.types';
import { ReportError } from './report.decider';
import { PeriodOpened, periodIdOf, RegimeDefinition, RegimeDefined, ReminderSent } from './reporting.events';

/*
 * A reporting regime and its periods (kỳ báo cáo), decided from what the handler read: the regime,
 * the plan's issuer, the tree, the reports not yet submitted. Opening twice is not an error: a
 * period, like a regime, exists once, and asking again records nothing.
 */

export type PeriodEvent = PeriodOpened | ReminderSent;

export interface Period {
  opened: PeriodOpened['data'] | null;
  reminders: number;
}

export const initialPeriod = (): Period => ({ opened: null, reminders: 0 });

export const evolvePeriod = (s: Period, e: PeriodEvent): Period =>
  e.type === 'reporting.period-opened.v1' ? { ...s, opened: e.data } : { ...s, reminders: s.reminders + 1 };

export type PeriodCommand =
  | {
      type: 'OpenYearPeriod';
      regime: RegimeDefinition;
      year: number;
      issuerUnitId: string;
      units: ReadonlyMap<string, Unit>;
    }
  | {
      type: 'OpenAdHocPeriod';
      regime: RegimeDefinition;
      periodId: string;
      title: string;
      deadline: string;
      unitIds: string[];
      /** For each unit asked, why it does not stand on the day of the request (null: it stands), as the tree says. */
      notStanding: Record<string, string | null>;
    }
  | { type: 'RemindMissing'; periodId: string; message: string; missingUnitIds: string[] };

const invalid = (message: string): never => {
  throw new ReportError('invalid-report', message);
};

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOfYear = (year: number, md: { month: number; day: number }): CalendarDate =>
  `${year}-${pad(md.month)}-${pad(md.day)}`;

/** A regime's period exists for the years from its first one up to this year: a later one has not begun. */
const checkYear = (regime: RegimeDefinition, year: number, today: CalendarDate): void => {
  if (year < regime.fromYear) invalid(`regime ${regime.regimeId} has periods from ${regime.fromYear}, not ${year}`);
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) invalid(`the ${year} period of ${regime.regimeId} cannot open in ${thisYear}`);
};

/**
 * The period of a year: opened on the regime's opening day (or today, when that is later); the
 * expected units are those standing on the day the report falls due — the rule a yearly duty follows
 * (`dueDayOf`) — in the regime's groups under the plan's issuer, and the units it names.
 */
const yearPeriod = (
  c: Extract<PeriodCommand, { type: 'OpenYearPeriod' }>,
  today: CalendarDate,
): PeriodOpened['data'] => {
  const { regime, year } = c;
  checkYear(regime, year, today);
  const opens = dayOfYear(year, regime.opensOn);
  const deadline = startOfDayInVietnam(dayOfYear(year, regime.deadline));
  const grouped = fanOut(
    { lead: regime.reporters, performers: [], coordinating: [] },
    c.issuerUnitId,
    c.units,
    dueDayOf(deadline),
  ).map((t) => t.unitId);
  const named = regime.reporters.flatMap((a) => ('unitId' in a ? [a.unitId] : []));
  return {
    periodId: periodIdOf(regime.regimeId, year),
    regimeId: regime.regimeId,
    planId: regime.planId,
    year,
    title: `${regime.title} — ${year}`,
    openedOn: opens < today ? opens : today,
    deadline,
    cutOff: dayOfYear(year, regime.cutOff),
    recipientUnitId: regime.recipientUnitId,
    expectedUnitIds: [...new Set([...grouped, ...named])],
    adHoc: false,
  };
};

/** An ad hoc request (đột xuất) goes to units that stand on the day it is opened, at least one of them. */
const adHocPeriod = (
  c: Extract<PeriodCommand, { type: 'OpenAdHocPeriod' }>,
  today: CalendarDate,
): PeriodOpened['data'] => {
  if (Number.isNaN(Date.parse(c.deadline))) invalid('the deadline of an ad hoc request is an instant');
  if (c.unitIds.length === 0) invalid('an ad hoc request names at least one unit');
  for (const u of c.unitIds) {
    const why = c.notStanding[u];
    if (why) invalid(`an ad hoc request goes to units that stand on the day it is opened: ${why}`);
  }
  return {
    periodId: c.periodId,
    regimeId: c.regime.regimeId,
    planId: c.regime.planId,
    year: null,
    title: c.title,
    openedOn: today,
    deadline: new Date(c.deadline).toISOString(),
    cutOff: today,
    recipientUnitId: c.regime.recipientUnitId,
    expectedUnitIds: [...new Set(c.unitIds)],
    adHoc: true,
  };
};

/**
 * An ad hoc request's id names one request: sent again as it was, it is the same request (and
 * records nothing new); with other content, or over a regime's period, it is refused.
 */
const sameRequest = (open: PeriodOpened['data'], asked: PeriodOpened['data']): boolean =>
  open.adHoc &&
  open.regimeId === asked.regimeId &&
  open.title === asked.title &&
  open.deadline === asked.deadline &&
  open.expectedUnitIds.join() === asked.expectedUnitIds.join();

export const decidePeriod = (c: PeriodCommand, s: Period, now: Date): PeriodEvent[] => {
  const today = vietnamDateOf(now);
  switch (c.type) {
    case 'OpenYearPeriod': {
      const data = yearPeriod(c, today);
      return s.opened ? [] : [{ type: 'reporting.period-opened.v1', data }];
    }
    case 'OpenAdHocPeriod': {
      const data = adHocPeriod(c, today);
      if (!s.opened) return [{ type: 'reporting.period-opened.v1', data }];
      if (sameRequest(s.opened, data)) return [];
      return invalid(
        `period ${c.periodId} is already open ("${s.opened.title}", opened on ${s.opened.openedOn}): a new ad hoc request needs a new periodId`,
      );
    }
    case 'RemindMissing':
      if (!s.opened) return invalid(`no period ${c.periodId}`);
      if (!c.message?.trim()) return invalid('a reminder needs a message');
      return [
        {
          type: 'reporting.reminder-sent.v1',
          data: { periodId: c.periodId, unitIds: c.missingUnitIds, message: c.message },
        },
      ];
  }
};

/** A regime is defined once; defining it again as it is records nothing. */
export const decideRegime = (regime: RegimeDefinition, defined: boolean): RegimeDefined[] =>
  defined ? [] : [{ type: 'reporting.regime-defined.v1', data: regime }];
