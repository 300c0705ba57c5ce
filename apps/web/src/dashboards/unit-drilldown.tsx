import { Link } from 'react-router';
import { formatNumber } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { type DashboardParams, searchOf } from './dashboard-params.hook';
import type { DashboardChild, DashboardFigures } from './dashboard.types';
import { dashboardMessages } from './dashboards.messages';
import { ScrollBox } from './figure-table';
import { ApproximateBadge, RagBadge } from './rag-badge';

/** The unit's children with their roll-ups, each a link to its own dashboard (same year, period, tree and day). */
export const UnitDrilldown = ({
  unitName,
  own,
  children,
  view,
}: {
  unitName: string;
  own: DashboardFigures;
  children: DashboardChild[];
  view: DashboardParams & { year: number };
}) => {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const cells = (f: DashboardFigures) => (
    <>
      <td className="num">
        {n(f.obligations.completed)}/{n(f.obligations.total)}
      </td>
      <td className="num">{n(f.obligations.dueSoon)}</td>
      <td className="num">{n(f.obligations.overdue)}</td>
      <td className="num">{n(f.conferences)}</td>
      <td className="num">{n(f.participants)}</td>
      <td className="num">{n(f.trainings)}</td>
      <td className="num">{n(f.regulationsInForce)}</td>
      <td className="num">
        {n(f.reports.onTime)}/{n(f.reports.expected)}
      </td>
    </>
  );
  return (
    <section className="card" aria-labelledby="children-h">
      <h2 id="children-h">{m.children}</h2>
      {children.length === 0 ? (
        <p className="note">{m.childrenNone}</p>
      ) : (
        <ScrollBox label={m.children}>
          <table className="drilldown" data-testid="children">
            <caption className="visually-hidden">{m.children}</caption>
            <thead>
              <tr>
                <th scope="col">{m.unit}</th>
                <th scope="col">{m.ragLabel}</th>
                <th scope="col" className="num">
                  {m.completed}
                </th>
                <th scope="col" className="num">
                  {m.dueSoon}
                </th>
                <th scope="col" className="num">
                  {m.overdue}
                </th>
                <th scope="col" className="num">
                  {m.conferences}
                </th>
                <th scope="col" className="num">
                  {m.participants}
                </th>
                <th scope="col" className="num">
                  {m.trainings}
                </th>
                <th scope="col" className="num">
                  {m.regulations}
                </th>
                <th scope="col" className="num">
                  {m.reportsShort}
                </th>
              </tr>
            </thead>
            <tbody>
              {children.map((c) => (
                <tr key={c.unitId} data-unit={c.unitId}>
                  <th scope="row">
                    <Link to={`/dashboard/${encodeURIComponent(c.unitId)}${searchOf(view)}`}>{c.name}</Link>
                    {c.approximate && (
                      <>
                        {' '}
                        <ApproximateBadge />
                      </>
                    )}
                  </th>
                  <td>
                    <RagBadge rag={c.rag} />
                  </td>
                  {cells(c.rollup)}
                </tr>
              ))}
              <tr className="own" data-unit="own">
                <th scope="row">{fill(m.unitOwn, { unit: unitName })}</th>
                <td>
                  <RagBadge rag={own.rag} />
                </td>
                {cells(own)}
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
};
