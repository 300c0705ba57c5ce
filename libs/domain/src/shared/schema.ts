import {
  Kind,
  Static,
  TLiteral,
  TObject,
  TProperties,
  TSchema,
  TUnion,
  Type,
  type ObjectOptions,
  type StringOptions,
} from '@sinclair/typebox';

/**
 * The building blocks every shape is written with (ADR 0009): a TypeBox schema is plain JSON Schema
 * data and gives the TypeScript type (`Static`), the validation (compiled at the edge) and the
 * OpenAPI entry from the same definition. Every string and array has a bound, so the bounds are
 * part of the published contract rather than a habit of each endpoint.
 */
export { Type, Kind };
export type { Static, TSchema, TObject };

/** One line of text (a name, a number, a title): no control characters, no line breaks. */
export const Line = (maxLength = 500, options: StringOptions = {}) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[^\\u0000-\\u001f\\u007f]*$',
    errorMessage: 'must be one line of text, without control characters',
    ...options,
  });

/** Free text that may run over lines (a summary, a finding): newline and tab only, no other control characters. */
export const Prose = (maxLength = 5000, options: StringOptions = {}) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$',
    errorMessage: 'must be text without control characters (line breaks and tabs allowed)',
    ...options,
  });

/** Text that may be empty (a note, a description left blank). */
export const OptionalProse = (maxLength = 5000, options: StringOptions = {}) =>
  Prose(maxLength, { minLength: 0, ...options });

/** An id of ours: lower-case letters, digits and dashes (units, plans, activities, users). */
export const Id = (options: StringOptions = {}) =>
  Type.String({
    pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
    maxLength: 100,
    errorMessage: 'must be an id: lower-case letters, digits and dashes',
    ...options,
  });

/** An obligation id `<plan>.<task>.<unit>[.<year>]`, or any dotted id of that kind. */
export const DottedId = (options: StringOptions = {}) =>
  Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,299}$',
    maxLength: 300,
    errorMessage: 'must be an id: letters, digits, dots and dashes',
    ...options,
  });

/** A calendar day in Vietnam, `YYYY-MM-DD` (whether the day exists is a rule of the decider). */
export const Day = (options: StringOptions = {}) =>
  Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
    description: 'a calendar day in Vietnam (YYYY-MM-DD)',
    errorMessage: 'must be a date (YYYY-MM-DD)',
    ...options,
  });

/**
 * A day that exists (not 2023-02-30): JSON Schema's `date` format, which the edge checks, where a day
 * that is not in the calendar is a malformed request rather than a decision refused (effective days,
 * the dates of legal documents).
 */
export const RealDay = (options: StringOptions = {}) =>
  Day({ format: 'date', errorMessage: 'must be a real calendar date (YYYY-MM-DD)', ...options });

/** An instant, ISO 8601 with a zone. */
export const Instant = (options: StringOptions = {}) =>
  Type.String({
    format: 'date-time',
    maxLength: 40,
    errorMessage: 'must be an instant (ISO 8601 with a zone)',
    ...options,
  });

/** Money: whole đồng, a non-negative safe integer. */
export const Dong = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'whole đồng' });

/** A count of people or things. */
export const Count = (maximum = 10_000_000) => Type.Integer({ minimum: 0, maximum });

export const Year = () => Type.Integer({ minimum: 2000, maximum: 2100 });

export const Sha256 = () =>
  Type.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'SHA-256, 64 lower-case hex digits',
    errorMessage: 'must be a SHA-256 (64 lower-case hex digits)',
  });

/** A pattern for the decimal numbers from 0 to `max`, digit by digit (a JSON Schema cannot compare big numbers). */
const decimalsUpTo = (max: string): string => {
  const alternatives = ['0', `[1-9][0-9]{0,${max.length - 2}}`];
  for (let i = 0; i < max.length; i++) {
    const low = i === 0 ? 1 : 0;
    const digit = Number(max[i]);
    if (digit > low) alternatives.push(`${max.slice(0, i)}[${low}-${digit - 1}][0-9]{${max.length - i - 1}}`);
  }
  return `^(${[...alternatives, max].join('|')})$`;
};

/** A position in the global log: an unsigned 64-bit integer (0 to 2^64 - 1) as a decimal string. */
export const Position = (options: StringOptions = {}) =>
  Type.String({
    pattern: decimalsUpTo('18446744073709551615'),
    maxLength: 20,
    errorMessage: 'must be a log position (the decimal string of an unsigned 64-bit integer)',
    ...options,
  });

export const List = <T extends TSchema>(items: T, maxItems: number, minItems = 0) =>
  Type.Array(items, { maxItems, minItems });

export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

/** An object that takes no field it does not name (DESIGN: unknown fields are refused). */
export const Obj = <P extends TProperties>(properties: P, options: ObjectOptions = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** One of a list of words, as a union of literals (so the type is the union of the words). */
export const OneOf = <const W extends readonly string[]>(
  words: W,
  options: { description?: string } = {},
): TUnion<TLiteral<W[number]>[]> =>
  Type.Union(
    words.map((w) => Type.Literal(w)),
    options,
  );

/**
 * The JSON Schema of a shape as published: TypeBox's markers are symbols, so JSON drops them, and
 * `errorMessage` (the words our validation answers with) is ours, not JSON Schema's.
 */
export const publishedSchema = (s: TSchema): Record<string, unknown> =>
  JSON.parse(JSON.stringify(s, (k, v) => (k === 'errorMessage' ? undefined : v)));

export type DataOf<S extends TSchema> = Static<S>;
