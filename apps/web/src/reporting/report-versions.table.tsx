import { useUserNames } from '../audit/audit-lookups.hook';
import { useLang, useMessages } from '../shared/i18n';
import { formatInstant, formatMoney, formatNumber } from '../shared/format';
import { indicatorLabel } from './report-editor.form';
import { reportingMessages } from './reporting.messages';
import { MONEY_KEYS, type Report } from './reporting.types';

/** Every version of the report: when it was sent, who signed, what it supersedes and why, its figures and text. */
export const ReportVersionsTable = ({ report }: { report: Report }) => {
  const m = useMessages(reportingMessages);
  const { lang } = useLang();
  const names = useUserNames(report.versions.map((v) => v.signedBy).filter((x): x is string => Boolean(x)));
  if (report.versions.length === 0) return <p>{m.noVersions}</p>;
  const returnOf = (version: number) => report.returns.filter((r) => r.version === version);
  return (
    <div className="table-wrap">
      <table data-testid="report-versions">
        <thead>
          <tr>
            <th scope="col">{m.version}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.submittedAt}</th>
            <th scope="col">{m.signedBy}</th>
            <th scope="col">{m.supersedes}</th>
            <th scope="col">{m.showText}</th>
          </tr>
        </thead>
        <tbody>
          {[...report.versions].reverse().map((v) => (
            <tr key={v.version}>
              <th scope="row">
                {v.version}
                {v.version === report.current && <span className="badge grey">{m.current}</span>}
              </th>
              <td>
                {v.submittedAt ? m['report-submitted'] : m['report-draft']}
                {returnOf(v.version).map((r) => (
                  <div key={r.at} className="returned">
                    <span className="badge red">{m['report-returned']}</span> {formatInstant(r.at, lang)}: {r.reason}
                  </div>
                ))}
              </td>
              <td>{formatInstant(v.submittedAt, lang)}</td>
              <td>{v.signedBy ? (names[v.signedBy] ?? v.signedBy) : '—'}</td>
              <td>{v.supersedes ? `${v.supersedes}${v.reason ? `: ${v.reason}` : ''}` : '—'}</td>
              <td>
                <details>
                  <summary>{m.showText}</summary>
                  <p className="narrative">{v.narrative || '—'}</p>
                  <dl className="indicator-list">
                    {Object.entries(v.indicators).map(([k, x]) => (
                      <div key={k}>
                        <dt>{indicatorLabel(k, m)}</dt>
                        <dd>{MONEY_KEYS.includes(k) ? formatMoney(Number(x), lang) : formatNumber(Number(x), lang)}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
