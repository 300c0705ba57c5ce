import type { RecordedEvent } from '../port/envelope';
import { deepFreeze } from '../serialization/deep-freeze';

/**
 * The last full pages of the unfiltered log that subscriptions read, decoded once and shared, frozen.
 * The projections of a process catch up side by side (each yields after a batch), so they ask for
 * the same pages moments apart; without this each decodes the whole log again. Only full pages are
 * kept (one that reached the head may still grow), and only subscriptions use it: audit reads and
 * exports always read the file, so a row altered behind the store's back is seen at once.
 */
export class LogPageCache {
  private readonly pages = new Map<string, RecordedEvent[]>();

  constructor(private readonly maxPages = 64) {}

  get(after: bigint, count: number): RecordedEvent[] | undefined {
    const key = `${after}:${count}`;
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  put(after: bigint, count: number, events: RecordedEvent[]): void {
    if (events.length < count) return;
    this.pages.set(`${after}:${count}`, deepFreeze(events));
    while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as string);
  }
}
