import { useMemo, useState } from 'react';
import { download, query } from '../shared/api-client';
import { fill, useMessages } from '../shared/i18n';
import { useApi } from '../shared/use-api';
import { AuditEventsTable } from './audit-events.table';
import { auditMessages } from './audit.messages';
import type { EventsPage, UnitItem } from './audit.types';

const LIMIT = 50;

/** The history of a unit (every event about it) or of one stream, a page at a time, with its exports. */
export const AuditHistoryView = ({
  filter,
  units,
}: {
  filter: { unitId: string } | { stream: string };
  units: UnitItem[] | null;
}) => {
  const m = useMessages(auditMessages);
  const [afters, setAfters] = useState<string[]>([]);
  const after = afters.at(-1);
  const { data, error, loading } = useApi<EventsPage>(`/audit/events${query({ ...filter, after, limit: LIMIT })}`);
  const unitNames = useMemo(() => Object.fromEntries((units ?? []).map((u) => [u.id, u.name])), [units]);
  const [problem, setProblem] = useState('');
  const name = 'unitId' in filter ? (unitNames[filter.unitId] ?? filter.unitId) : filter.stream;
  const save = (ext: 'csv' | 'ndjson') =>
    download(`/audit/export.${ext}${query(filter)}`, `audit.${ext}`).catch((e: unknown) =>
      setProblem(fill(m.failed, { detail: String((e as Error).message) })),
    );
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{fill('unitId' in filter ? m.historyOfUnit : m.historyOfStream, { name })}</h2>
      <div className="toolbar">
        <span className="label">{m.exports}:</span>
        <button type="button" onClick={() => void save('csv')}>
          {m.csv}
        </button>
        <button type="button" onClick={() => void save('ndjson')}>
          {m.ndjson}
        </button>
      </div>
      {problem && <p className="problem">{problem}</p>}
      {error && <p className="problem">{fill(m.failed, { detail: error.message })}</p>}
      {loading && !data && <p className="loading">{m.loading}</p>}
      {data && data.items.length === 0 && <p>{m.none}</p>}
      {data && data.items.length > 0 && <AuditEventsTable events={data.items} unitNames={unitNames} />}
      <nav className="toolbar paging" aria-label={m.paging}>
        <button type="button" disabled={afters.length === 0} onClick={() => setAfters(afters.slice(0, -1))}>
          {m.previous}
        </button>
        <span>{fill(m.page, { n: afters.length + 1 })}</span>
        <button
          type="button"
          disabled={!data || data.isEnd || data.items.length < LIMIT}
          onClick={() => data && setAfters([...afters, data.next])}
        >
          {m.next}
        </button>
      </nav>
    </section>
  );
};
