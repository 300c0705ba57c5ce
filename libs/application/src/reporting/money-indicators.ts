import type { Indicators } from '@gl/domain';

/**
 * The indicators that are money (whole đồng): they leave the API as decimal strings, whatever their
 * size, like every other amount; counts stay numbers. A report may be drafted with either.
 */
export const MONEY_INDICATORS: readonly string[] = ['budgetEstimated', 'budgetApproved', 'budgetAllocated', 'budgetSpent'];

/** An exact sum of an indicator written as a decimal string: money always, a count only when too large for a number. */
export const indicatorValue = (key: string, v: bigint): number | string =>
  MONEY_INDICATORS.includes(key) || v > BigInt(Number.MAX_SAFE_INTEGER) ? v.toString() : Number(v);

/** Money indicators of a stored report as decimal strings (older reports may hold them as numbers). */
export const withMoneyAsStrings = (i: Indicators): Indicators =>
  Object.fromEntries(Object.entries(i).map(([k, v]) => [k, MONEY_INDICATORS.includes(k) && typeof v === 'number' ? String(v) : v]));
