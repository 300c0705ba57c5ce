import { Injectable, PipeTransform } from '@nestjs/common';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { Value, ValueError, ValueErrorType } from '@sinclair/typebox/value';
import { isCalendarDate } from '@gl/domain';

/** A body, query or path that does not match its schema: a 400 `validation-failed` listing every mismatch. */
export class SchemaValidationError extends Error {
  static readonly problem = { type: '/problems/validation-failed', status: 400, title: 'Bad request' };
  readonly extensions: { errors: string[] };

  constructor(readonly errors: string[]) {
    super(errors.join('; '));
    this.name = 'SchemaValidationError';
    this.extensions = { errors };
  }
}

// The formats our schemas name (JSON Schema leaves checking them to the validator): RFC 3339 instants…
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
if (!FormatRegistry.Has('date-time'))
  FormatRegistry.Set('date-time', (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));
// …and RFC 3339 full dates, days that are in the calendar (RealDay).
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();
const checkerOf = (schema: TSchema): TypeCheck<TSchema> => {
  let c = compiled.get(schema);
  if (!c) compiled.set(schema, (c = TypeCompiler.Compile(schema)));
  return c;
};

const field = (path: string, prefix: string) => {
  const p = path
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');
  return [prefix, p].filter(Boolean).join('.').replace(/\.\[/g, '[') || prefix || 'the body';
};

const literals = (s: TSchema): string[] | null =>
  Array.isArray(s.anyOf) && s.anyOf.every((x: TSchema) => x.const !== undefined)
    ? s.anyOf.map((x: TSchema) => String(x.const))
    : null;

/** The variant of a union a value was meant as: the only non-null one, or the one whose literal field it names. */
const meantVariant = (union: TSchema, value: unknown): TSchema | undefined => {
  const variants: TSchema[] = union.anyOf ?? [];
  const real = variants.filter((v) => v.type !== 'null');
  if (value === null) return undefined;
  if (real.length === 1) return real[0];
  if (value && typeof value === 'object') {
    const named = real.find(
      (v) =>
        v.properties &&
        Object.entries(v.properties as Record<string, TSchema>).some(
          ([k, p]) => p.const !== undefined && (value as Record<string, unknown>)[k] === p.const,
        ),
    );
    if (named) return named;
    // Else the only shape whose required fields it has ({group} rather than {unitId}).
    const fitting = real.filter(
      (v) => v.type === 'object' && ((v.required ?? []) as string[]).every((k) => k in value),
    );
    return fitting.length === 1 ? fitting[0] : undefined;
  }
  return undefined;
};

const MAX_ERRORS = 20;

const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The words for the mismatches people meet; TypeBox's own message for the rest. */
const sentence = (e: ValueError): string => {
  const x = e.schema as Record<string, number | string | undefined> & { errorMessage?: string };
  switch (e.type) {
    case ValueErrorType.StringMinLength:
      return x.minLength === 1
        ? 'may not be empty'
        : `must be at least ${s(Number(x.minLength), 'character', 'characters')}`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${s(Number(x.maxLength), 'character', 'characters')}`;
    case ValueErrorType.ArrayMinItems:
      return `must have at least ${s(Number(x.minItems), 'item', 'items')}`;
    case ValueErrorType.ArrayMaxItems:
      return `must have at most ${s(Number(x.maxItems), 'item', 'items')}`;
    case ValueErrorType.ObjectMinProperties:
      return `must have at least ${s(Number(x.minProperties), 'field', 'fields')}`;
    case ValueErrorType.ObjectMaxProperties:
      return `must have at most ${s(Number(x.maxProperties), 'field', 'fields')}`;
    case ValueErrorType.Integer:
      return 'must be a whole number';
    case ValueErrorType.Number:
      return 'must be a number';
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must be at least ${x.minimum}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must be at most ${x.maximum}`;
    case ValueErrorType.Boolean:
      return 'must be true or false';
    case ValueErrorType.Object:
      return 'must be an object';
    case ValueErrorType.Array:
      return 'must be a list';
    case ValueErrorType.Literal:
      return `must be ${JSON.stringify(x.const)}`;
    case ValueErrorType.String:
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringFormat:
      return (
        x.errorMessage ??
        (e.type === ValueErrorType.String ? 'must be text' : e.message.replace(/^Expected/, 'must be'))
      );
    default:
      return e.message.replace(/^Expected/, 'must be').replace(/^Unexpected/, 'unexpected');
  }
};

/** Turns TypeBox's errors into sentences a person can act on, naming the field as the client wrote it. */
const describe = (schema: TSchema, value: unknown, prefix: string, out: string[]): void => {
  const seen = new Set<string>();
  for (const e of checkerOf(schema).Errors(value) as Iterable<ValueError>) {
    // Enough to act on; a hostile body of 10,000 wrong items is not walked to its end.
    if (out.length >= MAX_ERRORS) break;
    const name = field(e.path, prefix);
    if (e.type === ValueErrorType.ObjectAdditionalProperties) {
      out.push(`property ${name} should not exist`);
      continue;
    }
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    if (e.type === ValueErrorType.Union) {
      const words = literals(e.schema);
      if (words) {
        out.push(`${name} must be one of ${words.join(', ')}`);
        continue;
      }
      const variant = meantVariant(e.schema, e.value);
      if (variant) {
        describe(variant, e.value, name, out);
        continue;
      }
      out.push(
        `${name} ${e.value === null ? 'may not be null' : (e.schema.errorMessage ?? 'does not match any of the shapes it may take')}`,
      );
      continue;
    }
    if (e.type === ValueErrorType.ObjectRequiredProperty) {
      out.push(`${name} is required`);
      continue;
    }
    out.push(`${name} ${sentence(e)}`);
  }
};

/** Explains why a value does not match its schema (empty when it matches). */
export const schemaErrors = (schema: TSchema, value: unknown, prefix = ''): string[] => {
  if (checkerOf(schema).Check(value)) return [];
  const out: string[] = [];
  describe(schema, value, prefix, out);
  return out.length ? out : [`${prefix || 'the body'} does not match its schema`];
};

export type SchemaPlace = 'body' | 'query' | 'param';

/**
 * Validates one request part against its schema (compiled once): a query's strings are converted
 * to the numbers and booleans it declares, defaults are filled, and anything else that does not
 * match is refused with every reason at once. A body is never coerced: JSON says what it means.
 */
@Injectable()
export class SchemaValidationPipe implements PipeTransform {
  constructor(
    private readonly schema: TSchema,
    private readonly place: SchemaPlace = 'body',
  ) {}

  transform(value: unknown): unknown {
    let v: unknown = value === undefined ? (this.place === 'body' ? undefined : {}) : Value.Clone(value);
    if (this.place !== 'body') v = Value.Convert(this.schema, v);
    v = Value.Default(this.schema, v);
    const errors = schemaErrors(this.schema, v);
    if (errors.length) throw new SchemaValidationError(errors);
    return v;
  }
}
