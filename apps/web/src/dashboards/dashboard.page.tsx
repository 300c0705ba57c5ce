import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../shared/api-client';
import { formatDay, vietnamToday } from '../shared/format';
import { fill, useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { ActivityMonthsChart } from './activity-months-chart';
import { BudgetChart } from './budget-chart';
import { CoverageChart } from './coverage-chart';
import { DashboardFilters } from './dashboard-filters';
import { dashboardPath, useDashboardParams } from './dashboard-params.hook';
import { type Dashboard, hasFigures, type PlanList } from './dashboard.types';
import { dashboardMessages, wordFor } from './dashboards.messages';
import './dashboards.css';
import { COLOURS } from './echart-box';
import { KeyFigures } from './key-figures';
import { ObligationsChart } from './obligations-chart';
import { ApproximateBadge, RagBadge } from './rag-badge';
import { StatusBarsChart } from './status-bars-chart';
import { UnitBreadcrumbs } from './unit-breadcrumbs';
import { UnitDrilldown } from './unit-drilldown';

/**
 * A unit's dashboard (`/dashboard/:unitId`): the roll-up of its subtree with red-amber-green, the
 * charts of what was done, and its children to drill into. The year, period, tree and "as of" day
 * are in the URL. With no year there, the current year in Vietnam; if the unit has no figures in
 * it, the latest earlier year with a plan (said in a note).
 */
export const DashboardPage = () => {
  const { unitId = '' } = useParams();
  const m = useMessages(dashboardMessages);
  const { params, change } = useDashboardParams();
  const thisYear = Number(vietnamToday().slice(0, 4));
  const plans = useApi<PlanList>('/plans?pageSize=100');
  const planYears = useMemo(
    () =>
      (plans.data?.items ?? [])
        .map((p) => Number((p.issued?.assignedOn ?? p.issued?.issuedOn ?? '').slice(0, 4)))
        .filter((y) => y > 2000),
    [plans.data],
  );
  const [fellBack, setFellBack] = useState<number | null>(null);
  const year = params.year ?? thisYear;
  const view = { ...params, year };
  const years = useMemo(() => {
    const first = Math.min(thisYear, year, ...planYears);
    const last = Math.max(thisYear, year);
    return Array.from({ length: last - first + 1 }, (_, i) => last - i);
  }, [planYears, thisYear, year]);
  const { data: d, error, loading } = useApi<Dashboard>(dashboardPath(unitId, view));

  // No year asked and nothing in this one: the latest year before it that has a plan.
  useEffect(() => {
    if (params.year !== null || !d || d.year !== thisYear || hasFigures(d.rollup)) return;
    const earlier = planYears.filter((y) => y < thisYear);
    if (earlier.length === 0) return;
    const shown = Math.max(...earlier);
    setFellBack(thisYear);
    change({ year: shown }, true);
  }, [d, params.year, planYears, thisYear, change]);

  // The answer on screen is the one asked for (not the last view's while the next one loads).
  const current =
    d &&
    d.unit.id === unitId &&
    d.year === year &&
    d.period === params.period &&
    d.basis === params.basis &&
    (d.asOfPosition !== null) === (params.asOf !== null)
      ? d
      : null;
  return (
    <main id="main" className="dashboard">
      {current && <UnitBreadcrumbs unit={current.unit} day={current.asOf} view={view} />}
      <h1>{fill(m.title, { unit: current?.unit.name ?? unitId })}</h1>
      <DashboardFilters
        view={view}
        years={years}
        change={(next) => {
          setFellBack(null);
          change(next);
        }}
      />
      {params.asOf && (
        <div className="banner warn as-of" role="status" data-testid="as-of-banner">
          <strong>{fill(m.asOfBanner, { day: formatDay(params.asOf) })}</strong>{' '}
          <button type="button" onClick={() => change({ asOf: null })}>
            {m.backToToday}
          </button>
        </div>
      )}
      {fellBack !== null && params.year !== null && (
        <p className="banner info">{fill(m.noFigures, { year: fellBack, shown: params.year })}</p>
      )}
      {error && (
        <p className="banner warn problem" role="alert">
          {error instanceof ApiProblem && error.status === 404
            ? fill(m.notInTree, { day: formatDay(treeDay(view)) })
            : fill(m.failed, { why: error.message })}
        </p>
      )}
      {loading && <p className="loading">{m.loading}</p>}
      {current && <DashboardBody d={current} view={view} />}
    </main>
  );
};

/** The day of the tree a dashboard follows, as the API chooses it: today's, or the period's last day (today at the latest). */
const treeDay = (v: { year: number; basis: string; asOf: string | null }) => {
  const today = v.asOf ?? vietnamToday();
  return v.basis === 'today' || `${v.year}-12-31` > today ? today : `${v.year}-12-31`;
};

const DashboardBody = ({ d, view }: { d: Dashboard; view: Parameters<typeof UnitDrilldown>[0]['view'] }) => {
  const m = useMessages(dashboardMessages);
  const r = d.rollup;
  return (
    <>
      <div className="unit-status" data-testid="unit-status">
        <span className="status-label">{m.ragLabel}:</span> <RagBadge rag={r.rag} />
        {d.approximate && (
          <>
            {' '}
            <ApproximateBadge />
          </>
        )}
        <span className="span-note">
          {fill(m.span, { from: formatDay(d.from), to: formatDay(d.to), asOf: formatDay(d.asOf) })}
        </span>
      </div>
      {d.approximate && <p className="banner info">{m.approximateWhy}</p>}
      <KeyFigures f={r} />
      <UnitDrilldown unitName={d.unit.name} own={d.own} children={d.children} view={view} />
      <div className="grid two">
        <ObligationsChart f={r} />
        <ActivityMonthsChart unitId={d.unit.id} view={view} until={d.asOf} />
        <CoverageChart coverage={r.regulationCoverage} />
        <BudgetChart budget={r.budget} />
        <StatusBarsChart
          id="reports"
          title={m.reports}
          label={m.reportsLabel}
          bars={[
            { key: 'onTime', name: m.onTime, value: r.reports.onTime, colour: COLOURS.green },
            { key: 'late', name: m.late, value: r.reports.late, colour: COLOURS.amber },
            { key: 'missing', name: m.missing, value: r.reports.missing, colour: COLOURS.red },
          ]}
          total={{ name: m.expected, value: r.reports.expected }}
          empty={m.noData}
        />
        <StatusBarsChart
          id="difficulties"
          title={m.difficulties}
          label={m.difficultiesLabel}
          empty={m.noDifficulties}
          bars={Object.entries(r.difficulties).map(([k, v], i) => ({
            key: k,
            name: wordFor(m, k),
            value: v,
            colour: [COLOURS.red, COLOURS.blue, COLOURS.amber, COLOURS.green, COLOURS.grey][i % 5],
          }))}
        />
        {r.documentsReviewed > 0 && (
          <StatusBarsChart
            id="findings"
            title={m.findings}
            label={m.findings + ': {summary}'}
            bars={Object.entries(r.findings).map(([k, v]) => ({
              key: k,
              name: wordFor(m, k),
              value: v,
              colour: COLOURS.teal,
            }))}
            total={{ name: m.documentsReviewed, value: r.documentsReviewed }}
          />
        )}
      </div>
    </>
  );
};
