import { type FormEvent, useState } from 'react';
import { api } from '../shared/api-client';
import { fill, useMessages } from '../shared/i18n';
import { reportingMessages } from './reporting.messages';
import { problemText } from './reporting.words';

/** Đôn đốc: the coordinator reminds every unit that has not reported, with a message. */
export const RemindForm = (p: { periodId: string; title: string; missing: number; onDone: () => void }) => {
  const m = useMessages(reportingMessages);
  const [message, setMessage] = useState(() => fill(m.remindDefault, { period: p.title }));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await api<{ reminded: number }>(`/reporting/periods/${p.periodId}/reminders`, {
        method: 'POST',
        body: { message },
      });
      setNote(fill(m.reminded, { n: r.reminded }));
      setTimeout(p.onDone, 300);
    } catch (err) {
      setNote(problemText(err, m));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void send(e)}>
      <h2>{m.remindTitle}</h2>
      <div className="field">
        <label htmlFor="remind-message">{m.remindMessage}</label>
        <textarea id="remind-message" value={message} required onChange={(e) => setMessage(e.target.value)} />
      </div>
      <button type="submit" className="primary" disabled={busy || !message.trim()}>
        {fill(m.remind, { n: p.missing })}
      </button>
      <p role="status">{note}</p>
    </form>
  );
};
