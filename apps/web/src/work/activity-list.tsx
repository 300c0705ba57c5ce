import { Link } from 'react-router';
import { query } from '../shared/api-client';
import { formatInstant } from '../shared/format';
import { useLang, useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { useTerm } from './work-terms';
import { workMessages } from './work.messages';
import type { Activity, Page } from './work.types';

/** The activities the unit recorded in a year, newest first. */
export const ActivityList = ({ unitId, year }: { unitId: string; year: number }) => {
  const m = useMessages(workMessages);
  const term = useTerm();
  const { lang } = useLang();
  const { data } = useApi<Page<Activity>>(`/activities${query({ unitId, year, pageSize: 100 })}`);
  const items = [...(data?.items ?? [])].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <section aria-labelledby="recent">
      <h2 id="recent">{m.recent}</h2>
      {data && items.length === 0 && <p>{m.noActivities}</p>}
      {items.length > 0 && (
        <ul className="activity-list">
          {items.map((a) => (
            <li key={`${a.kind}/${a.activityId}`}>
              <Link to={`activities/${a.kind}/${a.activityId}`}>
                {term(`kind.${a.kind}`)}: {String(a.fields.title ?? a.fields.place ?? a.fields.outlet ?? a.activityId)}
              </Link>{' '}
              <span className="sub">
                {a.taskCode ?? ''} · {formatInstant(a.recordedAt, lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
