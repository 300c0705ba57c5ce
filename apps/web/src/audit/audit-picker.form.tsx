import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMessages } from '../shared/i18n';
import { auditMessages } from './audit.messages';
import type { UnitItem } from './audit.types';

/** Pick a unit from the registry, or type a stream's name. */
export const AuditPickerForm = ({
  units,
  unitId,
  stream,
}: {
  units: UnitItem[] | null;
  unitId?: string;
  stream?: string;
}) => {
  const m = useMessages(auditMessages);
  const go = useNavigate();
  const [unit, setUnit] = useState(unitId ?? '');
  const [name, setName] = useState(stream ?? '');
  const showUnit = (e: FormEvent) => {
    e.preventDefault();
    if (unit) void go(`/audit/units/${unit}`);
  };
  const showStream = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) void go(`/audit/streams/${encodeURIComponent(name.trim())}`);
  };
  return (
    <div className="grid two audit-picker">
      <form className="card" onSubmit={showUnit}>
        <div className="field">
          <label htmlFor="audit-unit">{m.unit}</label>
          <select id="audit-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{m.chooseUnit}</option>
            {(units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={!unit}>
          {m.showUnit}
        </button>
      </form>
      <form className="card" onSubmit={showStream}>
        <div className="field">
          <label htmlFor="audit-stream">{m.stream}</label>
          <input
            id="audit-stream"
            value={name}
            aria-describedby="audit-stream-hint"
            onChange={(e) => setName(e.target.value)}
          />
          <span className="hint" id="audit-stream-hint">
            {m.streamHint}
          </span>
        </div>
        <button type="submit" disabled={!name.trim()}>
          {m.showStream}
        </button>
      </form>
    </div>
  );
};
