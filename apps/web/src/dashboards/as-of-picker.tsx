import { type FormEvent, useEffect, useState } from 'react';
import { formatDay, vietnamToday } from '../shared/format';
import { useMessages } from '../shared/i18n';
import { dashboardMessages } from './dashboards.messages';

/** `14/11/2023` as `2023-11-14`, or null when it is not a real day. */
export const parseDay = (text: string): string | null => {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
};

/**
 * "Xem như ngày…": a day written dd/mm/yyyy (the same in every browser, unlike a native date
 * field), before today; applied with its button or Enter. Empty is today.
 */
export const AsOfPicker = ({ value, onChange }: { value: string | null; onChange: (day: string | null) => void }) => {
  const m = useMessages(dashboardMessages);
  const [text, setText] = useState(value ? formatDay(value) : '');
  const [wrong, setWrong] = useState(false);
  useEffect(() => {
    setText(value ? formatDay(value) : '');
    setWrong(false);
  }, [value]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return onChange(null);
    const day = parseDay(text);
    if (!day || day >= vietnamToday()) return setWrong(true);
    setWrong(false);
    onChange(day);
  };
  return (
    <form className="filter as-of-picker" onSubmit={apply}>
      <label htmlFor="dash-as-of">{m.asOfDay}</label>
      <span className="as-of-row">
        <input
          id="dash-as-of"
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          size={11}
          value={text}
          aria-invalid={wrong || undefined}
          aria-describedby="as-of-hint"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{m.asOfApply}</button>
      </span>
      <small id="as-of-hint" className={wrong ? 'hint problem' : 'hint'} role={wrong ? 'alert' : undefined}>
        {wrong ? m.asOfWrong : m.asOfHint}
      </small>
    </form>
  );
};
