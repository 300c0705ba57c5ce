import { useEffect, useMemo, useState } from 'react';
import { api } from '../shared/api-client';
import { formatNumber } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { type DashboardParams, dashboardPath } from './dashboard-params.hook';
import { type Dashboard, monthsOf, type Period } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';
import { COLOURS, EChartBox } from './echart-box';
import { FigureTable } from './figure-table';

interface Month {
  month: number;
  conferences: number;
  participants: number;
  trainings: number;
  trainees: number;
}

/**
 * Conferences, participants, trainings and trainees by month of the period shown: the dashboard
 * asked once per month (`period=M01…M12`), with the same tree and "as of" as the page; the months
 * after the dashboard's day are left out.
 */
export const ActivityMonthsChart = ({
  unitId,
  view,
  until,
}: {
  unitId: string;
  view: DashboardParams & { year: number };
  /** The dashboard's last day: later months hold nothing yet. */
  until: string;
}) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const [months, setMonths] = useState<Month[] | null>(null);
  const key = `${dashboardPath(unitId, view)}|${until}`;
  useEffect(() => {
    const ctrl = new AbortController();
    setMonths(null);
    // Two at a time, and none after the view changes: the server has other readers too.
    const todo = monthsOf(view.period).filter((n) => `${view.year}-${String(n).padStart(2, '0')}-01` <= until);
    const one = async (n: number): Promise<Month> => {
      const period = `M${String(n).padStart(2, '0')}` as Period;
      const r = (await api<Dashboard>(dashboardPath(unitId, view, period), { signal: ctrl.signal })).rollup;
      return {
        month: n,
        conferences: r.conferences,
        participants: r.participants,
        trainings: r.trainings,
        trainees: r.trainees,
      };
    };
    const lane = async (out: Month[]) => {
      for (let n = todo.shift(); n !== undefined && !ctrl.signal.aborted; n = todo.shift()) out.push(await one(n));
    };
    const got: Month[] = [];
    Promise.all([lane(got), lane(got)])
      .then(() => got.sort((a, b) => a.month - b.month))
      .then(setMonths)
      .catch(() => !ctrl.signal.aborted && setMonths([]));
    return () => ctrl.abort();
    // The path holds everything the months depend on.
  }, [key]);
  const option = useMemo(() => {
    const rows = months ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: rows.map((r) => fill(m.monthShort, { n: r.month })) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: m.conferences, type: 'bar', data: rows.map((r) => r.conferences), itemStyle: { color: COLOURS.blue } },
        { name: m.trainings, type: 'bar', data: rows.map((r) => r.trainings), itemStyle: { color: COLOURS.teal } },
        {
          name: m.participants,
          type: 'bar',
          yAxisIndex: 1,
          data: rows.map((r) => r.participants),
          itemStyle: { color: COLOURS.amber },
        },
      ],
    };
  }, [months, m]);
  const busy = months ? months.filter((r) => r.conferences + r.trainings > 0) : [];
  const summary = busy.length
    ? busy
        .map(
          (r) =>
            `${fill(m.month, { n: r.month })}: ${formatNumber(r.conferences, lang)} ${m.conferences.toLowerCase()}, ${formatNumber(r.participants, lang)} ${m.participants.toLowerCase()}, ${formatNumber(r.trainings, lang)} ${m.trainings.toLowerCase()}`,
        )
        .join('; ')
    : '0';
  return (
    <section className="card" aria-labelledby="months-h" aria-busy={months === null}>
      <h2 id="months-h">{m.byMonth}</h2>
      {months === null ? (
        <p className="loading">{m.loading}</p>
      ) : (
        <>
          {busy.length ? (
            <EChartBox option={option} label={fill(m.byMonthLabel, { summary })} />
          ) : (
            <p className="note">{m.noData}</p>
          )}
          <FigureTable
            caption={m.byMonth}
            head={[m.monthCol, m.conferences, m.participants, m.trainings, m.trainees]}
            rows={months.map((r) => ({
              key: String(r.month),
              cells: [
                fill(m.month, { n: r.month }),
                formatNumber(r.conferences, lang),
                formatNumber(r.participants, lang),
                formatNumber(r.trainings, lang),
                formatNumber(r.trainees, lang),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
};
