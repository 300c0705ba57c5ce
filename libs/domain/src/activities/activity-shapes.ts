import type { ActivityEvent, ActivityKind } from './activity.events';
import { invalid } from './activity-rules';

/**
 * The exact shape of what an activity records, beyond its rules: a field it does not know is
 * refused, not kept (DESIGN.md: unknown fields are rejected), and a field that may be empty is
 * stored as null when left out, so that every stored event matches its published JSON Schema.
 */

/** The fields of each step, with the value of those that may be left out. */
const STEP_FIELDS: Record<string, { fields: string[]; nulls?: string[] }> = {
  'resolution.consulted.v1': { fields: ['consultedOn', 'with', 'summary'] },
  'resolution.submitted.v1': { fields: ['submittedOn', 'to'] },
  'resolution.adopted.v1': { fields: ['number', 'adoptedOn'] },
  'resolution.returned.v1': { fields: ['returnedOn', 'reason'] },
  'regulation.amended.v1': { fields: ['number', 'issuedOn', 'summary'] },
  'regulation.replaced.v1': { fields: ['byActivityId', 'on'] },
  'budget.submitted.v1': { fields: ['to'] },
  'budget.approved.v1': { fields: ['amount', 'by'] },
  'budget.adjusted.v1': { fields: ['amount', 'by', 'reason'] },
  'budget.allocated.v1': { fields: ['amount'] },
  'budget.spent.v1': { fields: ['amount', 'note'] },
  'difficulty.guidance-given.v1': { fields: ['guidance', 'on'] },
  'difficulty.escalated.v1': { fields: ['note', 'on'] },
  'difficulty.decided.v1': { fields: ['decision', 'documentNumber', 'on'], nulls: ['documentNumber'] },
};

/** Fields of a recorded activity that are null when there is nothing to give. */
const OPENING_NULLS: Partial<Record<ActivityKind, string[]>> = {
  conference: ['evidence'], regulation: ['document', 'replaces'], training: ['attendedTrainingId'],
};

/** The keys each nested part may carry, by the field that holds it (a list's items, or one object). */
const PARTS: Record<string, { keys: string[]; nulls?: string[]; inner?: Record<string, string[]> }> = {
  items: { keys: ['title', 'link', 'publishedOn'], nulls: ['link'] },
  documents: { keys: ['number', 'date', 'issuer', 'title', 'finding', 'proposal'] },
  evidence: { keys: ['documentNumber', 'documentDate', 'attachments'], inner: { attachments: ['name', 'sha256', 'size'] } },
  document: { keys: ['name', 'sha256', 'size'] },
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const onlyKeys = (v: unknown, keys: string[], what: string) => {
  if (!isObject(v)) return;
  const extra = Object.keys(v).filter((k) => !keys.includes(k));
  if (extra.length) invalid(`${what} has no field ${extra.join(', ')} (fields: ${keys.join(', ')})`);
};

const withNulls = (v: Record<string, unknown>, nulls: string[] = []): Record<string, unknown> =>
  ({ ...Object.fromEntries(nulls.map((k) => [k, null])), ...v });

/**
 * Checks the nested parts of recorded fields, or of a correction's changes, and fills their empty
 * fields with null; a recording (not a correction, which changes only what it names) also gets null
 * for its own empty fields.
 */
export const shapeFields = (kind: ActivityKind, fields: Record<string, unknown>, recording: boolean): Record<string, unknown> => {
  const out = { ...fields };
  for (const [field, part] of Object.entries(PARTS)) {
    const v = out[field];
    const shape = (x: unknown, what: string) => {
      onlyKeys(x, part.keys, what);
      if (!isObject(x)) return x;
      for (const [k, keys] of Object.entries(part.inner ?? {})) {
        if (Array.isArray(x[k])) (x[k] as unknown[]).forEach((y, i) => onlyKeys(y, keys, `${what} ${k} ${i + 1}`));
      }
      return withNulls(x, part.nulls);
    };
    if (Array.isArray(v)) out[field] = v.map((x, i) => shape(x, `${field} ${i + 1}`));
    else if (isObject(v)) out[field] = shape(v, field);
  }
  return recording ? withNulls(out, OPENING_NULLS[kind]) : out;
};

/** A step carries its own fields only, with null for those it may leave out. */
export const shapeStep = (e: ActivityEvent): ActivityEvent => {
  const known = STEP_FIELDS[e.type];
  if (!known) return e;
  onlyKeys(e.data, ['activityId', ...known.fields], `${e.type}`);
  return { ...e, data: withNulls(e.data as unknown as Record<string, unknown>, known.nulls) } as unknown as ActivityEvent;
};
