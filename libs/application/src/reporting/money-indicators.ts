import { Indicators, MONEY_INDICATORS } from '@gl/domain';

export { indicatorValue, MONEY_INDICATORS } from '@gl/domain';

/** Money indicators of a stored report as decimal strings (older reports may hold them as numbers). */
export const withMoneyAsStrings = (i: Indicators): Indicators =>
  Object.fromEntries(
    Object.entries(i).map(([k, v]) => [k, MONEY_INDICATORS.includes(k) && typeof v === 'number' ? String(v) : v]),
  );
