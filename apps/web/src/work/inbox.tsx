import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiProblem, query } from '../shared/api-client';
import { fill, useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { useTaskTitles } from './use-task-titles';
import { readFresh } from './work-access';
import { Deadline, StatusBadges, useTerm } from './work-terms';
import { workMessages } from './work.messages';
import type { Obligation, Page } from './work.types';

const STATUSES = ['open', 'acknowledged', 'in-progress', 'completed', 'answered', 'declined', 'cancelled', 'passed'];

/** The unit's obligations, filtered by status and year; an open one is acknowledged from here. */
export const Inbox = ({ unitId, thisYear, writable }: { unitId: string; thisYear: number; writable: boolean }) => {
  const m = useMessages(workMessages);
  const term = useTerm();
  const [status, setStatus] = useState('');
  // All years by default: the plan's one-off tasks (II.1.d, II.4) belong to no year.
  const [year, setYear] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const path = `/units/${encodeURIComponent(unitId)}/inbox${query({ status, year, pageSize: 200 })}`;
  const { data, error, loading, reload } = useApi<Page<Obligation>>(path);
  const titles = useTaskTitles((data?.items ?? []).map((o) => o.planId));
  const years = Array.from({ length: 5 }, (_, i) => thisYear + 1 - i);

  const acknowledge = async (o: Obligation) => {
    setBusy(o.obligationId);
    setSaid(null);
    try {
      await api(`/obligations/${encodeURIComponent(o.obligationId)}/acknowledgement`, { method: 'POST' });
      await readFresh<Obligation>(`/obligations/${encodeURIComponent(o.obligationId)}`, (x) => x.status !== 'open');
      setSaid(`${o.taskCode}: ${m.acknowledged}`);
      reload();
    } catch (e) {
      setSaid(e instanceof ApiProblem ? (e.body.detail ?? e.message) : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">{m.inbox}</h2>
      <div className="toolbar" role="group" aria-label={m.filter}>
        <label>
          {m.status}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{m.allStatuses}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {term(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.year}
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{m.allYears}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" className="said">
        {said}
      </p>
      {error && <p className="problem">{fill(m.loadFailed, { why: error.message })}</p>}
      {loading && !data && <p className="loading">{m.loading}</p>}
      {data && data.items.length === 0 && <p>{m.none}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="inbox">
            <thead>
              <tr>
                <th scope="col">{m.task}</th>
                <th scope="col">{m.deadline}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr
                  key={o.obligationId}
                  data-testid={`obligation-${o.taskCode}`}
                  className={o.overdue ? 'overdue' : undefined}
                >
                  <td>
                    <Link to={`obligations/${encodeURIComponent(o.obligationId)}`}>
                      <strong>{o.taskCode}</strong> {titles[`${o.planId}/${o.taskCode}`] ?? ''}
                    </Link>
                    <span className="sub">
                      {term(`role.${o.role}`)}
                      {o.year ? ` · ${o.year}` : ''}
                    </span>
                  </td>
                  <td className="deadline">
                    <Deadline o={o} />
                  </td>
                  <td>
                    <StatusBadges o={o} />
                    {o.percent > 0 && o.status === 'in-progress' && <span className="sub">{o.percent}%</span>}
                  </td>
                  <td>
                    {writable && o.status === 'open' && (
                      <button
                        type="button"
                        disabled={busy === o.obligationId}
                        onClick={() => void acknowledge(o)}
                        aria-label={`${m.acknowledge}: ${o.taskCode}`}
                      >
                        {m.acknowledge}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
