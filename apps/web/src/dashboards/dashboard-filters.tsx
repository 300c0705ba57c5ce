import { fill, useMessages } from '../shared/i18n';
import type { DashboardParams } from './dashboard-params.hook';
import { type Period, PERIODS } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';
import { AsOfPicker } from './as-of-picker';

/** Year, period (kỳ), tree (as recorded or as today) and "as of" day; every change goes into the URL. */
export const DashboardFilters = ({
  view,
  years,
  change,
}: {
  view: DashboardParams & { year: number };
  years: number[];
  change: (next: Partial<DashboardParams>) => void;
}) => {
  const m = useMessages(dashboardMessages);
  const periodName = (p: Period) => (p.startsWith('M') ? fill(m.month, { n: Number(p.slice(1)) }) : m[p as 'Q1']);
  return (
    <div className="toolbar dashboard-filters">
      <form className="toolbar-group" aria-label={m.filters} onSubmit={(e) => e.preventDefault()}>
        <div className="filter">
          <label htmlFor="dash-year">{m.year}</label>
          <select id="dash-year" value={view.year} onChange={(e) => change({ year: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="dash-period">{m.period}</label>
          <select
            id="dash-period"
            value={view.period ?? ''}
            onChange={(e) => change({ period: (e.target.value || null) as Period | null })}
          >
            <option value="">{m.wholeYear}</option>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {periodName(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="dash-basis">{m.basis}</label>
          <select
            id="dash-basis"
            value={view.basis}
            onChange={(e) => change({ basis: e.target.value as 'recorded' | 'today' })}
          >
            <option value="recorded">{m.basisRecorded}</option>
            <option value="today">{m.basisToday}</option>
          </select>
        </div>
      </form>
      <AsOfPicker value={view.asOf} onChange={(asOf) => change({ asOf })} />
    </div>
  );
};
