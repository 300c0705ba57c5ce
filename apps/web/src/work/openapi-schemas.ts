import { api } from '../shared/api-client';

/*
 * The API's own description of its request bodies (`GET /docs-json`, built from the TypeBox schemas
 * it validates with), loaded once per page load, with each schema normalised for the form generator.
 */

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
  [k: string]: unknown;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

let doc: Promise<OpenApiDoc> | null = null;

/** The OpenAPI document, fetched at most once (a failed fetch is tried again next time). */
export const openApiDocument = (): Promise<OpenApiDoc> => {
  doc ??= api<OpenApiDoc>('/docs-json').catch((e: unknown) => {
    doc = null;
    throw e;
  });
  return doc;
};

/** Replaces every `$ref` (`#/components/schemas/X`) by what it names; a cycle stops at the second visit. */
export const resolveRefs = (s: JsonSchema, d: OpenApiDoc, seen: string[] = []): JsonSchema => {
  if (s.$ref) {
    if (seen.includes(s.$ref)) return {};
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    const target = d.components?.schemas?.[name] ?? {};
    return resolveRefs(target, d, [...seen, s.$ref]);
  }
  const out: JsonSchema = { ...s };
  if (s.properties)
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolveRefs(v, d, seen)]));
  if (s.items) out.items = resolveRefs(s.items, d, seen);
  if (s.anyOf) out.anyOf = s.anyOf.map((v) => resolveRefs(v, d, seen));
  if (s.oneOf) out.oneOf = s.oneOf.map((v) => resolveRefs(v, d, seen));
  return out;
};

/** The JSON request body schema of a route (`post`, `/api/v1/activities/{kind}`), or null when it takes none. */
export const requestBodySchema = async (method: string, template: string): Promise<JsonSchema | null> => {
  const d = await openApiDocument();
  const path = template.startsWith('/api/') ? template : `/api/v1${template}`;
  const op = d.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`the API document has no ${method.toUpperCase()} ${path}`);
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return schema ? resolveRefs(schema, d) : null;
};

/** What kind of control a schema asks for. */
export type Shape =
  | { kind: 'text'; long: boolean }
  | { kind: 'date' }
  | { kind: 'month' }
  | { kind: 'instant' }
  | { kind: 'number'; integer: boolean; money: boolean }
  | { kind: 'choice'; options: string[] }
  | { kind: 'boolean' }
  | { kind: 'lines' }
  | { kind: 'choices'; options: string[] }
  | { kind: 'list'; item: JsonSchema }
  | { kind: 'object' }
  | { kind: 'variants'; key: string; variants: JsonSchema[] }
  | { kind: 'unknown' };

const DAY = /^\^\\d\{4\}-\(0\[1-9\]\|1\[0-2\]\)-/;
const MONTH = /^\^\\d\{4\}-\(0\[1-9\]\|1\[0-2\]\)\$$/;

/** The schema without its `null` alternative, and whether null is allowed. */
export const unwrapNullable = (s: JsonSchema): { schema: JsonSchema; nullable: boolean } => {
  const alts = s.anyOf ?? s.oneOf;
  if (!alts) return { schema: s, nullable: s.type === 'null' };
  const real = alts.filter((a) => a.type !== 'null');
  if (real.length === alts.length || real.length !== 1) return { schema: s, nullable: real.length !== alts.length };
  const { anyOf: _a, oneOf: _o, ...rest } = s;
  return { schema: { ...rest, ...real[0], description: s.description ?? real[0].description }, nullable: true };
};

const constsOf = (s: JsonSchema): string[] | null => {
  if (Array.isArray(s.enum)) return s.enum.map(String);
  const alts = s.anyOf ?? s.oneOf;
  return alts && alts.length && alts.every((a) => a.const !== undefined) ? alts.map((a) => String(a.const)) : null;
};

/** The property whose `const` tells the variants of a union of objects apart (budget source: `kind`). */
const discriminator = (variants: JsonSchema[]): string | null => {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((k) => variants.every((v) => v.properties?.[k]?.const !== undefined)) ?? null;
};

export const shapeOf = (s: JsonSchema): Shape => {
  const options = constsOf(s);
  if (options) return { kind: 'choice', options };
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const key = discriminator(alts);
    return key ? { kind: 'variants', key, variants: alts } : { kind: 'unknown' };
  }
  switch (s.type) {
    case 'string':
      if (s.format === 'date' || (s.pattern && DAY.test(s.pattern))) return { kind: 'date' };
      if (s.pattern && MONTH.test(s.pattern)) return { kind: 'month' };
      if (s.format === 'date-time') return { kind: 'instant' };
      return { kind: 'text', long: (s.maxLength ?? 0) > 300 };
    case 'integer':
    case 'number':
      return {
        kind: 'number',
        integer: s.type === 'integer',
        money: /đồng/.test(s.description ?? ''),
      };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array': {
      const item = s.items ?? {};
      const choices = constsOf(item);
      if (choices) return { kind: 'choices', options: choices };
      if (item.type === 'object') return { kind: 'list', item };
      return { kind: 'lines' };
    }
    case 'object':
      return { kind: 'object' };
    default:
      return { kind: 'unknown' };
  }
};
