/**
 * Hostile requests built from a valid body: one thing made hostile, as an attacker or a broken
 * client would send it. Shared by the e2e fuzz (test/e2e/hostile-input.e2e-spec.ts, through
 * fast-check) and `npm run bench -- hostile-input`, so both send the same shapes.
 */
export const HOSTILE_SHAPES = [
  'deep',
  'control',
  'proto-key',
  'huge-number',
  'huge-string',
  'huge-array',
  'content-type',
  'too-large',
] as const;
export type HostileShape = (typeof HOSTILE_SHAPES)[number];

export interface HostileRequest {
  shape: HostileShape;
  /** null: no Content-Type header at all. */
  contentType: string | null;
  body: string;
}

export type Path = (string | number)[];

/** Every C0 control but tab and LF, a lone CR, DEL, C1 controls and unpaired surrogates. */
export const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u000e',
  '\u001b',
  '\u001f',
  '\r',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udfff',
];
/** Numbers no field takes: beyond 2^64, beyond a double (Infinity once parsed), or a double's largest. */
export const HUGE_NUMBERS = [
  '1e309',
  '-1e309',
  '123456789012345678901234567890',
  '18446744073709551616',
  '9'.repeat(400),
  '1.7976931348623157e308',
  '-1.7976931348623157e308',
];
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
export const WRONG_CONTENT_TYPES: (string | null)[] = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/octet-stream',
  null,
];
export const JSON_TYPE = 'application/json';

/** Every path to a value of `v` (fields and array items), and every path to an object in it (the body itself included). */
export const pathsOf = (v: unknown, at: Path = []): Path[] =>
  v !== null && typeof v === 'object'
    ? Object.entries(v).flatMap(([k, x]) => {
        const p = [...at, Array.isArray(v) ? Number(k) : k];
        return [p, ...pathsOf(x, p)];
      })
    : [];
export const objectPathsOf = (v: unknown, at: Path = []): Path[] =>
  v !== null && typeof v === 'object'
    ? [
        ...(Array.isArray(v) ? [] : [at]),
        ...Object.entries(v).flatMap(([k, x]) => objectPathsOf(x, [...at, Array.isArray(v) ? Number(k) : k])),
      ]
    : [];

/** A marker no body holds (a private-use character), replaced by raw JSON text once serialised. */
const RAW = '\uE000raw\uE000';

const withValue = (valid: object, path: Path, value: unknown): unknown => {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  // defineProperty: a key such as `__proto__` stays an own field of the JSON sent.
  Object.defineProperty(parent, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
};

/** The body with raw JSON text at `path` (path [] replaces the whole body). */
const rawAt = (valid: object, path: Path, raw: string): string =>
  JSON.stringify(withValue(valid, path, RAW)).replace(JSON.stringify(RAW), raw);

const json = (shape: HostileShape, body: string): HostileRequest => ({ shape, contentType: JSON_TYPE, body });

/** A value nested `depth` levels (arrays or objects) at `path`. */
export const deep = (valid: object, path: Path, depth: number, kind: 'array' | 'object'): HostileRequest => {
  const [open, close] = kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
  return json('deep', rawAt(valid, path, `${open.repeat(depth)}1${close.repeat(depth)}`));
};

/** A string with a control character at `path`, or a key with one in the object at `path`. */
export const control = (valid: object, path: Path, char: string, inKey: boolean): HostileRequest => {
  const text = `Hội nghị${char}x`;
  if (!inKey) return json('control', JSON.stringify(withValue(valid, path, text)));
  return json('control', JSON.stringify(withValue(valid, [...path, text], 'x')));
};

/** `__proto__`, `constructor` or `prototype` as a key of the object at `objectPath`. */
export const protoKey = (valid: object, objectPath: Path, key: string): HostileRequest =>
  json('proto-key', JSON.stringify(withValue(valid, [...objectPath, key], { polluted: true, isAdmin: true })));

export const hugeNumber = (valid: object, path: Path, raw: string): HostileRequest =>
  json('huge-number', rawAt(valid, path, raw));

/** A string of `length` characters (Vietnamese, so several bytes each) at `path`. */
export const hugeString = (valid: object, path: Path, length: number): HostileRequest =>
  json(
    'huge-string',
    JSON.stringify(withValue(valid, path, 'Cần Thơ '.repeat(Math.ceil(length / 8)).slice(0, length))),
  );

export const hugeArray = (valid: object, path: Path, length: number, item: unknown): HostileRequest =>
  json(
    'huge-array',
    JSON.stringify(
      withValue(
        valid,
        path,
        Array.from({ length }, () => item),
      ),
    ),
  );

/** The valid body as JSON, sent as something else (or with no type at all). */
export const wrongType = (valid: object, contentType: string | null): HostileRequest => ({
  shape: 'content-type',
  contentType,
  body: JSON.stringify(valid),
});

/** The valid body padded past the body limit with an unknown field. */
export const tooLarge = (valid: object, bytes: number): HostileRequest =>
  json('too-large', JSON.stringify({ ...valid, padding: 'x'.repeat(bytes) }));
