import { ReadAllOptions, ReadAllResult, SubscribeOptions, Subscription } from '../port/event-store.port';
import { RecordedEvent, START } from '../port/envelope';
import { AppendNotifier } from './append-notifier';

export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<ReadAllResult>;
  notifier: AppendNotifier;
}

export interface CatchUpSettings {
  batchSize: number;
  /** How long to wait for an in-process wake-up before looking again (other processes' appends). */
  idlePollMs: number;
}

/**
 * Reads the log in batches from an exclusive position, then waits for appends. A batch is read
 * only when the consumer has taken the previous one (back-pressure); positions only move forward,
 * so nothing is delivered twice and nothing is skipped.
 */
export class CatchUpSubscription implements Subscription {
  private readonly abort = new AbortController();
  private started = false;

  constructor(
    private readonly source: CatchUpSource,
    private readonly options: SubscribeOptions,
    private readonly settings: CatchUpSettings,
  ) {}

  async stop(): Promise<void> {
    this.abort.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.claim();
    return this.events();
  }

  pages(): AsyncIterable<RecordedEvent[]> {
    this.claim();
    return { [Symbol.asyncIterator]: () => this.readPages() };
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    for await (const page of this.readPages())
      for (const e of page) {
        if (this.abort.signal.aborted) return;
        yield e;
      }
  }

  private claim(): void {
    if (this.started) throw new Error('a subscription can be iterated once');
    this.started = true;
  }

  private async *readPages(): AsyncGenerator<RecordedEvent[]> {
    const { source, settings, abort } = this;
    let after = this.options.after ?? START;
    while (!abort.signal.aborted) {
      const seen = source.notifier.current;
      const batch = await source.readAll({ after, maxCount: settings.batchSize, filter: this.options.filter });
      if (abort.signal.aborted) return;
      if (batch.events.length > 0) yield batch.events;
      after = batch.position;
      if (batch.isEnd) await source.notifier.waitBeyond(seen, abort.signal, settings.idlePollMs);
    }
  }
}
