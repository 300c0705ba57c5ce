import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { fill, useLang, useMessages } from '../shared/i18n';
import { formatDay, formatInstant } from '../shared/format';
import { useApi } from '../shared/use-api';
import { reportingMessages } from './reporting.messages';
import type { Period } from './reporting.types';
import { deadlineWords, problemText } from './reporting.words';

/** Every reporting period in scope, yearly and ad hoc, with its deadline as the plan words it. */
export const PeriodListView = () => {
  const m = useMessages(reportingMessages);
  const { lang } = useLang();
  const { me } = useSession();
  const { data, error } = useApi<{ items: Period[] }>('/reporting/periods');
  return (
    <main id="main" className="reporting">
      <h1>{m.periods}</h1>
      {error && <p className="problem">{problemText(error, m)}</p>}
      {!data && !error && <p className="loading">{m.loading}</p>}
      {data && data.items.length === 0 && <p>{m.noPeriods}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="periods">
            <thead>
              <tr>
                <th scope="col">{m.period}</th>
                <th scope="col">{m.kind}</th>
                <th scope="col">{m.deadline}</th>
                <th scope="col">{m.cutOff}</th>
                <th scope="col">{m.open}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.periodId}>
                  <td>
                    <Link to={`/reporting/${p.periodId}`}>{p.title}</Link>
                  </td>
                  <td>
                    <span className={`badge ${p.adHoc ? 'amber' : 'grey'}`}>
                      {p.adHoc ? m.adHoc : fill(m.yearly, { year: p.year ?? '' })}
                    </span>
                  </td>
                  <td>
                    {deadlineWords(p, m, lang)}
                    <br />
                    <small className="muted">{formatInstant(p.deadline, lang)}</small>
                  </td>
                  <td>{formatDay(p.cutOff)}</td>
                  <td className="actions">
                    <Link to={`/reporting/${p.periodId}`}>{m.compliance}</Link>
                    {me && <Link to={`/reporting/${p.periodId}/${me.user.unitId}`}>{m.myReport}</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
};
