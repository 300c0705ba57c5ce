import { CalendarDate, PeriodOpened, RegimeDefinition, ReportError, UnitRegistry } from '@gl/domain';
import { whyNotStandingOn } from '../units/unit-standing';

const invalid = (message: string): never => {
  throw new ReportError('invalid-report', message);
};

/** A regime's period exists for the years from its first one up to this year: a later one has not begun. */
export const checkYear = (regime: RegimeDefinition, year: number, today: CalendarDate): void => {
  if (year < regime.fromYear) invalid(`regime ${regime.regimeId} has periods from ${regime.fromYear}, not ${year}`);
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) invalid(`the ${year} period of ${regime.regimeId} cannot open in ${thisYear}`);
};

/** An ad hoc request (đột xuất) goes to units that stand on the day it is opened, at least one of them. */
export const checkAdHocUnits = (registry: UnitRegistry, unitIds: string[], today: CalendarDate): void => {
  if (unitIds.length === 0) invalid('an ad hoc request names at least one unit');
  for (const u of unitIds) {
    const why = whyNotStandingOn(registry, u, today);
    if (why) invalid(`an ad hoc request goes to units that stand on the day it is opened: ${why}`);
  }
};

/**
 * An ad hoc request's id names one request: sent again as it was, it is the same request (and
 * records nothing new); with other content, or over a regime's period, it is refused.
 */
export const checkAdHocAgain = (open: PeriodOpened['data'] | null, asked: PeriodOpened['data']): void => {
  if (!open) return;
  const same = open.adHoc && open.regimeId === asked.regimeId && open.title === asked.title && open.deadline === asked.deadline
    && open.expectedUnitIds.join() === asked.expectedUnitIds.join();
  if (!same) invalid(`period ${asked.periodId} is already open ("${open.title}", opened on ${open.openedOn}): a new ad hoc request needs a new periodId`);
};
