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

const write = (v: unknown): string | undefined => {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`${v} is not allowed in canonical JSON`);
    return JSON.stringify(v);
  }
  if (v === null || typeof v !== 'object') return skipped(v) ? undefined : JSON.stringify(v);
  const withJson = v as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON());
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + (skipped(v[i]) ? 'null' : write(v[i]));
    return `${out}]`;
  }
  // Built by hand, not through a sorted object: JS would put integer-like keys ("1") first again.
  const record = v as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const item = record[k];
    if (skipped(item)) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${write(item)}`;
    first = false;
  }
  return `${out}}`;
};
