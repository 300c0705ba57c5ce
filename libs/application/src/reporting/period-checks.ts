import { CalendarDate, RegimeDefinition, ReportError, UnitRegistry } from '@gl/domain';
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
