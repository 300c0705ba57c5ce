/**
 * The values last used, about `max` of them, in two generations: the current one fills up, then
 * becomes the previous one (whose values are dropped at the next turn unless used meanwhile). Every
 * step is O(1). A Map kept in order of use (delete, set, evict its first key) is not: V8 leaves the
 * deleted entries in place until it rehashes, and finding the first key walks past all of them —
 * issue 17's rebuild spent a fifth of its time there.
 */
export class RecentlyUsed<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value, now counted as used. */
  get(key: K): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.set(key, old);
    }
    return old;
  }

  /** The value, not counted as used. */
  peek(key: K): V | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  set(key: K, value: V): void {
    this.previous.delete(key);
    this.current.set(key, value);
    if (this.current.size >= Math.ceil(this.max / 2)) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  delete(key: K): void {
    this.current.delete(key);
    this.previous.delete(key);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
