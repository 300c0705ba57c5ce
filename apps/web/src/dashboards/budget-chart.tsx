import { useMemo } from 'react';
import { fill, useLang, useMessages } from '../shared/i18n';
import type { DashboardFigures } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';
import { COLOURS, EChartBox } from './echart-box';
import { FigureTable, formatDong } from './figure-table';

/** Plan III.1: the money estimated (dự toán), approved, allocated and spent, in whole đồng. */
export const BudgetChart = ({ budget }: { budget: DashboardFigures['budget'] }) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const rows = useMemo(
    () =>
      (['estimated', 'approved', 'allocated', 'spent'] as const).map((k) => ({
        key: k,
        name: m[k],
        amount: budget[k],
      })),
    [budget, m],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatDong(String(Math.round(v)), lang) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) =>
            new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { notation: 'compact' }).format(v),
        },
      },
      series: [{ type: 'bar', data: rows.map((r) => Number(r.amount)), itemStyle: { color: COLOURS.purple } }],
    }),
    [rows, lang],
  );
  const summary = rows.map((r) => `${r.name} ${formatDong(r.amount, lang)}`).join('; ');
  return (
    <section className="card" aria-labelledby="budget-h">
      <h2 id="budget-h">{m.budget}</h2>
      {rows.some((r) => r.amount !== '0') ? (
        <EChartBox option={option} label={fill(m.budgetLabel, { summary })} height={220} />
      ) : (
        <p className="note">{m.noData}</p>
      )}
      <FigureTable
        caption={m.budget}
        head={[m.budget, m.amount]}
        rows={rows.map((r) => ({ key: r.key, cells: [r.name, formatDong(r.amount, lang)] }))}
      />
    </section>
  );
};
