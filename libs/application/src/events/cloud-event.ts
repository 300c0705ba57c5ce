import { CloudEvent } from 'cloudevents';
import type { RecordedEvent } from '@gl/event-store';

/**
 * An event of the log as a CloudEvents 1.0 JSON event (structured mode), the one envelope of the
 * webhooks, and of the paged feed and SSE with `?format=cloudevents` (issue 16):
 * - `id` the event id (also every delivery's `webhook-id`), `type` the persisted type,
 *   `subject` the stream, `time` when the store recorded it, `source` this record's feed,
 *   `dataschema` the JSON Schema of the type's data (`GET /api/v1/event-types/{type}`), `data` its data;
 * - extensions (lower-case letters and digits, scalar values, as the spec asks): `position` (the
 *   global position, to resume from), `subjectunits` (the units it is about, comma-separated),
 *   `revision`, `hash` and `prevhash` (to check the stream's hash chain without a second call),
 *   `actor` and `actorunit` (who recorded it, for which unit), `correlationid`, and `occurredat`
 *   and `reason` when the event has them.
 */
export interface CloudEventJson {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  data: unknown;
  position: string;
  subjectunits: string;
  revision: number;
  hash: string;
  prevhash: string;
  actor: string;
  actorunit?: string;
  correlationid: string;
  occurredat?: string;
  reason?: string;
}

/** The event as a CloudEvent; `baseUrl` is PUBLIC_BASE_URL (`https://ledger.example.vn`). */
export const cloudEventOf = (e: RecordedEvent, subjectUnitIds: readonly string[], baseUrl: string): CloudEventJson => {
  const base = baseUrl.replace(/\/+$/, '');
  const m = e.metadata;
  const json: CloudEventJson = {
    specversion: '1.0',
    id: e.eventId,
    source: `${base}/api/v1/events`,
    type: e.type,
    subject: e.stream,
    time: m.recordedAt,
    datacontenttype: 'application/json',
    dataschema: `${base}/api/v1/event-types/${encodeURIComponent(e.type)}`,
    data: e.data,
    position: e.position,
    subjectunits: subjectUnitIds.join(','),
    revision: e.revision,
    hash: m.hash,
    prevhash: m.prevHash,
    actor: m.actor.userId,
    ...(m.actor.unitId ? { actorunit: m.actor.unitId } : {}),
    correlationid: m.correlationId,
    ...(m.occurredAt ? { occurredat: m.occurredAt } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
  };
  return json;
};

/** Checks an envelope against the CloudEvents spec with the SDK's own validation (tests and the AsyncAPI example). */
export const validCloudEvent = (json: CloudEventJson): boolean => new CloudEvent<unknown>({ ...json }, true).validate();
