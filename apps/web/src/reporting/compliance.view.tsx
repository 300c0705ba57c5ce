import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { useHasRole } from './roles.hook';
import { download, query } from '../shared/api-client';
import { useLang, useMessages } from '../shared/i18n';
import { formatInstant, formatNumber, formatPercent } from '../shared/format';
import { useApi } from '../shared/use-api';
import { ComplianceTable } from './compliance.table';
import { RemindForm } from './remind.form';
import { reportingMessages } from './reporting.messages';
import type { Compliance, Period } from './reporting.types';
import { deadlineWords, problemText } from './reporting.words';

const LEVELS = ['city', 'district', 'commune'] as const;

/** A period's compliance: on time, late, not reported, by unit; filtered by level; the coordinator reminds. */
export const ComplianceView = () => {
  const m = useMessages(reportingMessages);
  const { lang } = useLang();
  const { me } = useSession();
  const hasRole = useHasRole();
  const { periodId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const level = params.get('level') ?? '';
  const path = `/reporting/periods/${periodId}/compliance${query({ level })}`;
  const { data, error, reload } = useApi<Compliance>(path);
  const periods = useApi<{ items: Period[] }>('/reporting/periods');
  const period = periods.data?.items.find((p) => p.periodId === periodId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const save = async () => {
    setBusy(true);
    setProblem('');
    try {
      await download(`/reporting/periods/${periodId}/compliance.xlsx${query({ level })}`, `${periodId}.xlsx`);
    } catch (e) {
      setProblem(problemText(e, m));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="reporting">
      <nav className="breadcrumbs" aria-label={m.back}>
        <ol>
          <li>
            <Link to="/reporting">{m.periods}</Link>
          </li>
          <li aria-current="page">{data?.title ?? periodId}</li>
        </ol>
      </nav>
      <h1>
        {m.compliance}: {data?.title ?? periodId}
      </h1>
      {period && (
        <p>
          {m.deadline}: <strong>{deadlineWords(period, m, lang)}</strong> ({formatInstant(period.deadline, lang)})
        </p>
      )}
      <div className="toolbar">
        <label>
          {m.level}
          <select value={level} onChange={(e) => setParams(e.target.value ? { level: e.target.value } : {})}>
            <option value="">{m.allLevels}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {m[`level-${l}`]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void save()} disabled={busy}>
          {m.complianceXlsx}
        </button>
        {me && <Link to={`/reporting/${periodId}/${me.user.unitId}`}>{m.myReport}</Link>}
      </div>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {error && <p className="problem">{problemText(error, m)}</p>}
      {!data && !error && <p className="loading">{m.loading}</p>}
      {data && (
        <>
          <div className="figures" aria-label={m.compliance} role="group">
            <Figure name={m.expected} value={formatNumber(data.expected, lang)} />
            <Figure name={m.received} value={formatNumber(data.received, lang)} />
            <Figure name={m['status-on-time']} value={formatNumber(data.onTime, lang)} tone="green" />
            <Figure name={m['status-late']} value={formatNumber(data.late, lang)} tone="amber" />
            <Figure name={m['status-missing']} value={formatNumber(data.missing, lang)} tone="red" />
            <Figure name={m.rate} value={formatPercent(data.rate == null ? null : data.rate / 100, lang)} />
            <Figure
              name={m.onTimeRate}
              value={formatPercent(data.onTimeRate == null ? null : data.onTimeRate / 100, lang)}
            />
          </div>
          {hasRole('plan-coordinator') && data.missing > 0 && (
            <RemindForm periodId={periodId} title={data.title} missing={data.missing} onDone={reload} />
          )}
          <h2>{m.unit}</h2>
          <ComplianceTable periodId={periodId} rows={data.rows} />
        </>
      )}
    </main>
  );
};

const Figure = ({ name, value, tone }: { name: string; value: string; tone?: string }) => (
  <div className={`figure ${tone ?? ''}`}>
    <span className="value">{value}</span>
    <span className="name">{name}</span>
  </div>
);
