import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDay, formatInstant, formatMoney } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import { ActivityFields } from './activity-fields';
import { ActivityAmendments, ActivitySteps } from './activity-steps';
import { DifficultyThread } from './difficulty-thread';
import { readFresh } from './work-access';
import { useEventName, useTerm } from './work-terms';
import { workMessages } from './work.messages';
import type { Activity } from './work.types';

/** The business day of the i-th step of the history: the day its step of that type (in turn) names, if any. */
const dayOf = (a: Activity, i: number): string | null => {
  const type = a.history[i].type;
  const nth = a.history.slice(0, i).filter((h) => h.type === type).length;
  return a.steps.filter((s) => s.type === type)[nth]?.on ?? null;
};

/** A recorded activity: what was recorded, its steps in order, its corrections, and what may follow. */
export const ActivityPage = () => {
  const { unitId = '', kind = '', id = '' } = useParams();
  const recorded = Boolean((useLocation().state as { recorded?: boolean } | null)?.recorded);
  const m = useMessages(workMessages);
  const term = useTerm();
  const eventName = useEventName();
  const { lang } = useLang();
  const [a, setA] = useState<Activity | null>(null);
  const [missing, setMissing] = useState(false);
  const path = `/activities/${kind}/${encodeURIComponent(id)}`;

  useEffect(() => {
    // Just recorded: the read model follows a moment behind, so it is read until it is there.
    void readFresh<Activity>(path, () => true, recorded ? 25 : 1).then((x) => (x ? setA(x) : setMissing(true)));
  }, [path, recorded]);

  const changed = useCallback(async () => {
    const before = a?.history.length ?? 0;
    const fresh = await readFresh<Activity>(path, (x) => x.history.length > before);
    if (fresh) setA(fresh);
  }, [a, path]);

  return (
    <main id="main">
      <nav aria-label="breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/units/${unitId}/work`}>{m.title}</Link>
          </li>
          <li aria-current="page">{term(`kind.${kind}`)}</li>
        </ol>
      </nav>
      {missing && <p className="problem">{fill(m.loadFailed, { why: id })}</p>}
      {!a && !missing && <p className="loading">{m.loading}</p>}
      {a && (
        <>
          <h1>
            {term(`kind.${a.kind}`)}
            <span className="sub">{a.activityId}</span>
          </h1>
          {recorded && (
            <p className="banner info" role="status">
              {m.recorded}
            </p>
          )}
          {a.withdrawn && <p className="banner warn">{m.withdrawn}</p>}
          <section className="card" aria-labelledby="fields">
            <h2 id="fields">{m.fields}</h2>
            <p className="sub">
              {m.year} {a.year}
              {a.taskCode && ` · ${m.forObligation} ${a.taskCode}`} · {a.recordedBy} ·{' '}
              {formatInstant(a.recordedAt, lang)}
            </p>
            <ActivityFields fields={a.fields} />
            {a.kind === 'budget' && (
              <p>
                {m.money}: {formatMoney(Number(a.money.estimated), lang)} · {term('step.approval')}{' '}
                {a.money.approved === null ? '—' : formatMoney(Number(a.money.approved), lang)} ·{' '}
                {term('step.allocation')} {formatMoney(Number(a.money.allocated), lang)} · {term('step.spending')}{' '}
                {formatMoney(Number(a.money.spent), lang)}
              </p>
            )}
          </section>
          {a.kind === 'difficulty' ? (
            <DifficultyThread a={a} />
          ) : (
            <section aria-labelledby="steps">
              <h2 id="steps">{m.steps}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{m.day}</th>
                      <th scope="col">{m.step}</th>
                      <th scope="col">{m.by}</th>
                      <th scope="col">{m.at}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.history.map((h, i) => (
                      <tr key={i}>
                        <td>{formatDay(dayOf(a, i))}</td>
                        <td>{eventName(h.type)}</td>
                        <td>{h.by}</td>
                        <td>{formatInstant(h.at, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {a.corrections.length > 0 && (
            <section aria-labelledby="corrections">
              <h2 id="corrections">{m.corrections}</h2>
              <ul>
                {a.corrections.map((c, i) => (
                  <li key={i}>
                    {formatInstant(c.at, lang)} · {c.by}: {c.reason} ({Object.keys(c.changes).join(', ')})
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ActivitySteps a={a} onDone={changed} />
          <ActivityAmendments a={a} onDone={changed} />
        </>
      )}
    </main>
  );
};
