import { Query } from 'mingo';
import type { Doc, Filter, FindOptions } from '../port/read-store.port';

/** A value compared by plain equality: what an index keys on, and what a filter may ask a field to equal directly. */
export type Key = string | number | boolean;
export const isKey = (v: unknown): v is Key =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));

/**
 * The values a filter asks one field to equal (`{ f: v }` or `{ f: { $in: [...] } }`), or null when
 * it asks anything else of it: then an index on the field cannot narrow the search.
 */
export const wantedKeys = (v: unknown): Key[] | null => {
  if (isKey(v)) return [v];
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const ops = Object.keys(v);
  const list = (v as { $in?: unknown }).$in;
  return ops.length === 1 && Array.isArray(list) && list.every(isKey) ? (list as Key[]) : null;
};

/** The keys a document is found under: its value, or each element of an array (as MongoDB's multikey indexes). */
export const keysOf = (doc: Doc, field: string): Key[] => {
  const v = doc[field];
  return Array.isArray(v) ? v.filter(isKey) : isKey(v) ? [v] : [];
};

export const sameKeys = (a: Key[], b: Key[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/** What a filter narrowed to: the documents an index found (or all), and what they must still be tested against. */
export interface Selection {
  docs: Doc[];
  rest: Filter;
}

/**
 * One physical collection as the embedded store reads it: held in memory (MemoryCollection) or read
 * from the file through its indexes (DiskCollection, for the collections that grow with the log).
 * The store writes the documents table; a collection is told of each change after the commit.
 */
export interface StoredCollection {
  readonly onDisk: boolean;
  get(id: string): Doc | undefined;
  /** A document, or its tombstone as `{ _id, _position, _deleted: true }`; undefined when it never was. */
  entry(id: string): Doc | undefined;
  /** `entry` for each id, those found (what the engine reads before a batch). */
  entries(ids: string[]): Map<string, Doc>;
  /** A document's position, or the position that deleted it. */
  positionOf(id: string): string | undefined;
  put(doc: Doc): void;
  remove(id: string, position: string): void;
  /** Every live document. Frozen when shared: never mutate them. */
  all(): Doc[];
  select(filter: Filter, indexed: ReadonlySet<string>): Selection;
  /** In the batch's transaction, before a document's row is written (a collection that keeps rows of its own). */
  writing?(id: string, doc: Doc | null): void;
  /** Keeps what it answers by these fields (the projection's indexes). */
  keyOn?(fields: Iterable<string>): void;
  /**
   * A generation being built: what it keeps to answer by field is left until it goes live (`goLive`),
   * then made in one pass, since nothing queries it before (issue 17: a rebuild spent a fifth of its
   * time rewriting key rows batch after batch).
   */
  buildLater?(): void;
  /** Its generation is live now: what was left for later is made. */
  goLive?(): void;
  /** How many documents match, where the collection can tell without the store's test; undefined otherwise. */
  countInFile?(filter: Filter, indexed: ReadonlySet<string>): number | undefined;
  /** A sorted or paged find, where the collection can answer it whole; undefined otherwise. */
  pageInFile?(filter: Filter, indexed: ReadonlySet<string>, options: FindOptions): Doc[] | undefined;
}

/**
 * The first of `_id` and the indexed fields that a filter asks to equal one of some values: that
 * field, its distinct values, and the rest of the filter. Null when none is (the search is a scan).
 */
export const narrowing = (
  filter: Filter,
  indexed: Iterable<string>,
): { field: string; keys: Key[]; rest: Filter } | null => {
  for (const field of ['_id', ...indexed]) {
    const asked = field in filter ? wantedKeys(filter[field]) : null;
    if (!asked || (field === '_id' && !asked.every((k) => typeof k === 'string'))) continue;
    const { [field]: _answered, ...rest } = filter;
    return { field, keys: [...new Set(asked)], rest };
  }
  return null;
};

/** mingo's find over documents: the rest of a filter, then projection, sort, skip and limit (MongoDB's order). */
export const arranged = (docs: Doc[], rest: Filter, options: FindOptions): Doc[] => {
  let cursor = new Query(rest).find<Doc>(docs, options.projection);
  if (options.sort) cursor = cursor.sort(options.sort);
  if (options.skip) cursor = cursor.skip(options.skip);
  if (options.limit) cursor = cursor.limit(options.limit);
  return cursor.all();
};
