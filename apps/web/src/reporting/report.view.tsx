import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { useHasRole } from './roles.hook';
import { api, ApiProblem, download } from '../shared/api-client';
import { fill, useLang, useMessages } from '../shared/i18n';
import { formatInstant, vietnamToday } from '../shared/format';
import { useApi } from '../shared/use-api';
import { ReportActionsPanel } from './report-actions.panel';
import { type EditorResult, ReportEditorForm } from './report-editor.form';
import { ReportVersionsTable } from './report-versions.table';
import { reportingMessages } from './reporting.messages';
import type { Period, Report, Written } from './reporting.types';
import { deadlineWords, problemText, readUntil } from './reporting.words';

const TONE = { none: 'grey', draft: 'amber', submitted: 'green', returned: 'red' } as const;
const empty = (periodId: string, unitId: string): Report => ({
  periodId,
  unitId,
  status: 'none',
  current: 0,
  versions: [],
  firstSubmittedAt: null,
  onTime: null,
  returns: [],
});
const signature = (r: Report) => JSON.stringify([r.status, r.current, r.versions, r.returns]);

/** One unit's report for a period: prefill, draft, sign and submit, return, correct; every version; exports. */
export const ReportView = () => {
  const m = useMessages(reportingMessages);
  const { lang } = useLang();
  const { me } = useSession();
  const hasRole = useHasRole();
  const { periodId = '', unitId = '' } = useParams();
  const path = `/reporting/periods/${periodId}/reports/${unitId}`;
  const read = useApi<Report>(path);
  // No report yet answers 404: an empty report, which the unit may prefill or draft.
  const none = read.error instanceof ApiProblem && read.error.status === 404;
  // After a write, the report as read once it showed the write (a second read of the same would only revalidate).
  const [fresh, setFresh] = useState<Report | null>(null);
  const report: Report | null = fresh ?? read.data ?? (none ? empty(periodId, unitId) : null);
  const error = none ? null : read.error;
  const periods = useApi<{ items: Period[] }>('/reporting/periods');
  const period = periods.data?.items.find((p) => p.periodId === periodId);
  // The unit as it stood on the last day on time, as the exports name it.
  const asOf = period ? vietnamToday(new Date(Date.parse(period.deadline) - 1)) : null;
  const unit = useApi<{ onDate?: { name: string } | null }>(asOf ? `/units/${unitId}?asOf=${asOf}` : null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [round, setRound] = useState(0);
  const unitName = unit.data?.onDate?.name ?? unitId;
  const writes = Boolean(me?.scope.writes.includes(unitId));

  /** Records one step, waits until the report shows it, and says so. */
  const act = async (step: string, body: object, done: string) => {
    if (!report) return;
    setBusy(true);
    setNote('');
    const before = signature(report);
    try {
      await api<Written>(`${path}/${step}`, { method: 'POST', body });
      const after = await readUntil<Report>(path, (r) => signature(r) !== before);
      setNote(after ? done : m.waitStale);
      if (after) setFresh(after);
      setRound((r) => r + 1);
    } catch (e) {
      setNote(problemText(e, m));
    } finally {
      setBusy(false);
    }
  };
  const save = (r: EditorResult) => void act(r.reason === undefined ? 'draft' : 'correction', r, m.saved);
  const get = (ext: 'xlsx' | 'docx') =>
    download(`${path}/report.${ext}`, `bao-cao-${unitId}-${periodId}.${ext}`).catch((e: unknown) =>
      setNote(problemText(e, m)),
    );

  const current = report?.versions.find((v) => v.version === report.current);
  // The unit's own people draft and correct; the coordinator only Sở Nội vụ's own (compiled) report.
  const drafts =
    hasRole('unit-reporter') || hasRole('unit-head') || (hasRole('plan-coordinator') && me?.user.unitId === unitId);
  const editable = report && writes && drafts;
  return (
    <main id="main" className="reporting">
      <nav className="breadcrumbs" aria-label={m.back}>
        <ol>
          <li>
            <Link to="/reporting">{m.periods}</Link>
          </li>
          <li>
            <Link to={`/reporting/${periodId}`}>{period?.title ?? periodId}</Link>
          </li>
          <li aria-current="page">{unitName}</li>
        </ol>
      </nav>
      <h1>{fill(m.report, { unit: unitName })}</h1>
      {period && (
        <p>
          {period.title} — {m.deadline}: {deadlineWords(period, m, lang)} ({formatInstant(period.deadline, lang)})
        </p>
      )}
      {error && <p className="problem">{problemText(error, m)}</p>}
      {!report && !error && <p className="loading">{m.loading}</p>}
      {report && (
        <>
          <p className="report-status">
            {m.status}:{' '}
            <span className={`badge ${TONE[report.status]}`} data-testid="report-status">
              {m[`report-${report.status}`]}
            </span>
            {report.onTime !== null && (
              <span className={`badge ${report.onTime ? 'green' : 'amber'}`}>{report.onTime ? m.onTime : m.late}</span>
            )}
            {report.firstSubmittedAt && <span> {formatInstant(report.firstSubmittedAt, lang)}</span>}
          </p>
          <p role="status" className="note">
            {note}
          </p>
          <ReportActionsPanel
            report={report}
            mine={writes}
            ownUnit={me?.user.unitId === unitId}
            busy={busy}
            act={(step, body, done) => void act(step, body, done)}
          />
          {editable && (
            <ReportEditorForm
              key={`${signature(report)}-${round}`}
              initial={{ indicators: current?.indicators ?? {}, narrative: current?.narrative ?? '' }}
              correction={report.status === 'submitted' || report.status === 'returned'}
              busy={busy}
              onSave={save}
            />
          )}
          <h2>{m.versions}</h2>
          <ReportVersionsTable report={report} />
          {report.versions.length > 0 && (
            <>
              <h2>{m.downloads}</h2>
              <div className="toolbar">
                <button type="button" onClick={() => void get('xlsx')}>
                  {m.reportXlsx}
                </button>
                <button type="button" onClick={() => void get('docx')}>
                  {m.reportDocx}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </main>
  );
};
