import { useState } from 'react';
import { useHasRole } from './roles.hook';
import { useMessages } from '../shared/i18n';
import { reportingMessages } from './reporting.messages';
import type { Report } from './reporting.types';

/**
 * The steps the signed-in person may take now: the reporter prefills; the head signs and submits;
 * the coordinator returns a submitted report with a reason, and compiles Sở Nội vụ's own report.
 */
export const ReportActionsPanel = (p: {
  report: Report;
  mine: boolean;
  ownUnit: boolean;
  busy: boolean;
  act: (step: string, body: object, done: string) => void;
}) => {
  const m = useMessages(reportingMessages);
  const hasRole = useHasRole();
  const [reason, setReason] = useState('');
  const { status } = p.report;
  const prefill = p.mine && (hasRole('unit-reporter') || hasRole('unit-head')) && status === 'none';
  const compile = p.ownUnit && hasRole('plan-coordinator') && (status === 'none' || status === 'draft');
  const submit = p.mine && hasRole('unit-head') && status === 'draft';
  const giveBack = hasRole('plan-coordinator') && status === 'submitted' && !p.ownUnit;
  if (!prefill && !compile && !submit && !giveBack) return null;
  return (
    <section className="card actions" aria-label={m.status}>
      {prefill && (
        <button type="button" disabled={p.busy} onClick={() => p.act('prefill', {}, m.prefilled)}>
          {m.prefill}
        </button>
      )}
      {compile && (
        <button type="button" disabled={p.busy} onClick={() => p.act('compilation', {}, m.compiled)}>
          {m.compile}
        </button>
      )}
      {submit && (
        <div>
          <button
            type="button"
            className="primary"
            disabled={p.busy}
            onClick={() => p.act('submission', {}, m.submitted)}
          >
            {m.submit}
          </button>
          <p className="hint">{m.submitHint}</p>
        </div>
      )}
      {giveBack && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            p.act('return', { reason }, m.returned);
          }}
        >
          <h2>{m.returnTitle}</h2>
          <div className="field">
            <label htmlFor="return-reason">{m.returnReason}</label>
            <textarea id="return-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" disabled={p.busy || !reason.trim()}>
            {m.returnIt}
          </button>
        </form>
      )}
    </section>
  );
};
