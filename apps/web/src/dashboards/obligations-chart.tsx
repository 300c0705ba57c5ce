import { useMemo } from 'react';
import { fill, useLang, useMessages } from '../shared/i18n';
import { formatNumber } from '../shared/format';
import type { DashboardFigures } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';
import { COLOURS, EChartBox } from './echart-box';
import { FigureTable } from './figure-table';

/** Obligations by status (completed on time or late, on track, due soon, overdue), and the requests apart. */
export const ObligationsChart = ({ f }: { f: DashboardFigures }) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const o = f.obligations;
  const parts = useMemo(
    () => [
      { key: 'completed', name: m.completedOnTime, value: o.completed - o.completedLate, colour: COLOURS.green },
      {
        key: 'completedLate',
        name: m.completedLateName,
        value: o.completedLate,
        colour: COLOURS.teal,
      },
      { key: 'onTrack', name: m.onTrack, value: o.onTrack, colour: COLOURS.blue },
      { key: 'dueSoon', name: m.dueSoon, value: o.dueSoon, colour: COLOURS.amber },
      { key: 'overdue', name: m.overdue, value: o.overdue, colour: COLOURS.red },
    ],
    [o, m],
  );
  const summary = parts.map((p) => `${p.name} ${formatNumber(p.value, lang)}`).join('; ');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['45%', '75%'],
          label: { show: false },
          data: parts
            .filter((p) => p.value > 0)
            .map((p) => ({ name: p.name, value: p.value, itemStyle: { color: p.colour } })),
        },
      ],
    }),
    [parts],
  );
  return (
    <section className="card" aria-labelledby="obligations-h">
      <h2 id="obligations-h">{m.obligationsChart}</h2>
      <EChartBox option={option} label={fill(m.obligationsLabel, { summary })} height={220} />
      <FigureTable
        caption={m.obligationsChart}
        head={[m.status, m.count]}
        rows={[
          ...parts.map((p) => ({
            key: p.key,
            cells: [
              <>
                <span className="swatch" style={{ background: p.colour }} aria-hidden="true" /> {p.name}
              </>,
              formatNumber(p.value, lang),
            ],
          })),
          { key: 'total', cells: [m.obligationsTotal, formatNumber(o.total, lang)] },
        ]}
      />
      <p className="note">
        {m.requests}:{' '}
        {fill(m.requestsLine, {
          answered: formatNumber(f.requests.answered, lang),
          declined: formatNumber(f.requests.declined, lang),
          awaiting: formatNumber(f.requests.awaiting, lang),
          total: formatNumber(f.requests.total, lang),
        })}
      </p>
    </section>
  );
};
