import type { Filter } from '../port/read-store.port';
import { isKey, Key, narrowing } from './stored-collection';

/** A part of a filter as a SQL condition on `body`, with its parameters. */
export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

const TYPES: Record<'string' | 'number', string[]> = { string: ['text'], number: ['integer', 'real'] };

/**
 * One top-level equality, exactly as MongoDB (and the memory store's matcher) means it: the field
 * holds the value, or is an array with the value among its elements; of the same JSON type, so 1,
 * "1" and true stay apart. A boolean is its JSON type alone. One `json_type` per document.
 */
const equality = (path: string, v: Key): SqlCondition => {
  if (typeof v === 'boolean') {
    const t = `'${v}'`;
    return {
      sql: `(CASE json_type(body, ?) WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(body, ?) WHERE type = ${t}) WHEN ${t} THEN 1 ELSE 0 END)`,
      params: [path, path],
    };
  }
  const types = TYPES[typeof v as 'string' | 'number'];
  const scalar = types.map((t) => `WHEN '${t}' THEN json_extract(body, ?) = ?`).join(' ');
  return {
    sql:
      `(CASE json_type(body, ?) WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(body, ?) ` +
      `WHERE type IN (${types.map((t) => `'${t}'`).join(', ')}) AND value = ?) ${scalar} ELSE 0 END)`,
    params: [path, path, v, ...types.flatMap(() => [path, v])],
  };
};

/**
 * The part of a filter SQL answers exactly (top-level equalities to a string, number or boolean),
 * and the rest, which the documents read must still be tested against. A disk collection's scan then
 * decodes only the documents that pass, and a count with nothing left decodes none.
 */
export const splitForSql = (filter: Filter): { where: SqlCondition | null; rest: Filter } => {
  const parts: SqlCondition[] = [];
  const rest: Filter = {};
  for (const [k, v] of Object.entries(filter)) {
    if (!k.startsWith('$') && /^[\w-]+$/.test(k) && isKey(v)) parts.push(equality(`$."${k}"`, v));
    else rest[k] = v;
  }
  if (parts.length === 0) return { where: null, rest };
  return { where: { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) }, rest };
};

/** The rows a filter selects from a disk collection, as SQL (`FROM … WHERE …` over `d`), and what is left to test. */
export interface SqlSource {
  from: string;
  params: (string | number)[];
  rest: Filter;
}

/**
 * Where a disk collection's query reads: through `doc_keys` when the filter asks an indexed field (or
 * `_id`) to equal some values, else the whole collection; either way with the top-level equalities
 * SQL tests. A document under several of the keys asked (an array) comes once per key: callers keep
 * the first.
 */
export const sqlSource = (coll: string, filter: Filter, keyed: readonly string[]): SqlSource => {
  const narrowed = narrowing(filter, keyed);
  const asked = (keys: Key[]) => JSON.stringify(keys);
  let from = 'FROM docs d WHERE d.coll = ? AND d.deleted = 0';
  let params: (string | number)[] = [coll];
  if (narrowed?.field === '_id') {
    from += ' AND d.id IN (SELECT value FROM json_each(?))';
    params.push(asked(narrowed.keys));
  } else if (narrowed) {
    from =
      'FROM doc_keys k JOIN docs d ON d.coll = k.coll AND d.id = k.id ' +
      'WHERE k.coll = ? AND k.field = ? AND k.key IN (SELECT value FROM json_each(?)) AND d.deleted = 0';
    params = [coll, narrowed.field, asked(narrowed.keys.map((k) => JSON.stringify(k)))];
  }
  const { where, rest } = splitForSql(narrowed ? narrowed.rest : filter);
  if (where) {
    from += ` AND ${where.sql}`;
    params.push(...where.params);
  }
  return { from, params, rest };
};
