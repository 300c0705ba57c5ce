import { useLang, useMessages } from '../shared/i18n';
import { formatInstant } from '../shared/format';
import { roleMessages } from '../shared/roles.messages';
import { auditMessages } from './audit.messages';
import type { AuditEvent } from './audit.types';
import { eventTypeMessages } from './event-types.messages';
import { useUserNames } from './audit-lookups.hook';

const typeKey = (type: string) => type.replace(/\.v\d+$/, '');

/** One row per event: what, who (person, unit, role), recorded and business time in Vietnam, reason, hash. */
export const AuditEventsTable = ({
  events,
  unitNames,
}: {
  events: AuditEvent[];
  unitNames: Record<string, string>;
}) => {
  const m = useMessages(auditMessages);
  const types = useMessages(eventTypeMessages);
  const roles = useMessages(roleMessages);
  const { lang } = useLang();
  const names = useUserNames(events.map((e) => e.metadata.actor.userId));
  return (
    <div className="table-wrap">
      <table data-testid="audit-events" className="audit-events">
        <thead>
          <tr>
            <th scope="col" className="num">
              {m.position}
            </th>
            <th scope="col">{m.event}</th>
            <th scope="col">{m.who}</th>
            <th scope="col">{m.recordedAt}</th>
            <th scope="col">{m.occurredAt}</th>
            <th scope="col">{m.reason}</th>
            <th scope="col">{m.hash}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const { actor } = e.metadata;
            const words = (types as Record<string, string>)[typeKey(e.type)];
            return (
              <tr key={e.eventId} data-type={e.type}>
                <td className="num">{e.position}</td>
                <th scope="row">
                  {words ?? e.type}
                  <small>
                    <code>{e.type}</code> · {e.stream} #{e.revision}
                  </small>
                </th>
                <td className="who">
                  {actor.userId === 'system' ? m.system : (names[actor.userId] ?? actor.userId)}
                  {actor.unitId && <small>{unitNames[actor.unitId] ?? actor.unitId}</small>}
                  {actor.roles.length > 0 && actor.userId !== 'system' && (
                    <small>{actor.roles.map((r) => (roles as Record<string, string>)[r] ?? r).join(', ')}</small>
                  )}
                </td>
                <td className="when">{formatInstant(e.metadata.recordedAt, lang)}</td>
                <td className="when">{formatInstant(e.metadata.occurredAt ?? e.metadata.recordedAt, lang)}</td>
                <td>
                  {e.metadata.reason && <span className="reason">{e.metadata.reason}</span>}
                  <small>
                    {m.correlation}: <code>{e.metadata.correlationId}</code>
                  </small>
                </td>
                <td>
                  <code className="hash" title={e.metadata.hash}>
                    {e.metadata.hash.slice(0, 16)}…
                  </code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
