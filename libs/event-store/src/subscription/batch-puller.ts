const NOT_READY = Symbol('not ready');

/**
 * Takes items from an async iterator in batches: waits for the first, then takes every item that
 * is ready before the event loop turns, up to a maximum. Catching up fills whole batches; live,
 * a lone event is applied at once. An item not ready in time stays pending for the next batch.
 * Items count one each, or by `weigh` (pages of events count their events).
 */
export class BatchPuller<T> {
  private pending: Promise<IteratorResult<T>> | null = null;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly weigh: (item: T) => number = () => 1,
  ) {}

  /** The next batch (its weight reaching at most `max`, or one item beyond it), or null when the iterator is done. */
  async next(max: number): Promise<T[] | null> {
    const first = await this.request();
    this.pending = null;
    if (first.done) return null;
    const batch = [first.value];
    let weight = this.weigh(first.value);
    // One wake-up slot, replaced per item: racing each item against one shared "turn" promise would
    // hang a reaction per item on it until the loop turns, which a synchronous store may never let happen.
    let turned = false;
    let onTurn: (() => void) | null = null;
    const turn = setImmediate(() => {
      turned = true;
      onTurn?.();
    });
    try {
      while (weight < max && !turned) {
        const r = await new Promise<IteratorResult<T> | typeof NOT_READY>((resolve, reject) => {
          onTurn = () => resolve(NOT_READY);
          this.request().then(resolve, reject);
        });
        onTurn = null;
        if (r === NOT_READY) break;
        this.pending = null;
        if (r.done) break;
        batch.push(r.value);
        weight += this.weigh(r.value);
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

/** An async iterable in batches, as BatchPuller takes them: for a subscription whose store reads no pages of its own. */
export const batchesOf = <T>(items: AsyncIterable<T>, max: number): AsyncIterable<T[]> => ({
  async *[Symbol.asyncIterator]() {
    const puller = new BatchPuller(items[Symbol.asyncIterator]());
    for (let batch = await puller.next(max); batch; batch = await puller.next(max)) yield batch;
  },
});
