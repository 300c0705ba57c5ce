import { formatInstant } from '../shared/format';
import { fill, useLang, useMessages } from '../shared/i18n';
import type { Obligation } from './work.types';
import { termMessages, workMessages } from './work.messages';

const TONE: Record<string, string> = {
  completed: 'green',
  answered: 'green',
  'in-progress': 'amber',
  acknowledged: 'amber',
  open: 'grey',
  cancelled: 'grey',
  passed: 'grey',
  declined: 'grey',
};

/** A term's words, or the term itself when there are none. */
export const useTerm = () => {
  const t = useMessages(termMessages) as Record<string, string>;
  return (key: string) => t[key] ?? key.replace(/^\w+\./, '');
};

/** An event type (`obligation.progress-updated.v1`) in words. */
export const useEventName = () => {
  const term = useTerm();
  return (type: string) => {
    const what = type.replace(/^[a-z]+\./, '').replace(/\.v\d+$/, '');
    return term(`event.${what}`);
  };
};

/** The obligation's status as a badge with words (not colour alone), and "overdue" beside it. */
export const StatusBadges = ({ o }: { o: Pick<Obligation, 'status' | 'overdue'> }) => {
  const term = useTerm();
  const m = useMessages(workMessages);
  return (
    <>
      <span className={`badge ${TONE[o.status] ?? 'grey'}`}>{term(`status.${o.status}`)}</span>
      {o.overdue && (
        <>
          {' '}
          <span className="badge red">{m.overdue}</span>
        </>
      )}
    </>
  );
};

/** The deadline as the plan words it, then the day it falls on in Vietnam: "Quý IV năm 2023 · trước ngày 01/01/2024". */
export const Deadline = ({ o }: { o: Pick<Obligation, 'timeWords' | 'deadline'> }) => {
  const m = useMessages(workMessages);
  const { lang } = useLang();
  if (!o.deadline) return <>{o.timeWords || m.noDeadline}</>;
  const at = formatInstant(o.deadline, lang);
  const when = at.endsWith(' 00:00') ? fill(m.before, { day: at.slice(0, 10) }) : fill(m.beforeAt, { at });
  return (
    <>
      {o.timeWords && <span className="time-words">{o.timeWords}</span>}
      <span className="deadline-day">
        <time dateTime={o.deadline}>{when}</time>
      </span>
    </>
  );
};
