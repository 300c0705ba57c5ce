import { Id, Instant, List, Obj, Position, Static, Type } from '@gl/domain';
import type { CloudEventJson } from './cloud-event';
import { EventEnvelopeSchema, EventMetadataSchema } from './event-envelope';

/*
 * The CloudEvents 1.0 envelope (`cloud-event.ts`) as a schema: the answer of the paged feed with
 * `?format=cloudevents`, the `data:` of each SSE event in that format, the body of every webhook,
 * and the payload of every message of the AsyncAPI document.
 */

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
/** An absolute http(s) URL (a pattern: the validators here register no `uri` format). */
export const HttpUrl = (description?: string) =>
  Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, ...(description && { description }) });
const ID = '[a-z0-9][a-z0-9-]{0,99}';
const metadata = EventMetadataSchema.properties;

export const CloudEventSchema = Obj(
  {
    specversion: Type.Literal('1.0'),
    id: { ...EventEnvelopeSchema.properties.eventId, description: 'The event id (uuid); also its `webhook-id`' },
    source: HttpUrl("This record's feed, `<PUBLIC_BASE_URL>/api/v1/events`"),
    type: EventEnvelopeSchema.properties.type,
    subject: { ...EventEnvelopeSchema.properties.stream, description: 'The stream, e.g. `obligation-<id>`' },
    time: Instant({ description: 'When the store recorded it (UTC)' }),
    datacontenttype: Type.Literal('application/json'),
    dataschema: HttpUrl("The JSON Schema of the type's data: `<PUBLIC_BASE_URL>/api/v1/event-types/<type>`"),
    data: Type.Object(
      {},
      { additionalProperties: true, description: "The event's data, as its type's schema (`dataschema`) describes it" },
    ),
    position: Position({ description: 'Extension: the global position (resume after it)' }),
    subjectunits: Type.String({
      maxLength: 10_100_000,
      pattern: `^(${ID}(,${ID})*)?$`,
      description: 'Extension: the units it is about, comma-separated (empty: none)',
    }),
    revision: { ...Count(), description: "Extension: the event's revision in its stream" },
    hash: { ...metadata.hash, description: "Extension: the event's hash in its stream's chain" },
    prevhash: { ...metadata.prevHash, description: "Extension: the previous event's hash (the chain)" },
    actor: Id({ description: 'Extension: who recorded it (`system`, `sealer` for the system itself)' }),
    actorunit: Type.Optional(Id({ description: 'Extension: the unit the person acted for' })),
    correlationid: { ...metadata.correlationId, description: 'Extension: the correlation id of the request' },
    occurredat: Type.Optional(Instant({ description: 'Extension: business time, where it differs' })),
    reason: Type.Optional({ ...metadata.reason, description: 'Extension: the reason a person gave (X-Reason)' }),
  },
  { description: 'A CloudEvents 1.0 event (JSON, structured mode)' },
);

/** A page of the feed with `?format=cloudevents`: the same page, each event a CloudEvent. */
export const CloudEventsPageSchema = Obj(
  {
    items: List(CloudEventSchema, 1000),
    next: Position({ description: 'Ask again with after=next' }),
    isEnd: Type.Boolean(),
  },
  { description: 'With `format=cloudevents`' },
);

/** The schema and the type `cloudEventOf` gives stay one: each side must accept the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Omit<Static<typeof CloudEventSchema>, 'data'>, Omit<CloudEventJson, 'data'>> = true;
void sameShape;
