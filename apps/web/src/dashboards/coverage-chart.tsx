import { useMemo } from 'react';
import { formatNumber, formatPercent } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { dashboardMessages, wordFor } from './dashboards.messages';
import { COLOURS, EChartBox } from './echart-box';
import { FigureTable } from './figure-table';

type Coverage = Record<string, { units: number; covered: number }>;

/** The kinds of unit that task 4 asks to issue a regulation (those `/regulations/coverage` takes), in the plan's order. */
const TASK_4_KINDS = [
  'department',
  'district',
  'commune',
  'public-service-unit',
  'state-enterprise',
  'non-state-enterprise',
];

/** Task 4: of each kind of unit in the subtree, how many have a regulation on grassroots democracy in force. */
export const CoverageChart = ({ coverage }: { coverage: Coverage }) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const rows = useMemo(
    () =>
      TASK_4_KINDS.map((kind) => [kind, coverage[kind]] as const)
        .filter(([, c]) => c && c.units > 0)
        .map(([kind, c]) => ({ kind, name: wordFor(m, kind), ...c, share: c.covered / c.units })),
    [coverage, m],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v / 100, lang) },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: 150, overflow: 'break', lineHeight: 14, fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => Math.round(r.share * 100)),
          itemStyle: { color: COLOURS.green },
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [rows, lang],
  );
  const summary = rows
    .map((r) => `${r.name} ${formatNumber(r.covered, lang)}/${formatNumber(r.units, lang)}`)
    .join('; ');
  return (
    <section className="card" aria-labelledby="coverage-h">
      <h2 id="coverage-h">{m.coverage}</h2>
      <EChartBox
        option={option}
        label={fill(m.coverageLabel, { summary })}
        height={Math.max(120, 34 * rows.length + 40)}
      />
      <FigureTable
        caption={m.coverage}
        head={[m.kind, m.units, m.covered, m.share]}
        rows={rows.map((r) => ({
          key: r.kind,
          cells: [r.name, formatNumber(r.units, lang), formatNumber(r.covered, lang), formatPercent(r.share, lang)],
        }))}
      />
    </section>
  );
};
