import { formatDay, formatInstant } from '../shared/format';
import { useLang, useMessages } from '../shared/i18n';
import { useEventName } from './work-terms';
import { workMessages } from './work.messages';
import type { Activity } from './work.types';

/** The words each step of a difficulty carries, from the activity's current fields. */
const wordsOf = (type: string, f: Record<string, unknown>): string | null => {
  if (type === 'difficulty.raised.v1') return `${String(f.title ?? '')}. ${String(f.description ?? '')}`;
  if (type === 'difficulty.guidance-given.v1') return (f.guidance as string) ?? null;
  if (type === 'difficulty.decided.v1') return (f.decision as string) ?? null;
  return null;
};

/**
 * A difficulty as a thread, in the order it happened: the unit raises it, Sở Nội vụ answers with
 * guidance or reports it to the City People's Committee, which decides.
 */
export const DifficultyThread = ({ a }: { a: Activity }) => {
  const m = useMessages(workMessages);
  const eventName = useEventName();
  const { lang } = useLang();
  const steps = a.history.filter((h) => h.type.startsWith('difficulty.'));
  const dayOf = (type: string) => a.steps.find((s) => s.type === type)?.on;
  return (
    <section aria-labelledby="thread">
      <h2 id="thread">{m.thread}</h2>
      <ol className="thread">
        {steps.map((h, i) => {
          const words = wordsOf(h.type, a.fields);
          const day = dayOf(h.type);
          return (
            <li key={i} className={`thread-step ${h.type.split('.')[1]}`}>
              <p className="thread-head">
                <strong>{h.type === 'difficulty.raised.v1' ? m.raised : eventName(h.type)}</strong>
                {day && <> · {formatDay(day)}</>}
                <span className="sub">
                  {h.by} · {formatInstant(h.at, lang)}
                </span>
              </p>
              {words && <p className="thread-words">{words}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
};
