import { formatNumber } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import type { DashboardFigures } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';
import { formatDong } from './figure-table';

/** The subtree's figures at a glance, as text (the charts below draw them). */
export const KeyFigures = ({ f }: { f: DashboardFigures }) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const items: { key: string; name: string; value: string; note?: string }[] = [
    { key: 'obligations', name: m.obligationsTotal, value: n(f.obligations.total) },
    {
      key: 'completed',
      name: m.completed,
      value: n(f.obligations.completed),
      note: f.obligations.completedLate ? `${m.completedLate}: ${n(f.obligations.completedLate)}` : undefined,
    },
    { key: 'overdue', name: m.overdue, value: n(f.obligations.overdue) },
    { key: 'conferences', name: m.conferences, value: n(f.conferences) },
    { key: 'participants', name: m.participants, value: n(f.participants) },
    { key: 'trainings', name: m.trainings, value: n(f.trainings) },
    { key: 'trainees', name: m.trainees, value: n(f.trainees) },
    { key: 'media', name: m.mediaItems, value: n(f.mediaItems) },
    { key: 'regulations', name: m.regulations, value: n(f.regulationsInForce) },
    { key: 'reviewed', name: m.documentsReviewed, value: n(f.documentsReviewed) },
    { key: 'reports', name: m.reportsShort, value: `${n(f.reports.onTime)}/${n(f.reports.expected)}` },
    { key: 'spent', name: m.spent, value: formatDong(f.budget.spent, lang) },
    {
      key: 'inspections',
      name: m.inspections,
      value: n(f.inspections.held),
      note: fill(m.inspectionsLine, {
        findings: n(f.inspections.findings),
        open: n(f.inspections.followUpsOpen),
        closed: n(f.inspections.followUpsClosed),
      }),
    },
  ];
  return (
    <section aria-labelledby="figures-h">
      <h2 id="figures-h">{m.keyFigures}</h2>
      <dl className="figures">
        {items.map((i) => (
          <div className="figure" key={i.key} data-figure={i.key}>
            <dt className="name">{i.name}</dt>
            <dd className="value">{i.value}</dd>
            {i.note && <dd className="note">{i.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
};
