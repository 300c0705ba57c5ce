import {
  ACTIVITY_EVENTS,
  INSPECTION_EVENTS,
  OBLIGATION_EVENTS,
  PLAN_EVENTS,
  publishedSchema,
  REPORTING_EVENTS,
  TSchema,
  UNIT_EVENTS,
  USER_EVENTS,
} from '@gl/domain';
import { SEAL_EVENTS } from '@gl/event-store';
import { EventEnvelopeSchema } from './event-envelope';

/**
 * The catalogue served at /api/v1/event-types for integrators: every area's map of `type → data
 * schema`, the one definition each event's type, validation and JSON Schema (draft 2020-12) come from
 * (ADR 0009), and the envelope. The e2e suites validate every event they store against it.
 */
export const EVENT_DATA_SCHEMAS: Readonly<Record<string, TSchema>> = {
  ...UNIT_EVENTS,
  ...USER_EVENTS,
  ...PLAN_EVENTS,
  ...OBLIGATION_EVENTS,
  ...ACTIVITY_EVENTS,
  ...REPORTING_EVENTS,
  ...INSPECTION_EVENTS,
  ...SEAL_EVENTS,
};

type Schema = Record<string, unknown>;

/** The data schema of every event type, as published. */
export const EVENT_SCHEMAS: Readonly<Record<string, Schema>> = Object.fromEntries(
  Object.entries(EVENT_DATA_SCHEMAS).map(([type, schema]) => [type, publishedSchema(schema)]),
);

/** The envelope every event comes in, on the feed and in exports. */
export const ENVELOPE_SCHEMA: Schema = publishedSchema(EventEnvelopeSchema);

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Where a type's data schema is served: `<PUBLIC_BASE_URL>/api/v1/event-types/<type>` (a CloudEvent's `dataschema`). */
export const eventTypeSchemaUrl = (type: string, baseUrl = '') =>
  `${baseUrl.replace(/\/+$/, '')}/api/v1/event-types/${encodeURIComponent(type)}`;

/** A type the catalogue does not hold. */
export class UnknownEventTypeError extends Error {
  static readonly problem = { type: '/problems/event-type-not-found', status: 404, title: 'Event type not found' };
  constructor(type: string) {
    super(`no event type ${type}: GET /api/v1/event-types lists them`);
    this.name = 'UnknownEventTypeError';
  }
}

/** One type's data schema as served, its `$id` its address under `baseUrl` (PUBLIC_BASE_URL). */
export const eventTypeSchema = (type: string, baseUrl = ''): Schema => {
  if (!Object.hasOwn(EVENT_SCHEMAS, type)) throw new UnknownEventTypeError(type);
  return { $schema: DRAFT, $id: eventTypeSchemaUrl(type, baseUrl), ...EVENT_SCHEMAS[type] };
};

/** The catalogue; with `baseUrl`, each schema's `$id` is absolute, as `dataschema` names it. */
export const eventTypeCatalogue = (baseUrl = '') => ({
  envelope: { $schema: DRAFT, ...ENVELOPE_SCHEMA },
  items: Object.keys(EVENT_SCHEMAS).map((type) => ({
    type,
    category: type.split('.')[0],
    schema: eventTypeSchema(type, baseUrl),
  })),
});
