import { useCallback, useEffect, useState } from 'react';
import { api, ApiProblem } from '../shared/api-client';
import { fill, useLang, useMessages } from '../shared/i18n';
import { formatInstant } from '../shared/format';
import { auditMessages } from './audit.messages';
import type { LatestSeal, Verification } from './audit.types';
import { asPin, pinnedSeal, pinSeal, unpinSeal } from './seal-pin';

/** Whether the log is intact (hash chains, gaps, seals), the latest seal, and a seal pinned in this browser. */
export const VerifyPanel = () => {
  const m = useMessages(auditMessages);
  const { lang } = useLang();
  const [result, setResult] = useState<Verification | null>(null);
  const [seal, setSeal] = useState<LatestSeal | null | undefined>(undefined);
  const [pinned, setPinned] = useState<LatestSeal | null>(pinnedSeal);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const verify = useCallback(
    async (pin: LatestSeal | null) => {
      setBusy(true);
      setProblem('');
      try {
        setResult(await api<Verification>(`/audit/verify${pin ? `?pin=${asPin(pin)}` : ''}`));
      } catch (e) {
        setResult(null);
        setProblem(e instanceof ApiProblem && e.status === 403 ? m.notAllowed : fill(m.failed, { detail: String(e) }));
      } finally {
        setBusy(false);
      }
    },
    [m],
  );
  useEffect(() => {
    void verify(pinnedSeal());
    api<LatestSeal>('/audit/seals/latest')
      .then(setSeal)
      .catch(() => setSeal(null));
  }, [verify]);

  return (
    <section className="card verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{m.verifyTitle}</h2>
      <div role="status" data-testid="verify-status">
        {busy && <p className="loading">{m.loading}</p>}
        {problem && <p className="problem">{problem}</p>}
        {result && !busy && <VerifyResult r={result} />}
      </div>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void verify(null)}>
          {m.verify}
        </button>
        {pinned && (
          <button type="button" disabled={busy} onClick={() => void verify(pinned)}>
            {m.verifyPinned}
          </button>
        )}
      </div>
      <h3>{m.latestSeal}</h3>
      {seal === undefined && <p className="loading">{m.loading}</p>}
      {seal === null && <p>{m.noSeal}</p>}
      {seal && (
        <div className="seal" data-testid="latest-seal">
          <p>
            {fill(m.sealRange, { count: seal.seal.count, after: seal.seal.after, upTo: seal.seal.upTo })}.{' '}
            {fill(m.signedAt, { at: formatInstant(seal.head.signedAt, lang), head: seal.head.position })}
          </p>
          <p>
            {m.root}: <code className="hash">{seal.seal.root}</code>
            <br />
            {m.keyId}: <code className="hash">{seal.seal.keyId}</code>
          </p>
          <button
            type="button"
            onClick={() => {
              pinSeal(seal);
              setPinned(seal);
              void verify(seal);
            }}
          >
            {m.pin}
          </button>
        </div>
      )}
      <p data-testid="pinned-seal">
        {pinned
          ? fill(m.pinned, { upTo: pinned.seal.upTo, at: formatInstant(pinned.head.signedAt, lang) })
          : m.notPinned}{' '}
        {pinned && (
          <button
            type="button"
            onClick={() => {
              unpinSeal();
              setPinned(null);
            }}
          >
            {m.unpin}
          </button>
        )}
      </p>
    </section>
  );
};

const VerifyResult = ({ r }: { r: Verification }) => {
  const m = useMessages(auditMessages);
  const { lang } = useLang();
  const gap = r.gaps.applies ? r.gaps.firstGap : null;
  return (
    <div className={`banner ${r.ok ? 'info intact' : 'warn broken'}`}>
      <p>
        <span className={`badge ${r.ok ? 'green' : 'red'}`}>{r.ok ? '✓' : '✗'}</span>{' '}
        <strong>{r.ok ? fill(m.intact, { n: r.eventsChecked, s: r.streams, p: r.position }) : m.broken}</strong>
      </p>
      {r.firstBad && (
        <p>
          {fill(m.firstBad, {
            stream: r.firstBad.stream,
            revision: r.firstBad.revision,
            position: r.firstBad.position,
            kind: r.firstBad.problem.kind,
          })}
        </p>
      )}
      {gap && <p>{fill(m.gap, { from: gap.from, to: gap.to, detail: gap.detail })}</p>}
      {r.seals.firstBad && <p>{fill(m.sealBad, { detail: r.seals.firstBad.detail })}</p>}
      {r.pins.map((p) => (
        <p key={`${p.upTo}-${p.headPosition ?? ''}`} data-testid="pin-result">
          {p.ok
            ? fill(m.pinOk, { upTo: p.upTo })
            : fill(m.pinBad, { upTo: p.upTo, detail: p.detail ?? p.problem ?? '' })}
        </p>
      ))}
      <p className="hint">{fill(m.checkedIn, { s: r.seconds.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN') })}</p>
    </div>
  );
};
