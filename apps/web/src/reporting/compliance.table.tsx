import { Link } from 'react-router';
import { useLang, useMessages } from '../shared/i18n';
import { formatInstant } from '../shared/format';
import { reportingMessages } from './reporting.messages';
import type { ComplianceRow } from './reporting.types';
import { levelWord } from './reporting.words';

const TONE = { 'on-time': 'green', late: 'amber', missing: 'red' } as const;

/** One row per expected unit: its name and level in words, its status, when it sent, how often it was reminded. */
export const ComplianceTable = ({ periodId, rows }: { periodId: string; rows: ComplianceRow[] }) => {
  const m = useMessages(reportingMessages);
  const { lang } = useLang();
  return (
    <div className="table-wrap">
      <table data-testid="compliance-table">
        <thead>
          <tr>
            <th scope="col">{m.unit}</th>
            <th scope="col">{m.level}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.submittedAt}</th>
            <th scope="col" className="num">
              {m.version}
            </th>
            <th scope="col" className="num">
              {m.reminders}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId} data-unit={r.unitId}>
              <th scope="row">
                <Link to={`/reporting/${periodId}/${r.unitId}`}>{r.name}</Link>
              </th>
              <td>{levelWord(r.level, m)}</td>
              <td>
                <span className={`badge ${TONE[r.status]}`}>{m[`status-${r.status}`]}</span>
              </td>
              <td>{formatInstant(r.submittedAt, lang)}</td>
              <td className="num">{r.version ?? '—'}</td>
              <td className="num">{r.reminders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
