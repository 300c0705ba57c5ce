import { Id, Instant, Line, List, Nullable, Obj, OneOf, Position, Prose, ROLES, Sha256, Type } from '@gl/domain';

/*
 * The envelope every event comes in (DESIGN.md, "Events"), on the feed, in the audit trail and in the
 * exports: where it is in the log, and who recorded it, when, why and for which units. Its data is
 * described per type in the catalogue (`/api/v1/event-types`).
 */

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
/** The units an event is about; a level abolished is about every unit of the level. */
const SubjectUnits = () => List(Id(), 100_000, 0);

export const ActorSchema = Obj(
  {
    userId: Id({ description: 'The person (or `system`, `sealer`) who recorded it' }),
    unitId: Nullable(Id({ description: 'The unit (đơn vị) the person acted for' })),
    roles: List(OneOf([...ROLES, 'system']), 10, 0),
  },
  { description: 'Who recorded it, with the rights they held at that moment' },
);

export const EventMetadataSchema = Obj({
  actor: ActorSchema,
  correlationId: Line(200, { description: 'X-Correlation-Id, or the request id, of the request that recorded it' }),
  causationId: Line(1000),
  recordedAt: Instant({ description: 'When the store accepted it (server time, UTC)' }),
  occurredAt: Type.Optional(Instant({ description: 'Business time: when it happened, where that differs' })),
  // X-Reason is bounded by the size of a request's headers (HEADER_LIMIT_BYTES, at most 1 MiB).
  reason: Type.Optional(Prose(1_048_576, { description: 'The reason a person gave (X-Reason)' })),
  subjectUnitIds: Type.Optional({
    ...SubjectUnits(),
    description: 'The units it is about, stamped at the append (events recorded since 2026-12)',
  }),
  schemaVersion: Type.Integer({ minimum: 1, maximum: 1000 }),
  prevHash: Sha256(),
  hash: Sha256(),
});

const envelope = {
  stream: Line(500, { description: '`category-id`, e.g. `obligation-<id>`, `units-registry`' }),
  revision: Count(),
  position: Position({ description: 'The global position, opaque: compare as unsigned 64-bit integers' }),
  eventId: Type.String({
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    maxLength: 36,
    description: 'uuid',
  }),
  type: Type.String({
    pattern: '^[a-z]+(\\.[a-z-]+)+\\.v[1-9][0-9]*$',
    maxLength: 100,
    description: 'dotted and versioned, e.g. `obligation.completed.v1`',
  }),
  data: Type.Object(
    {},
    { additionalProperties: true, description: "The event's data, as its type's schema describes it" },
  ),
  metadata: EventMetadataSchema,
};

/** An event as stored; on the feeds and in the exports it also names its subject units. */
export const EventEnvelopeSchema = Obj({
  ...envelope,
  subjectUnitIds: Type.Optional({
    ...SubjectUnits(),
    description: 'On the feeds and in the exports: the units it is about, as stamped or derived for older events',
  }),
});

/** An event as the feeds and the audit trail give it. */
export const FeedEventSchema = Obj({
  ...envelope,
  subjectUnitIds: { ...SubjectUnits(), description: 'The units it is about, as stamped or derived for older events' },
});

/** A page of the log: `next` continues the scan (also when a sparse filter ends a page early); `isEnd`, the log's end was reached. */
export const EventsPageSchema = Obj({
  items: List(FeedEventSchema, 1000),
  next: Position({ description: 'Ask again with after=next' }),
  isEnd: Type.Boolean(),
});

/** One stream's whole history. */
export const StreamHistorySchema = Obj({ stream: envelope.stream, events: List(FeedEventSchema, 10_000_000, 1) });
