import type { NewEvent, RecordedEvent, Subscription } from '../index';
import { NO_STREAM, type EventStore } from '../index';

/** What a test of the contract is given: the store, and names unique to the test. */
export interface ContractGiven {
  store: EventStore;
  run: string;
  stream(id: string): string;
  happened(n: number): NewEvent;
}

const take = async (sub: Subscription, n: number, timeoutMs = 5000): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  const timer = setTimeout(() => void sub.stop(), timeoutMs);
  for await (const e of sub) {
    out.push(e);
    if (out.length === n) break;
  }
  clearTimeout(timer);
  return out;
};

/** The event store contract's subscriptions: catch-up then live, in events or in pages, and stopping. */
export const subscriptionCases = (given: () => ContractGiven): void => {
  it('starts strictly after the given position', async () => {
    const { store, run, stream, happened } = given();
    const s = stream('sub');
    await store.appendToStream(s, [happened(1)], NO_STREAM);
    const [first] = await store.readStream(s);
    await store.appendToStream(s, [happened(2), happened(3)], 0);
    const sub = store.subscribeToAll({ after: first.position, filter: { categories: [`test${run}`] } });
    const got = await take(sub, 2);
    await sub.stop();
    expect(got.map((e) => (e.data as { n: number }).n)).toEqual([2, 3]);
  });

  it('catches up, then goes live, with no gap and no duplicate', async () => {
    const { store, run, stream, happened } = given();
    const start = await store.headPosition();
    const s1 = stream('live1');
    const s2 = stream('live2');
    await store.appendToStream(
      s1,
      [1, 2, 3].map((n) => happened(n)),
      NO_STREAM,
    );
    const sub = store.subscribeToAll({ after: start });
    const collected = take(sub, 9);
    await store.appendToStream(
      s2,
      [4, 5].map((n) => happened(n)),
      NO_STREAM,
    );
    await new Promise((r) => setTimeout(r, 50));
    await store.appendToStream(
      s1,
      [6, 7].map((n) => happened(n)),
      2,
    );
    await store.appendToStream(
      s2,
      [8].map((n) => happened(n)),
      1,
    );
    await new Promise((r) => setTimeout(r, 20));
    await store.appendToStream(
      s1,
      [9].map((n) => happened(n)),
      4,
    );
    const got = (await collected).filter((e) => e.stream.includes(run));
    await sub.stop();
    expect(got.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(got.map((e) => e.eventId)).size).toBe(9);
  });

  it('gives the same events in pages, catching up and then live, each page non-empty and in order', async () => {
    const { store, run, stream, happened } = given();
    const start = await store.headPosition();
    const s = stream('pages');
    await store.appendToStream(
      s,
      Array.from({ length: 7 }, (_, i) => happened(i + 1)),
      NO_STREAM,
    );
    const sub = store.subscribeToAll({ after: start, filter: { categories: [`test${run}`] } });
    const pages: RecordedEvent[][] = [];
    const collected = (async () => {
      let n = 0;
      for await (const page of sub.pages()) {
        pages.push(page);
        n += page.length;
        if (n >= 9) break;
      }
    })();
    await new Promise((r) => setTimeout(r, 30));
    await store.appendToStream(s, [happened(8), happened(9)], 6);
    await collected;
    await sub.stop();
    expect(pages.every((p) => p.length > 0)).toBe(true);
    expect(pages.flat().map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const positions = pages.flat().map((e) => BigInt(e.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
  });

  it('ends the iteration when stopped, even while waiting for events', async () => {
    const { store } = given();
    const sub = store.subscribeToAll({ after: await store.headPosition() });
    const done = (async () => {
      const seen: RecordedEvent[] = [];
      for await (const e of sub) seen.push(e);
      return seen;
    })();
    await new Promise((r) => setTimeout(r, 30));
    await sub.stop();
    await expect(done).resolves.toEqual([]);
  });
};
