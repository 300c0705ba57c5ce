import { deepFreeze } from '@gl/event-store';
import type { Doc, Filter } from '../port/read-store.port';
import { Key, keysOf, narrowing, sameKeys, Selection, StoredCollection } from './stored-collection';

export { isKey, type Key } from './stored-collection';

/** Past this share of the collection, one pass over it is cheaper than gathering from the index. */
const SCAN_SHARE = 0.25;

/**
 * One physical collection in memory: live documents, tombstones, a cached array for mingo, and
 * equality indexes on the fields the projection declared (the first key of each index spec, as
 * MongoDB would use). An index answers its field's part of a filter exactly, so the answer is the
 * one a scan gives (a spec compares the two).
 */
export class MemoryCollection implements StoredCollection {
  readonly onDisk = false;
  readonly docs = new Map<string, Doc>();
  /** Deleted ids and the position that deleted them. */
  readonly tombstones = new Map<string, string>();
  private array: Doc[] | null = null;
  /** field → value → ids; built on first use, kept current after. */
  private readonly indexes = new Map<string, Map<Key, Set<string>>>();
  /** Indexed fields some document holds an array in: a document may then sit under several keys. */
  private readonly multikey = new Set<string>();

  get(id: string): Doc | undefined {
    return this.docs.get(id);
  }

  entry(id: string): Doc | undefined {
    const doc = this.docs.get(id);
    if (doc) return doc;
    const position = this.tombstones.get(id);
    return position === undefined ? undefined : { _id: id, _position: position, _deleted: true };
  }

  entries(ids: string[]): Map<string, Doc> {
    const out = new Map<string, Doc>();
    for (const id of ids) {
      const d = this.entry(id);
      if (d) out.set(id, d);
    }
    return out;
  }

  positionOf(id: string): string | undefined {
    return this.docs.get(id)?._position ?? this.tombstones.get(id);
  }

  put(doc: Doc): void {
    const old = this.docs.get(doc._id);
    for (const [field, index] of this.indexes) {
      // Unchanged keys stay where they are: a bucket lists its documents in the order they came.
      if (old && sameKeys(keysOf(old, field), keysOf(doc, field))) continue;
      if (old) unindex(index, old, field);
      this.indexDoc(index, doc, field);
    }
    this.docs.set(doc._id, deepFreeze(doc));
    this.tombstones.delete(doc._id);
    this.array = null;
  }

  remove(id: string, position: string): void {
    const old = this.docs.get(id);
    if (old) for (const [field, index] of this.indexes) unindex(index, old, field);
    this.docs.delete(id);
    this.tombstones.set(id, position);
    this.array = null;
  }

  /** The live documents as one array, rebuilt only after a change. Frozen: never mutate them. */
  all(): Doc[] {
    return (this.array ??= [...this.docs.values()]);
  }

  /**
   * What mingo must still test, and on which documents. A filter that asks `_id` or an indexed field
   * to equal one of some values is answered for that field by the index (whose answer is exact: a
   * value, or an element of an array, as MongoDB matches), so mingo tests only the documents found,
   * against the rest of the filter; otherwise everything, against all of it. Without a sort the order
   * is unspecified, as in MongoDB: here, the order documents came in, grouped by the value asked.
   */
  select(filter: Filter, indexed: ReadonlySet<string>): Selection {
    const narrowed = narrowing(filter, indexed);
    if (!narrowed) return { docs: this.all(), rest: filter };
    const { field, keys, rest } = narrowed;
    if (field === '_id')
      return { docs: keys.map((k) => this.docs.get(k as string)).filter((d): d is Doc => d !== undefined), rest };
    const index = this.index(field);
    const buckets = keys.map((k) => index.get(k)).filter((b): b is Set<string> => b !== undefined);
    const size = buckets.reduce((n, b) => n + b.size, 0);
    if (size > this.docs.size * SCAN_SHARE) {
      const wanted = new Set(keys);
      return { docs: this.all().filter((d) => keysOf(d, field).some((k) => wanted.has(k))), rest };
    }
    const docs: Doc[] = [];
    const seen = buckets.length > 1 && this.multikey.has(field) ? new Set<string>() : null;
    for (const b of buckets) {
      for (const id of b) {
        if (seen?.has(id)) continue;
        seen?.add(id);
        docs.push(this.docs.get(id)!);
      }
    }
    return { docs, rest };
  }

  private index(field: string): Map<Key, Set<string>> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const d of this.docs.values()) this.indexDoc(index, d, field);
      this.indexes.set(field, index);
    }
    return index;
  }

  private indexDoc(index: Map<Key, Set<string>>, doc: Doc, field: string): void {
    if (Array.isArray(doc[field])) this.multikey.add(field);
    for (const k of keysOf(doc, field)) {
      const ids = index.get(k);
      if (ids) ids.add(doc._id);
      else index.set(k, new Set([doc._id]));
    }
  }
}

const unindex = (index: Map<Key, Set<string>>, doc: Doc, field: string) => {
  for (const k of keysOf(doc, field)) {
    const ids = index.get(k);
    ids?.delete(doc._id);
    if (ids?.size === 0) index.delete(k);
  }
};
