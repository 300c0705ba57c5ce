import { Link, Route, Routes, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { vietnamToday } from '../shared/format';
import { useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { ActivityList } from './activity-list';
import { ActivityPage } from './activity.page';
import { Inbox } from './inbox';
import { NewActivityPage } from './new-activity.page';
import { ObligationPage } from './obligation.page';
import { UnitFigures } from './unit-figures';
import { canWrite } from './work-access';
import { useTerm } from './work-terms';
import { workMessages } from './work.messages';
import { ACTIVITY_KINDS } from './work.types';
import './work.css';

/** The unit's work: its figures this year, what it may record, its inbox and its recent activities. */
const WorkHome = () => {
  const { unitId = '' } = useParams();
  const m = useMessages(workMessages);
  const term = useTerm();
  const { me } = useSession();
  const year = Number(vietnamToday().slice(0, 4));
  const writable = canWrite(me, unitId);
  const { data: unit } = useApi<{ onDate?: { name?: string } }>(`/units/${encodeURIComponent(unitId)}`);
  return (
    <main id="main">
      <h1>
        {m.title}
        <span className="sub">{unit?.onDate?.name ?? unitId}</span>
      </h1>
      <UnitFigures unitId={unitId} year={year} />
      {writable && (
        <nav aria-labelledby="record-title" className="card">
          <h2 id="record-title">{m.record}</h2>
          <ul className="record-links">
            {ACTIVITY_KINDS.map((k) => (
              <li key={k}>
                <Link className="button" to={`new/${k}`}>
                  {term(`kind.${k}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Inbox unitId={unitId} thisYear={year} writable={writable} />
      <ActivityList unitId={unitId} year={year} />
    </main>
  );
};

export const UnitWorkPage = () => (
  <Routes>
    <Route index element={<WorkHome />} />
    <Route path="obligations/:id" element={<ObligationPage />} />
    <Route path="new/:kind" element={<NewActivityPage />} />
    <Route path="activities/:kind/:id" element={<ActivityPage />} />
  </Routes>
);
