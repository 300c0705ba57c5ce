import { useSession } from '../auth/session';
import { useMessages } from '../shared/i18n';
import { SchemaForm } from './schema-form';
import { canWrite, isCoordinator } from './work-access';
import { useTerm } from './work-terms';
import { workMessages } from './work.messages';
import { ACTIVITY_STEPS, type Activity, COORDINATOR_STEPS } from './work.types';

/** The next steps of an activity's life that the reader may record, each from its route's schema. */
export const ActivitySteps = ({ a, onDone }: { a: Activity; onDone: () => Promise<void> }) => {
  const m = useMessages(workMessages);
  const term = useTerm();
  const { me } = useSession();
  if (a.withdrawn) return null;
  const steps = (ACTIVITY_STEPS[a.kind] ?? []).filter((s) =>
    COORDINATOR_STEPS.includes(`${a.kind}.${s}`) ? isCoordinator(me) : canWrite(me, a.unitId),
  );
  const coordinatorOnly = (ACTIVITY_STEPS[a.kind] ?? []).some((s) => COORDINATOR_STEPS.includes(`${a.kind}.${s}`));
  if (!steps.length && !coordinatorOnly) return null;
  const base = `/activities/${a.kind}/${encodeURIComponent(a.activityId)}`;
  return (
    <section aria-labelledby="add-step">
      <h2 id="add-step">{m.addStep}</h2>
      {a.kind === 'difficulty' && !isCoordinator(me) && <p className="banner info">{m.coordinatorOnly}</p>}
      {steps.map((s) => (
        <details key={s} className="card action">
          <summary>{term(`step.${s}`)}</summary>
          <SchemaForm
            route={`/activities/${a.kind}/{id}/steps/${s}`}
            url={`${base}/steps/${s}`}
            submitLabel={term(`step.${s}`)}
            onDone={onDone}
          />
        </details>
      ))}
    </section>
  );
};

/** Correcting (the fields given replace what was recorded) or withdrawing a recording, with a reason. */
export const ActivityAmendments = ({ a, onDone }: { a: Activity; onDone: () => Promise<void> }) => {
  const m = useMessages(workMessages);
  const { me } = useSession();
  if (a.withdrawn || !canWrite(me, a.unitId)) return null;
  const base = `/activities/${a.kind}/${encodeURIComponent(a.activityId)}`;
  return (
    <section aria-labelledby="amend">
      <h2 id="amend">
        {m.correction} / {m.withdrawal}
      </h2>
      <details className="card action">
        <summary>{m.correction}</summary>
        <SchemaForm
          route={`/activities/${a.kind}/{id}/correction`}
          url={`${base}/correction`}
          submitLabel={m.correction}
          onDone={onDone}
        />
      </details>
      <details className="card action">
        <summary>{m.withdrawal}</summary>
        <SchemaForm
          route="/activities/{kind}/{id}/withdrawal"
          url={`${base}/withdrawal`}
          submitLabel={m.withdrawal}
          onDone={onDone}
        />
      </details>
    </section>
  );
};
