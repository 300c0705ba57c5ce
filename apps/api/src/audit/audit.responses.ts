import { CloudEventsPageSchema, EventEnvelopeSchema, EventsPageSchema } from '@gl/application';
import { Line, List, Nullable, Obj, OneOf, Position, Prose, Sha256, Static, Type } from '@gl/domain';

/* What the audit trail, the verification and the event catalogue answer. */

export { EventsPageSchema, StreamHistorySchema } from '@gl/application';
export { LatestSealSchema } from '@gl/event-store';

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Detail = () => Prose(5000);
/** A JSON Schema (draft 2020-12), as served. */
const JsonSchema = (description: string) => Type.Object({}, { additionalProperties: true, description });

/** A page of the feed, in the envelope `format` asks for. */
export const EventsPageAnswer = Type.Union([EventsPageSchema, CloudEventsPageSchema], {
  type: 'object',
  description: "`format=ledger` (default): the ledger's envelope; `format=cloudevents`: CloudEvents 1.0",
});

/** One type's data schema: JSON Schema (draft 2020-12) with `$schema`, and `$id` the address it is served at (a CloudEvent's `dataschema`). */
export const EventTypeSchemaAnswer = JsonSchema(
  "The JSON Schema (draft 2020-12) of the type's data, with `$schema`; `$id` is its URL under PUBLIC_BASE_URL",
);

/** The AsyncAPI document of the webhooks and the SSE stream. */
export const AsyncApiAnswer = Type.Object(
  { asyncapi: Type.Literal('3.0.0') },
  { additionalProperties: true, description: 'An AsyncAPI 3.0 document' },
);

export const EventTypesAnswer = Obj({
  envelope: JsonSchema('The envelope every event comes in, on the feed and in the exports'),
  items: List(
    Obj({
      type: EventEnvelopeSchema.properties.type,
      category: Line(50, { description: "The stream category (the type's first word)" }),
      schema: JsonSchema("The JSON Schema of the type's data; `$id` is its address here"),
    }),
    1000,
  ),
});

export const SealKeyAnswer = Obj({
  algorithm: Type.Literal('Ed25519'),
  keyId: Sha256(),
  publicKeyPem: Prose(1000, { description: 'SPKI, PEM' }),
});

export const ReadModelAsOfAnswer = Obj({
  asOfPosition: Position(),
  document: Type.Object(
    {},
    {
      additionalProperties: true,
      description: 'The document as its projection kept it then, with `_id` and `_position`',
    },
  ),
});

/** What a row holds where its chain does not hold: whatever was written there. */
const AsStored = () => Type.String({ maxLength: 1_048_576, description: 'as stored' });
const ChainBreak = Type.Union([
  Obj({ kind: Type.Literal('revision-gap'), expected: Count() }),
  Obj({ kind: Type.Literal('prev-hash-mismatch'), expected: Sha256(), found: AsStored() }),
  Obj({ kind: Type.Literal('hash-mismatch'), expected: Sha256(), found: AsStored() }),
]);
const BadEvent = Obj({
  stream: AsStored(),
  revision: Count(),
  position: Position(),
  eventId: AsStored(),
  problem: ChainBreak,
});

const PinVerification = Obj({
  after: Position(),
  upTo: Position(),
  count: Count(),
  root: Sha256(),
  signature: Line(200),
  headPosition: Nullable(Position({ description: "The pinned head's position, when the pin carried one" })),
  ok: Type.Boolean(),
  problem: Nullable(
    OneOf(['key', 'signature', 'short', 'count', 'root', 'missing'], { description: 'The first check that failed' }),
  ),
  detail: Nullable(Detail()),
  sealRevision: Nullable({ ...Count(), description: "The pinned seal's revision in seal-log, while it is there" }),
});

/** Everything `audit verify` checks: the chains, the positions, the seals and the pins given. */
export const RecordVerificationAnswer = Obj({
  ok: Type.Boolean({ description: 'False when a chain, a position, a seal or a pin does not hold' }),
  streams: Count(),
  eventsChecked: Count(),
  firstBad: Nullable({ ...BadEvent, description: 'The first event whose chain link does not hold' }),
  position: Position({ description: 'Verified up to this position' }),
  gaps: Type.Union(
    [
      Obj({
        applies: Type.Literal(true),
        firstGap: Nullable(Obj({ from: Position(), to: Position(), atTail: Type.Boolean(), detail: Detail() })),
      }),
      Obj({ applies: Type.Literal(false), reason: Detail() }),
    ],
    {
      description:
        "Missing positions, looked for where the store's positions are dense (SQLite); elsewhere `applies` is false",
    },
  ),
  seals: Obj(
    {
      keyId: Sha256(),
      seals: Count(),
      sealedUpTo: Position({ description: 'The end of the last good seal: the log is vouched for up to here' }),
      firstBad: Nullable(
        Obj({
          sealRevision: Count(),
          after: Position(),
          upTo: Position(),
          problem: OneOf(['chain', 'key', 'signature', 'count', 'root']),
          detail: Detail(),
        }),
      ),
    },
    { description: 'Every seal in seal-log checked in order' },
  ),
  pins: List(PinVerification, 20),
  seconds: Type.Number({ minimum: 0 }),
});
export type RecordVerificationAnswer = Static<typeof RecordVerificationAnswer>;
