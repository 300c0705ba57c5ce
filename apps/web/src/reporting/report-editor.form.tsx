import { type FormEvent, useState } from 'react';
import { useMessages } from '../shared/i18n';
import { reportingMessages, type ReportingWords } from './reporting.messages';
import { INDICATOR_KEYS, type Indicators, MONEY_KEYS } from './reporting.types';

export interface EditorResult {
  indicators: Indicators;
  narrative: string;
  reason?: string;
}

const WHOLE = /^(0|[1-9][0-9]{0,24})$/;
const label = (k: string, m: ReportingWords) => (m[k as keyof ReportingWords] as string | undefined) ?? k;

/** The report's indicators and text; a correction also asks why. Whole numbers only; money leaves as a decimal string. */
export const ReportEditorForm = (p: {
  initial: { indicators: Indicators; narrative: string };
  correction: boolean;
  busy: boolean;
  onSave: (r: EditorResult) => void;
}) => {
  const m = useMessages(reportingMessages);
  const keys = [
    ...INDICATOR_KEYS,
    ...Object.keys(p.initial.indicators).filter((k) => !INDICATOR_KEYS.includes(k as never)),
  ];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      keys.map((k) => [k, p.initial.indicators[k] === undefined ? '' : String(p.initial.indicators[k])]),
    ),
  );
  const [narrative, setNarrative] = useState(p.initial.narrative);
  const [reason, setReason] = useState('');
  const bad = keys.filter((k) => values[k].trim() !== '' && !WHOLE.test(values[k].trim()));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bad.length) return;
    const indicators: Indicators = {};
    for (const k of keys) {
      const v = values[k].trim();
      if (v !== '') indicators[k] = MONEY_KEYS.includes(k) ? v : Number(v);
    }
    p.onSave({ indicators, narrative, ...(p.correction ? { reason } : {}) });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="editor-title">
      <h2 id="editor-title">{p.correction ? m.correctTitle : m.draftTitle}</h2>
      <fieldset className="indicators">
        <legend>{m.indicators}</legend>
        <div className="indicator-grid">
          {keys.map((k) => (
            <div key={k} className={`field ${bad.includes(k) ? 'invalid' : ''}`}>
              <label htmlFor={`ind-${k}`}>{label(k, m)}</label>
              <input
                id={`ind-${k}`}
                inputMode="numeric"
                value={values[k]}
                aria-invalid={bad.includes(k)}
                aria-describedby={bad.includes(k) ? `ind-${k}-error` : undefined}
                onChange={(e) => setValues({ ...values, [k]: e.target.value })}
              />
              {bad.includes(k) && (
                <span className="error" id={`ind-${k}-error`}>
                  {m.mustBeWhole}
                </span>
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="narrative">{m.narrative}</label>
        <textarea id="narrative" rows={6} value={narrative} onChange={(e) => setNarrative(e.target.value)} />
      </div>
      {p.correction && (
        <div className="field">
          <label htmlFor="reason">{m.reason}</label>
          <input id="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <button type="submit" className="primary" disabled={p.busy || bad.length > 0 || (p.correction && !reason.trim())}>
        {p.correction ? m.saveCorrection : m.saveDraft}
      </button>
    </form>
  );
};

export const indicatorLabel = label;
