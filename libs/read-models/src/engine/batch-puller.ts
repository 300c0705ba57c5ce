const NOT_READY = Symbol('not ready');

/**
 * Takes items from an async iterator in batches: waits for the first, then takes every item that
 * is ready before the event loop turns, up to a maximum. Catching up fills whole batches; live,
 * a lone event is applied at once. An item not ready in time stays pending for the next batch.
 */
export class BatchPuller<T> {
  private pending: Promise<IteratorResult<T>> | null = null;

  constructor(private readonly iterator: AsyncIterator<T>) {}

  /** The next batch, or null when the iterator is done. */
  async next(max: number): Promise<T[] | null> {
    const first = await this.request();
    this.pending = null;
    if (first.done) return null;
    const batch = [first.value];
    // One wake-up slot, replaced per item: racing each item against one shared "turn" promise would
    // hang a reaction per item on it until the loop turns, which a synchronous store may never let happen.
    let turned = false;
    let onTurn: (() => void) | null = null;
    const turn = setImmediate(() => {
      turned = true;
      onTurn?.();
    });
    try {
      while (batch.length < max && !turned) {
        const r = await new Promise<IteratorResult<T> | typeof NOT_READY>((resolve, reject) => {
          onTurn = () => resolve(NOT_READY);
          this.request().then(resolve, reject);
        });
        onTurn = null;
        if (r === NOT_READY) break;
        this.pending = null;
        if (r.done) break;
        batch.push(r.value);
      }
    } finally {
      clearImmediate(turn);
    }
    return batch;
  }

  private request(): Promise<IteratorResult<T>> {
    return (this.pending ??= this.iterator.next());
  }
}
