import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { api } from '../shared/api-client';
import { formatInstant } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { ObligationActions } from './obligation-actions';
import { useTaskTitles } from './use-task-titles';
import { canWrite, readFresh } from './work-access';
import { Deadline, StatusBadges, useEventName, useTerm } from './work-terms';
import { workMessages } from './work.messages';
import type { Obligation } from './work.types';

/** One obligation: what it asks, by when, where it stands, its history, and what the unit may do next. */
export const ObligationPage = () => {
  const { unitId = '', id = '' } = useParams();
  const m = useMessages(workMessages);
  const term = useTerm();
  const eventName = useEventName();
  const { lang } = useLang();
  const { me } = useSession();
  const [o, setO] = useState<Obligation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/obligations/${encodeURIComponent(id)}`;
  const titles = useTaskTitles(o ? [o.planId] : []);

  useEffect(() => {
    api<Obligation>(path)
      .then(setO)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [path]);

  const changed = useCallback(async () => {
    const before = o?.history.length ?? 0;
    const fresh = await readFresh<Obligation>(path, (x) => x.history.length > before);
    if (fresh) setO(fresh);
  }, [o, path]);

  return (
    <main id="main">
      <nav aria-label="breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/units/${unitId}/work`}>{m.title}</Link>
          </li>
          <li aria-current="page">{o?.taskCode ?? id}</li>
        </ol>
      </nav>
      {error && <p className="problem">{fill(m.loadFailed, { why: error })}</p>}
      {!o && !error && <p className="loading">{m.loading}</p>}
      {o && (
        <>
          <h1>
            {fill(m.obligation, { code: o.taskCode })}
            {titles[`${o.planId}/${o.taskCode}`] && <span className="sub">{titles[`${o.planId}/${o.taskCode}`]}</span>}
          </h1>
          <dl className="facts card">
            <div>
              <dt>{m.role}</dt>
              <dd>{term(`role.${o.role}`)}</dd>
            </div>
            <div>
              <dt>{m.deadline}</dt>
              <dd>
                <Deadline o={o} />
              </dd>
            </div>
            <div>
              <dt>{m.status}</dt>
              <dd>
                <StatusBadges o={o} />
              </dd>
            </div>
            <div>
              <dt>{m.percent}</dt>
              <dd>{o.percent}%</dd>
            </div>
          </dl>
          {o.extensionPending && (
            <p className="banner info">
              {term('event.extension-requested')}: {formatInstant(o.extensionPending.until, lang)} —{' '}
              {o.extensionPending.reason}
            </p>
          )}
          {o.explanationPending && <p className="banner warn">{term('event.explanation-requested')}</p>}
          {canWrite(me, o.unitId) ? <ObligationActions o={o} onChanged={changed} /> : <p>{m.readOnly}</p>}
          {o.activities.length > 0 && (
            <section aria-labelledby="linked">
              <h2 id="linked">{m.linked}</h2>
              <ul>
                {o.activities.map((a) => (
                  <li key={a.activityId}>
                    <Link to={`/units/${unitId}/work/activities/${a.kind}/${a.activityId}`}>
                      {term(`kind.${a.kind}`)}: {a.activityId}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="history">
            <h2 id="history">{m.history}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{m.at}</th>
                    <th scope="col">{m.event}</th>
                    <th scope="col">{m.by}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.history.map((h, i) => (
                    <tr key={i}>
                      <td>{formatInstant(h.at, lang)}</td>
                      <td>{eventName(h.type)}</td>
                      <td>{h.by}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </main>
  );
};
