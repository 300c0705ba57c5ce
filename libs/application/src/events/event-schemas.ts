import { ACTIVITY_EVENTS, INSPECTION_EVENTS, OBLIGATION_EVENTS, PLAN_EVENTS, publishedSchema, REPORTING_EVENTS, TSchema } from '@gl/domain';
/**
 * A JSON Schema (draft 2020-12) for the data of every event type, served at /api/v1/event-types for
 * integrators. Written as data with a few helpers; a test validates every event a scripted year
 * produces against its schema, so the catalogue cannot drift from what is stored.
 */
type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const text: Schema = { type: 'string', minLength: 1 };
const int: Schema = { type: 'integer', minimum: 0 };
const bool: Schema = { type: 'boolean' };
const date: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a calendar day in Vietnam' };
const instant: Schema = { type: 'string', format: 'date-time' };
const position: Schema = { type: 'string', pattern: '^(0|[1-9][0-9]*)$' };
const sha256: Schema = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });
const arr = (items: Schema): Schema => ({ type: 'array', items });
/** Every listed property is required unless its name ends with '?'. */
const obj = (props: Record<string, Schema>, extra = false): Schema => {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    const name = k.replace(/\?$/, '');
    properties[name] = v;
    if (!k.endsWith('?')) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: extra };
};

const legalBasis = obj({ number: text, date: nullable(date), issuer: text, 'title?': str });
const code = nullable(obj({ code: text, table: text }));
const newUnit = { unitId: text, name: text, 'nameEn?': nullable(str), 'code?': code, kind: str, 'subtype?': nullable(str), level: str, parentId: nullable(str) };
const effective = { effectiveOn: date, legalBasis };

/** Not yet moved to their area's TypeBox definitions (ADR 0009); each area's map joins below. */
const LEGACY_SCHEMAS: Record<string, Schema> = {
  'unit.established.v1': obj({ ...newUnit, effectiveOn: date, legalBasis: nullable(legalBasis), asExisting: bool }),
  'unit.renamed.v1': obj({ unitId: text, name: text, 'nameEn?': nullable(str), ...effective }),
  'unit.recoded.v1': obj({ unitId: text, code, ...effective }),
  'unit.reclassified.v1': obj({ unitId: text, kind: str, subtype: nullable(str), level: str, ...effective }),
  'unit.reparented.v1': obj({ unitId: text, parentId: nullable(str), ...effective }),
  'units.merged.v1': obj({ predecessors: arr(obj({ unitId: text, whole: bool, 'share?': nullable({ type: 'number', exclusiveMinimum: 0, maximum: 1 }) })), successor: { anyOf: [obj(newUnit), obj({ unitId: text })] }, ...effective }),
  'unit.split.v1': obj({ unitId: text, successors: arr(obj({ ...newUnit, 'share?': nullable({ type: 'number', exclusiveMinimum: 0, maximum: 1 }) })), ...effective }),
  'unit.part-transferred.v1': obj({ fromUnitId: text, toUnitId: text, description: text, ...effective }),
  'unit.dissolved.v1': obj({ unitId: text, ...effective }),
  'units.level-abolished.v1': obj({ level: str, ...effective }),
  'user.registered.v1': obj({ userId: text, displayName: text, unitId: text, email: nullable(str), externalId: nullable(str) }),
  'user.role-granted.v1': obj({ userId: text, role: str, unitId: text, from: instant, grantedBy: text, reason: nullable(str) }),
  'user.role-revoked.v1': obj({ userId: text, role: str, unitId: text, from: instant, revokedBy: text, reason: nullable(str) }),
  'audit.sealed.v1': obj({ after: position, upTo: position, count: int, root: sha256, previous: nullable(str), keyId: sha256, signature: text }),
};

const published = (m: Record<string, TSchema>): Record<string, Schema> =>
  Object.fromEntries(Object.entries(m).map(([type, schema]) => [type, publishedSchema(schema)]));

export const EVENT_SCHEMAS: Record<string, Schema> = { ...LEGACY_SCHEMAS, ...published(OBLIGATION_EVENTS), ...published(PLAN_EVENTS), ...published(REPORTING_EVENTS), ...published(INSPECTION_EVENTS), ...published(ACTIVITY_EVENTS) };

/** The envelope every event comes in, on the feed and in exports. */
export const ENVELOPE_SCHEMA: Schema = obj({
  stream: text, revision: int, position: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' }, eventId: text, type: text, data: { type: 'object' },
  metadata: obj({
    actor: obj({ userId: text, unitId: nullable(str), roles: arr(str) }), correlationId: str, causationId: str, recordedAt: instant,
    'occurredAt?': instant, 'reason?': str, 'subjectUnitIds?': arr(str), schemaVersion: int, prevHash: str, hash: str,
  }),
  // On the feeds and in exports: the units the event is about, as stamped or derived for older events.
  'subjectUnitIds?': arr(str),
});

export const eventTypeCatalogue = () => ({
  envelope: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...ENVELOPE_SCHEMA },
  items: Object.entries(EVENT_SCHEMAS).map(([type, schema]) => ({
    type, category: type.split('.')[0], schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `/api/v1/event-types/${type}`, ...schema },
  })),
});
