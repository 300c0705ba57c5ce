import { useState } from 'react';
import { api, ApiProblem } from '../shared/api-client';
import { useMessages } from '../shared/i18n';
import { SchemaForm } from './schema-form';
import { useTerm } from './work-terms';
import { workMessages } from './work.messages';
import type { Obligation } from './work.types';

const CLOSED = ['completed', 'cancelled', 'passed', 'answered', 'declined'];

/** The routes the API offers the unit for an obligation in its state: an order's, or a request's (đề nghị). */
export const actionsFor = (o: Obligation): string[] => {
  if (CLOSED.includes(o.status)) return [];
  // An ongoing duty (thường xuyên) has no deadline to extend.
  const order = ['progress', 'completion', ...(o.deadline ? ['extension-requests'] : [])];
  const own = o.kind === 'requested' ? ['progress', 'answer', 'declination'] : order;
  return o.explanationPending ? ['explanation', ...own] : own;
};

/** The unit's actions on one obligation, each a form generated from its route's schema. */
export const ObligationActions = ({ o, onChanged }: { o: Obligation; onChanged: () => Promise<void> }) => {
  const m = useMessages(workMessages);
  const term = useTerm();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/obligations/${encodeURIComponent(o.obligationId)}`;
  const actions = actionsFor(o);

  const acknowledge = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api(`${base}/acknowledgement`, { method: 'POST' });
      await onChanged();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? (e.body.detail ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="obligation-actions">
      <h2 id="obligation-actions">{m.actions}</h2>
      {o.status === 'open' && (
        <p>
          <button type="button" className="primary" disabled={busy} onClick={() => void acknowledge()}>
            {m.acknowledge}
          </button>
        </p>
      )}
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {actions.map((a) => (
        <details key={a} className="card action" open={a === 'explanation'}>
          <summary>{term(`action.${a}`)}</summary>
          <SchemaForm
            route={`/obligations/{id}/${a}`}
            url={`${base}/${a}`}
            initial={a === 'progress' ? { percent: String(o.percent || ''), note: '' } : undefined}
            submitLabel={term(`action.${a}`)}
            onDone={onChanged}
          />
        </details>
      ))}
    </section>
  );
};
