/**
 * RFC 8785 (JSON Canonicalization Scheme) for the JSON values events carry: object keys sorted by
 * UTF-16 code units, no white space, numbers and strings as ECMAScript's JSON.stringify writes them
 * (which is what RFC 8785 specifies). Property-tested against the `canonicalize` package; written
 * here because hashing runs on every append and every verification, and this is several times faster.
 */
export const canonicalJson = (value: unknown): string => {
  const text = write(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalised (undefined, a function or a symbol)');
  return text;
};

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Object keys repeat across events (the same field names): each is quoted once. */
const quotedKeys = new Map<string, string>();
const quoteKey = (k: string): string => {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 10_000 && k.length <= 64) quotedKeys.set(k, q);
  }
  return q;
};

const write = (v: unknown): string | undefined => {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${v} is not allowed in canonical JSON`);
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      break;
    default:
      return skipped(v) ? undefined : JSON.stringify(v);
  }
  if (v === null) return 'null';
  const withJson = v as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON());
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + (skipped(v[i]) ? 'null' : write(v[i]));
    return `${out}]`;
  }
  // Built by hand, not through a sorted object: JS would put integer-like keys ("1") first again.
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const item = record[k];
    if (skipped(item)) continue;
    out += `${first ? '' : ','}${quoteKey(k)}:${write(item)}`;
    first = false;
  }
  return `${out}}`;
};
