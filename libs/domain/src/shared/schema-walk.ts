import type { TSchema } from '@sinclair/typebox';
import { isCalendarDate } from './calendar-date';
import { Day } from './schema';

/*
 * Two readings of a value by its schema, for the decider: a schema is plain JSON Schema data, so the
 * domain can walk it without TypeBox's value module (ADR 0009 keeps that at the edges). Bench data,
 * the CLI and the seed call the decider without the HTTP edge: they get the same nulls and the same
 * calendar.
 */

interface Node {
  type?: string;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  const?: unknown;
  pattern?: string;
  default?: unknown;
}

const typeOf = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : typeof v;
const isRecord = (v: unknown): v is Record<string, unknown> => typeOf(v) === 'object';

/** The variant of a union a value is meant as: of its type, and, among objects, the one whose literal field it names. */
const variantFor = (s: Node, v: unknown): Node | undefined => {
  const fit = (s.anyOf ?? []).filter(
    (x) =>
      x.type === typeOf(v) ||
      (x.type === 'number' && typeOf(v) === 'integer') ||
      (x.const !== undefined && x.const === v),
  );
  if (fit.length <= 1 || !isRecord(v)) return fit[0];
  return fit.find((x) =>
    Object.entries(x.properties ?? {}).some(([k, p]) => p.const !== undefined && v[k] === p.const),
  );
};

/**
 * The value with every property it leaves out that declares a `default` filled with it, at any depth:
 * a field that may be left out (`evidence`, a media item's `link`) is stored as null, as the published
 * schema names it. What the value gives is kept as it is.
 */
export const withDefaults = <T>(schema: TSchema, value: T): T => fill(schema as Node, value) as T;

const fill = (s: Node, v: unknown): unknown => {
  if (s.anyOf) {
    const variant = variantFor(s, v);
    return variant ? fill(variant, v) : v;
  }
  if (s.items && Array.isArray(v)) return v.map((x) => fill(s.items!, x));
  if (!s.properties || !isRecord(v)) return v;
  const out: Record<string, unknown> = { ...v };
  for (const [k, p] of Object.entries(s.properties)) {
    if (out[k] === undefined && 'default' in p) out[k] = p.default;
    else if (out[k] !== undefined) out[k] = fill(p, out[k]);
  }
  return out;
};

const DAY_PATTERN = Day().pattern;

/**
 * The days a value names that the calendar does not have (`2023-02-29`), as paths (`items[1].publishedOn`):
 * a schema checks that a day is written YYYY-MM-DD, the calendar whether it exists.
 */
export const daysThatDoNotExist = (schema: TSchema, value: unknown): { path: string; day: string }[] => {
  const out: { path: string; day: string }[] = [];
  const walk = (s: Node, v: unknown, path: string): void => {
    if (s.anyOf) {
      const variant = variantFor(s, v);
      if (variant) walk(variant, v, path);
    } else if (s.pattern === DAY_PATTERN && typeof v === 'string') {
      if (!isCalendarDate(v)) out.push({ path, day: v });
    } else if (s.items && Array.isArray(v)) {
      v.forEach((x, i) => walk(s.items!, x, `${path}[${i}]`));
    } else if (s.properties && isRecord(v)) {
      for (const [k, p] of Object.entries(s.properties))
        if (v[k] !== undefined) walk(p, v[k], path ? `${path}.${k}` : k);
    }
  };
  walk(schema as Node, value, '');
  return out;
};
