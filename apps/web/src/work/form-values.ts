import { type JsonSchema, shapeOf, unwrapNullable } from './openapi-schemas';

/*
 * What a generated form holds while it is filled in (strings as typed, booleans, lists, nested
 * records), and the JSON body built from it for the API: empty optional fields are left out.
 */

export type FormValue = string | boolean | string[] | FormValue[] | { [k: string]: FormValue };
export type FormRecord = { [k: string]: FormValue };
export type Segment = string | number;

/** The field's name as the API's validation sentences write it: `details.items[0].title`. */
export const pathName = (path: Segment[]): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

export const getAt = (v: FormValue | undefined, path: Segment[]): FormValue | undefined =>
  path.reduce<FormValue | undefined>(
    (cur, s) => (cur && typeof cur === 'object' ? (cur as Record<string, FormValue>)[s as string] : undefined),
    v,
  );

export const setAt = (v: FormValue, path: Segment[], next: FormValue): FormValue => {
  if (!path.length) return next;
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v] as FormValue[];
    copy[head as number] = setAt(copy[head as number] ?? {}, rest, next);
    return copy as FormValue;
  }
  const rec = (v && typeof v === 'object' ? v : {}) as FormRecord;
  return { ...rec, [head]: setAt(rec[head as string] ?? {}, rest, next) };
};

/** The empty value of a field: its schema's default where it has a usable one. */
export const emptyValue = (raw: JsonSchema): FormValue => {
  const { schema } = unwrapNullable(raw);
  const shape = shapeOf(schema);
  switch (shape.kind) {
    case 'boolean':
      return schema.default === true;
    case 'choices':
      return [];
    case 'list':
      return (schema.minItems ?? 0) > 0 ? [emptyValue(shape.item)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, p]) => [k, emptyValue(p)]));
    case 'variants': {
      const first = shape.variants[0];
      return { ...(emptyValue(first) as FormRecord), [shape.key]: String(first.properties?.[shape.key]?.const ?? '') };
    }
    default:
      return typeof schema.default === 'string' || typeof schema.default === 'number' ? String(schema.default) : '';
  }
};

/** A datetime-local value (`2024-02-01T09:30`) as an instant in Vietnam's time (`…T09:30:00+07:00`). */
export const vietnamInstant = (local: string): string =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : local;

/** The variant of a union the value names by its discriminator. */
export const chosenVariant = (variants: JsonSchema[], key: string, v: FormValue | undefined): JsonSchema =>
  variants.find((x) => String(x.properties?.[key]?.const) === (getAt(v, [key]) as string)) ?? variants[0];

/** The JSON for one field, or undefined to leave it out. */
export const buildValue = (raw: JsonSchema, v: FormValue | undefined, required: boolean): unknown => {
  const { schema, nullable } = unwrapNullable(raw);
  const shape = shapeOf(schema);
  const blank = (): unknown => (required ? (nullable ? null : undefined) : undefined);
  switch (shape.kind) {
    case 'text':
    case 'choice': {
      const t = typeof v === 'string' ? v : '';
      if (t.trim() !== '') return shape.kind === 'text' ? t : t;
      // A required text is sent empty, so the API says what it wants of it ("may not be empty").
      return required && !nullable && shape.kind === 'text' ? '' : blank();
    }
    case 'date':
    case 'month': {
      const t = typeof v === 'string' ? v.trim() : '';
      return t ? t : blank();
    }
    case 'instant': {
      const t = typeof v === 'string' ? v.trim() : '';
      return t ? vietnamInstant(t) : blank();
    }
    case 'number': {
      const t = typeof v === 'string' ? v.replace(/[\s.]/g, '').replace(',', '.') : '';
      if (!t) return blank();
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    }
    case 'boolean':
      return v === true ? true : required ? false : undefined;
    case 'lines': {
      const lines = (typeof v === 'string' ? v : '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return lines.length || required ? lines : undefined;
    }
    case 'choices': {
      const list = Array.isArray(v) ? (v as string[]) : [];
      return list.length || required ? list : undefined;
    }
    case 'list': {
      const items = (Array.isArray(v) ? v : []).map((x) => buildValue(shape.item, x, true) ?? {});
      return items.length || required ? items : undefined;
    }
    case 'object':
      return buildObject(schema, v, required);
    case 'variants': {
      const variant = chosenVariant(shape.variants, shape.key, v);
      return buildObject(variant, v, required);
    }
    default:
      return undefined;
  }
};

const buildObject = (schema: JsonSchema, v: FormValue | undefined, required: boolean): unknown => {
  const req = schema.required ?? [];
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    if (p.const !== undefined) {
      out[k] = p.const;
      continue;
    }
    const built = buildValue(p, getAt(v, [k]), req.includes(k));
    if (built !== undefined) out[k] = built;
  }
  // An optional group nobody filled in (the evidence of a conference) is left out whole.
  if (!required && !filled(v, schema)) return undefined;
  return out;
};

/** Whether anyone typed, ticked or chose anything in a part of the form (a discriminator alone does not count). */
export const filled = (v: FormValue | undefined, schema?: JsonSchema): boolean => {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.some((x) => filled(x));
  if (v && typeof v === 'object')
    return Object.entries(v).some(([k, x]) => schema?.properties?.[k]?.const === undefined && filled(x));
  return false;
};

/** The whole body: the form's fields, and the values the page fixes (unit, obligation). */
export const buildBody = (schema: JsonSchema, values: FormRecord, fixed: Record<string, unknown> = {}) => {
  const built = (buildObject(schema, values, true) ?? {}) as Record<string, unknown>;
  return { ...built, ...fixed };
};

/** An error sentence about exactly this field (not one of its parts). */
export const isAbout = (sentence: string, name: string): boolean =>
  sentence.startsWith(`${name} `) || sentence === `property ${name} should not exist`;

/** The names of every field and group the form shows, as the API names them. */
export const fieldNames = (raw: JsonSchema, v: FormValue | undefined, path: Segment[] = []): string[] => {
  const { schema } = unwrapNullable(raw);
  const shape = shapeOf(schema);
  const own = path.length ? [pathName(path)] : [];
  if (shape.kind === 'object' || shape.kind === 'variants') {
    const target = shape.kind === 'variants' ? chosenVariant(shape.variants, shape.key, v) : schema;
    return [
      ...own,
      ...Object.entries(target.properties ?? {}).flatMap(([k, p]) => fieldNames(p, getAt(v, [k]), [...path, k])),
    ];
  }
  if (shape.kind === 'list')
    return [...own, ...(Array.isArray(v) ? v : []).flatMap((x, i) => fieldNames(shape.item, x, [...path, i]))];
  return own;
};
