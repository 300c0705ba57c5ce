import { Id, Instant, Line, List, Obj, OneOf, Position, Static, Type } from '@gl/domain';
import { CommaSeparated } from '../shared/common.schemas';

/* What the feed, the audit trail and the verification take in their query strings. */

const FEED = {
  after: Type.Optional(
    Position({ description: 'Events strictly after this global position (default: from the start)' }),
  ),
  types: Type.Optional(
    CommaSeparated(
      '[a-z0-9.-]{1,100}',
      'Type prefixes, comma-separated (or the parameter repeated), e.g. `obligation.,report.submitted`',
      'must be type prefixes separated by commas (lower-case letters, digits, dots and dashes)',
    ),
  ),
  categories: Type.Optional(
    CommaSeparated(
      '[a-z]{1,50}',
      'Stream categories, comma-separated (or the parameter repeated), e.g. `obligation,report`',
      'must be stream categories separated by commas (lower-case words)',
    ),
  ),
};
const Limit = () =>
  Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'At most this many events in the page' });

/** Which envelope the feed's events come in (issue 16): ours, or CloudEvents 1.0. */
const Format = () => ({
  ...OneOf(['ledger', 'cloudevents']),
  default: 'ledger' as const,
  description:
    "Each event in the ledger's envelope (`ledger`, the default) or as a CloudEvents 1.0 JSON event (`cloudevents`)",
});

/** The live stream: where to start, and what to send; it has no page, so no limit. */
export const StreamQuery = Obj({
  ...FEED,
  format: Format(),
  named: Type.Boolean({
    default: false,
    description:
      'false (default): events are unnamed (no `event:` line; the type is in the data), so `EventSource.onmessage` ' +
      'receives every one; true: each carries `event: <type>`, for a listener per type. `event: end` is always named',
  }),
});
/** A page of the feed. */
export const EventsQuery = Obj({ ...FEED, format: Format(), limit: Limit() });

const At = (description: string) => Type.Optional(Instant({ description }));
const AUDIT = {
  ...FEED,
  stream: Type.Optional(Line(500, { description: 'One stream, e.g. `user-tanan-reporter`' })),
  actorId: Type.Optional(Id({ description: 'The person who recorded it' })),
  unitId: Type.Optional(Id({ description: 'The unit it is about (a subject unit)' })),
  recordedFrom: At('Recorded time from (ISO 8601 with a zone)'),
  recordedTo: At('Recorded time before (ISO 8601 with a zone)'),
  occurredFrom: At('Business time from (ISO 8601 with a zone)'),
  occurredTo: At('Business time before (ISO 8601 with a zone)'),
};
/** The audit trail's filters, as the exports take them: an export holds every event that matches. */
export const AuditFilterQuery = Obj(AUDIT);
/** A page of the audit trail. */
export const AuditQuery = Obj({ ...AUDIT, limit: Limit() });

/** A past read-model document: at a position, or at the last event recorded by an instant. */
export const ReadModelAsOfQuery = Obj({
  asOfPosition: Type.Optional(Position({ description: 'The global position to replay to' })),
  asOfRecorded: At('Or the instant: the last event recorded by then'),
});

const Pin = () =>
  Type.String({ maxLength: 8000, pattern: '^[A-Za-z0-9_-]+={0,2}$', errorMessage: 'must be base64url' });
export const VerifyQuery = Obj({
  pin: Type.Optional({
    ...List(Pin(), 20, 0),
    description:
      'A pinned seal: the base64url of its JSON, either the bare seal or the whole GET /api/v1/audit/seals/latest answer ' +
      '(then its signed head is checked too). Repeat for several. Verification fails when the log no longer holds the seal with the same ' +
      'range, count and root, or is shorter than it (or than the pinned head).',
  }),
});

export type StreamQuery = Static<typeof StreamQuery>;
export type EventsQuery = Static<typeof EventsQuery>;
export type AuditFilterQuery = Static<typeof AuditFilterQuery>;
export type AuditQuery = Static<typeof AuditQuery>;
export type ReadModelAsOfQuery = Static<typeof ReadModelAsOfQuery>;
export type VerifyQuery = Static<typeof VerifyQuery>;
