import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { query } from '../shared/api-client';
import { vietnamToday } from '../shared/format';
import { useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { SchemaForm } from './schema-form';
import { useTaskTitles } from './use-task-titles';
import { canWrite } from './work-access';
import { useTerm } from './work-terms';
import { workMessages } from './work.messages';
import { ACTIVITY_KINDS, type Obligation, type Page } from './work.types';

/** Records an activity of the unit, with the form generated from `POST /activities/{kind}`. */
export const NewActivityPage = () => {
  const { unitId = '', kind = '' } = useParams();
  const m = useMessages(workMessages);
  const term = useTerm();
  const navigate = useNavigate();
  const { me } = useSession();
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const { data } = useApi<Page<Obligation>>(`/units/${encodeURIComponent(unitId)}/inbox${query({ pageSize: 200 })}`);
  const titles = useTaskTitles((data?.items ?? []).map((o) => o.planId));
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind)) return <Navigate to={`/units/${unitId}/work`} replace />;
  const obligations = (data?.items ?? [])
    .filter((o) => !['cancelled', 'passed'].includes(o.status))
    .map((o) => ({
      value: o.obligationId,
      label: `${o.taskCode} ${titles[`${o.planId}/${o.taskCode}`] ?? ''}`.trim(),
    }));
  const dayField: Record<string, string> = {
    conference: 'heldOn',
    difficulty: 'raisedOn',
    regulation: 'issuedOn',
    resolution: 'draftedOn',
  };

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
      <h1>
        {m.record}: {term(`kind.${kind}`)}
      </h1>
      {!canWrite(me, unitId) ? (
        <p>{m.readOnly}</p>
      ) : (
        <div className="card form-card">
          <SchemaForm
            key={kind}
            route={`/activities/${kind}`}
            url={`/activities/${kind}`}
            fixed={{ unitId }}
            hidden={['activityId']}
            initial={{
              year: String(year),
              ...(dayField[kind] ? { details: { [dayField[kind]]: today } } : {}),
            }}
            selects={{ obligationId: obligations }}
            submitLabel={m.submit}
            onDone={(answer) => {
              const id = (answer as { activityId: string }).activityId;
              navigate(`/units/${unitId}/work/activities/${kind}/${id}`, { state: { recorded: true } });
            }}
          />
        </div>
      )}
    </main>
  );
};
