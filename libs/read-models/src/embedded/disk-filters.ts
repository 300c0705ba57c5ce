import type { Filter } from '../port/read-store.port';
import { isKey, Key } from './stored-collection';

/** A part of a filter as a SQL condition on `body`, with its parameters. */
export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

const TYPES: Record<'string' | 'number', string> = { string: "('text')", number: "('integer', 'real')" };

/**
 * One top-level equality, exactly as MongoDB (and the memory store's matcher) means it: the field
 * holds the value, or is an array with the value among its elements; of the same JSON type, so 1,
 * "1" and true stay apart. A boolean is its JSON type alone.
 */
const equality = (path: string, v: Key): SqlCondition => {
  if (typeof v === 'boolean') {
    const t = `'${v}'`;
    return {
      sql:
        `(CASE json_type(body, ?) WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(body, ?) WHERE type = ${t}) ` +
        `ELSE json_type(body, ?) = ${t} END)`,
      params: [path, path, path],
    };
  }
  const types = TYPES[typeof v as 'string' | 'number'];
  return {
    sql:
      `(CASE json_type(body, ?) WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(body, ?) WHERE type IN ${types} AND value = ?) ` +
      `ELSE json_type(body, ?) IN ${types} AND json_extract(body, ?) = ? END)`,
    params: [path, path, v, path, path, v],
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
