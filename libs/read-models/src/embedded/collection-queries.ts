import { Query } from 'mingo';
import type { Doc, Filter, FindOptions } from '../port/read-store.port';
import { arranged, isKey, StoredCollection } from './stored-collection';

/**
 * A filter as a test of one document. Plain equalities on top-level fields (`{ year: 2023, withdrawn:
 * false }`) are compared directly, with MongoDB's meaning (a value, or an element of an array): mingo's
 * general path costs about a microsecond a document, which a dashboard over 16,000 of them feels.
 */
export const matcher = (filter: Filter): ((d: Doc) => boolean) => {
  const pairs = Object.entries(filter);
  if (!pairs.every(([k, v]) => !k.startsWith('$') && !k.includes('.') && isKey(v))) {
    const q = new Query(filter);
    return (d) => q.test(d);
  }
  return (d) =>
    pairs.every(([k, v]) => {
      const x = d[k];
      return x === v || (Array.isArray(x) && x.includes(v));
    });
};

/**
 * A find over one stored collection: what its indexes (or the file's SQL) select, tested against the
 * rest of the filter, then projected, sorted and paged by mingo. A disk collection pages in the file
 * when it can.
 */
export const findIn = (
  c: StoredCollection,
  filter: Filter,
  options: FindOptions,
  indexed: ReadonlySet<string>,
): Doc[] => {
  const paged = options.sort || options.skip || options.limit;
  const inFile = paged ? c.pageInFile?.(filter, indexed, options) : undefined;
  if (inFile) return inFile;
  const { docs, rest } = c.select(filter, indexed);
  if (!options.projection && !paged) return docs.filter(matcher(rest));
  return arranged(docs, rest, options);
};

/** How many documents of one stored collection match (a disk collection counts in the file when it can). */
export const countIn = (c: StoredCollection, filter: Filter, indexed: ReadonlySet<string>): number => {
  const inFile = c.countInFile?.(filter, indexed);
  if (inFile !== undefined) return inFile;
  const { docs, rest } = c.select(filter, indexed);
  const test = matcher(rest);
  return docs.reduce((n, d) => (test(d) ? n + 1 : n), 0);
};
