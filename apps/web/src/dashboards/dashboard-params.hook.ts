import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../shared/api-client';
import { vietnamToday } from '../shared/format';
import { type Period, PERIODS } from './dashboard.types';

/** What a dashboard shows, kept in the URL (`?year=2023&period=Q4&basis=today&asOf=2023-11-14`) so a view can be linked. */
export interface DashboardParams {
  /** null: none in the URL (the page chooses). */
  year: number | null;
  period: Period | null;
  basis: 'recorded' | 'today';
  /** Time travel: the day the figures are shown as of; null is today. */
  asOf: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const useDashboardParams = () => {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<DashboardParams>(() => {
    const y = Number(search.get('year'));
    const p = search.get('period') as Period | null;
    const d = search.get('asOf');
    return {
      year: Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null,
      period: p && PERIODS.includes(p) ? p : null,
      basis: search.get('basis') === 'today' ? 'today' : 'recorded',
      asOf: d && DAY.test(d) && d < vietnamToday() ? d : null,
    };
  }, [search]);
  const change = useCallback(
    (next: Partial<DashboardParams>, replace = false) => {
      const v = { ...params, ...next };
      setSearch(searchOf(v), { replace });
    },
    [params, setSearch],
  );
  return { params, change };
};

/** The search string of a view (for links to other units' dashboards, the same view). */
export const searchOf = (v: DashboardParams): string =>
  query({ year: v.year, period: v.period, basis: v.basis === 'today' ? 'today' : null, asOf: v.asOf });

/** The end of a day in Vietnam (UTC+7, no daylight saving) as an instant: what "as of that day" replays to. */
export const endOfVietnamDay = (day: string): string => new Date(Date.parse(`${day}T23:59:59.999+07:00`)).toISOString();

/** The dashboard API's path for a unit and a view (year resolved). */
export const dashboardPath = (unitId: string, v: DashboardParams & { year: number }, period = v.period) =>
  `/dashboards/${encodeURIComponent(unitId)}${query({
    year: v.year,
    period,
    basis: v.basis === 'today' ? 'today' : null,
    asOfRecorded: v.asOf ? endOfVietnamDay(v.asOf) : null,
  })}`;
