import { useMemo } from 'react';
import { formatNumber } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { dashboardMessages } from './dashboards.messages';
import { EChartBox } from './echart-box';
import { FigureTable } from './figure-table';

export interface Bar {
  key: string;
  name: string;
  value: number;
  colour: string;
}

/** A few counts as horizontal bars with their table (difficulties by status, reports by timeliness). */
export const StatusBarsChart = ({
  id,
  title,
  label,
  bars,
  total,
  empty,
}: {
  id: string;
  title: string;
  /** The aria-label's sentence, with `{summary}`. */
  label: string;
  bars: Bar[];
  total?: { name: string; value: number };
  /** Said instead of the chart when every count is zero. */
  empty?: string;
}) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name) },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour } })),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [bars],
  );
  const summary = bars.map((b) => `${b.name} ${formatNumber(b.value, lang)}`).join('; ');
  const nothing = bars.every((b) => b.value === 0) && (!total || total.value === 0);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {nothing && empty ? (
        <p className="note">{empty}</p>
      ) : (
        <EChartBox option={option} label={fill(label, { summary })} height={48 * bars.length + 40} />
      )}
      <FigureTable
        caption={title}
        head={[m.status, m.count]}
        rows={[
          ...bars.map((b) => ({ key: b.key, cells: [b.name, formatNumber(b.value, lang)] })),
          ...(total ? [{ key: 'total', cells: [total.name, formatNumber(total.value, lang)] }] : []),
        ]}
      />
    </section>
  );
};
