import type { Doc } from '../port/read-store.port';

/** One physical collection in memory: live documents, tombstones, and a cached array for mingo. */
export class MemoryCollection {
  readonly docs = new Map<string, Doc>();
  /** Deleted ids and the position that deleted them. */
  readonly tombstones = new Map<string, string>();
  private array: Doc[] | null = null;

  positionOf(id: string): string | undefined {
    return this.docs.get(id)?._position ?? this.tombstones.get(id);
  }

  put(doc: Doc): void {
    this.docs.set(doc._id, deepFreeze(doc));
    this.tombstones.delete(doc._id);
    this.array = null;
  }

  remove(id: string, position: string): void {
    this.docs.delete(id);
    this.tombstones.set(id, position);
    this.array = null;
  }

  /** The live documents as one array, rebuilt only after a change. Frozen: never mutate them. */
  all(): Doc[] {
    return (this.array ??= [...this.docs.values()]);
  }
}

/** Stored documents are shared with every reader, so none of them may change one. */
export const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
};
