import { randomUUID } from 'node:crypto';
import { FixedClock, metadata, newEvent } from '@gl/testing';
import {
  comparePositions,
  ConcurrencyError,
  EventStore,
  GENESIS_HASH,
  IdempotencyConflictError,
  NO_STREAM,
  RecordedEvent,
  verifyStream,
} from '../index';
import { subscriptionCases } from './event-store-subscriptions.contract';

/** What each adapter's int-spec gives the one contract suite. */
export interface EventStoreFixture {
  /** A store on a clean (or shared, but uniquely named) log, with the clock it stamps recordedAt from. */
  open(clock: FixedClock): Promise<EventStore>;
  /** A second, independent connection to the same log, where the adapter has such a thing. */
  openPeer?(clock: FixedClock): Promise<EventStore>;
  /** Moves the next global position beyond `position`, where the adapter can. */
  advancePositionTo?(store: EventStore, position: bigint): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must have. Stream and category names carry a fresh
 * suffix per test, so the suite also runs against a shared server.
 */
export const eventStoreContract = (name: string, fixture: EventStoreFixture): void => {
  describe(`EventStore contract: ${name}`, () => {
    let clock: FixedClock;
    let store: EventStore;
    let run: string;
    const stream = (id: string, category = `test${run}`) => `${category}-${id}`;
    const happened = (n: number, extra: object = {}) => newEvent('test.happened.v1', { n, ...extra });

    beforeEach(async () => {
      clock = new FixedClock('2023-11-14T16:30:00.000Z');
      store = await fixture.open(clock);
      run = randomUUID().replace(/-/g, '').slice(0, 12);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('appending with an expected revision', () => {
      it('creates a stream with "no stream", and refuses a second "no stream"', async () => {
        const s = stream('a');
        const first = await store.appendToStream(s, [happened(1)], NO_STREAM);
        expect(first.nextExpectedRevision).toBe(0);
        await expect(store.appendToStream(s, [happened(2)], NO_STREAM)).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('refuses a wrong revision and says where the stream is', async () => {
        const s = stream('b');
        await store.appendToStream(s, [happened(1), happened(2)], NO_STREAM);
        const err = await store.appendToStream(s, [happened(3)], 0).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConcurrencyError);
        expect((err as ConcurrencyError).actual).toBe(1);
        await expect(store.appendToStream(stream('missing'), [happened(1)], 3)).rejects.toBeInstanceOf(
          ConcurrencyError,
        );
      });

      it('takes a correct append right after a rejected one', async () => {
        const s = stream('c');
        await store.appendToStream(s, [happened(1)], NO_STREAM);
        await expect(store.appendToStream(s, [happened(2)], 5)).rejects.toBeInstanceOf(ConcurrencyError);
        const ok = await store.appendToStream(s, [happened(2)], 0);
        expect(ok.nextExpectedRevision).toBe(1);
        expect((await store.readStream(s)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
      });

      it('lets exactly one of several concurrent appends at the same revision win', async () => {
        const s = stream('race');
        await store.appendToStream(s, [happened(0)], NO_STREAM);
        const writers = [store, ...(fixture.openPeer ? [await fixture.openPeer(clock)] : [])];
        const attempts = Array.from({ length: 8 }, (_, i) =>
          writers[i % writers.length].appendToStream(s, [happened(i + 1)], 0),
        );
        const results = await Promise.allSettled(attempts);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((x) => x.status === 'rejected')) {
          expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        }
        expect(await store.readStream(s)).toHaveLength(2);
        await Promise.all(writers.slice(1).map((w) => w.close()));
      });

      it('returns the revision and a position that readAll agrees with', async () => {
        const s = stream('pos');
        const r = await store.appendToStream(s, [happened(1), happened(2)], NO_STREAM);
        const read = await store.readStream(s);
        expect(r.nextExpectedRevision).toBe(1);
        expect(r.position).toBe(read[1].position);
        expect(comparePositions(read[0].position, read[1].position)).toBe(-1);
        expect(await store.headPosition()).toBe(r.position);
      });
    });

    describe('idempotent event ids', () => {
      it('answers a retried append with the first result and writes nothing', async () => {
        const s = stream('idem');
        const events = [happened(1), happened(2)];
        const first = await store.appendToStream(s, events, NO_STREAM);
        const retry = await store.appendToStream(s, events, NO_STREAM);
        expect(retry).toEqual(first);
        await store.appendToStream(s, [happened(3)], 1);
        expect(await store.appendToStream(s, events, NO_STREAM)).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('refuses an append that repeats only some stored ids', async () => {
        const s = stream('partial');
        const [a, b] = [happened(1), happened(2)];
        await store.appendToStream(s, [a], NO_STREAM);
        await expect(store.appendToStream(s, [a, b], 0)).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('reading a stream', () => {
      it('reads forward and backward from a revision, with a maximum count', async () => {
        const s = stream('read');
        await store.appendToStream(
          s,
          [1, 2, 3, 4, 5].map((n) => happened(n)),
          NO_STREAM,
        );
        const revs = (es: RecordedEvent[]) => es.map((e) => e.revision);
        expect(revs(await store.readStream(s))).toEqual([0, 1, 2, 3, 4]);
        expect(revs(await store.readStream(s, { direction: 'backward' }))).toEqual([4, 3, 2, 1, 0]);
        expect(revs(await store.readStream(s, { fromRevision: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(revs(await store.readStream(s, { direction: 'backward', fromRevision: 3, maxCount: 2 }))).toEqual([
          3, 2,
        ]);
        expect(await store.readStream(stream('nothing'))).toEqual([]);
      });

      it('keeps the envelope: actor, correlation and causation, times, reason, schema version', async () => {
        const s = stream('env');
        clock.set('2023-11-14T17:00:00.000Z');
        const e = newEvent(
          'test.happened.v1',
          { n: 1 },
          {
            metadata: metadata({ occurredAt: '2023-11-10T02:00:00.000Z', reason: 'Bổ sung số liệu' }),
            schemaVersion: 2,
          },
        );
        await store.appendToStream(s, [e], NO_STREAM);
        const [read] = await store.readStream(s);
        expect(read.eventId).toBe(e.eventId);
        expect(read.type).toBe('test.happened.v1');
        expect(read.metadata).toMatchObject({
          ...e.metadata,
          recordedAt: '2023-11-14T17:00:00.000Z',
          schemaVersion: 2,
          prevHash: GENESIS_HASH,
        });
        expect(read.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('keeps Vietnamese text exactly as written (NFC stays NFC, nothing is re-normalised)', async () => {
        const s = stream('viet');
        const nfc = 'Ủy ban nhân dân phường Tân An, quận Ninh Kiều — Hội nghị quán triệt'.normalize('NFC');
        const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
        await store.appendToStream(s, [happened(1, { nfc, nfd })], NO_STREAM);
        const [read] = await store.readStream(s);
        const data = read.data as { nfc: string; nfd: string };
        expect(Buffer.from(data.nfc)).toEqual(Buffer.from(nfc));
        expect(data.nfc.normalize('NFC')).toBe(data.nfc);
        expect(Buffer.from(data.nfd)).toEqual(Buffer.from(nfd));
        expect((await verifyStream(store, s)).firstBad).toBeNull();
      });
    });

    describe('the hash chain', () => {
      it('links every event to the one before it in its stream', async () => {
        const s = stream('chain');
        await store.appendToStream(s, [happened(1), happened(2)], NO_STREAM);
        await store.appendToStream(s, [happened(3)], 1);
        const events = await store.readStream(s);
        expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
        expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
        expect(events[2].metadata.prevHash).toBe(events[1].metadata.hash);
        expect(new Set(events.map((e) => e.metadata.hash)).size).toBe(3);
        expect(await verifyStream(store, s)).toEqual({ stream: s, eventsChecked: 3, firstBad: null });
      });
    });

    describe('the global log', () => {
      it('reads everything in position order, in batches, and filters by category and type prefix', async () => {
        const start = await store.headPosition();
        const [catA, catB] = [`alpha${run}`, `beta${run}`];
        await store.appendToStream(
          stream('1', catA),
          [newEvent('task.assigned.v1', { i: 1 }), newEvent('task.completed.v1', { i: 2 })],
          NO_STREAM,
        );
        await store.appendToStream(stream('1', catB), [newEvent('report.submitted.v1', { i: 3 })], NO_STREAM);
        await store.appendToStream(stream('2', catA), [newEvent('task.assigned.v1', { i: 4 })], NO_STREAM);

        const all: RecordedEvent[] = [];
        let after = start;
        for (let guard = 0; guard < 20; guard++) {
          const batch = await store.readAll({ after, maxCount: 2 });
          all.push(...batch.events);
          after = batch.position;
          if (batch.isEnd) break;
        }
        const ours = all.filter((e) => e.stream.endsWith(run) || e.stream.includes(run));
        expect(ours.map((e) => (e.data as { i: number }).i)).toEqual([1, 2, 3, 4]);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1].position, all[i].position)).toBe(-1);

        const read = async (filter: object) => {
          const out: number[] = [];
          let from = start;
          for (let guard = 0; guard < 50; guard++) {
            const b = await store.readAll({ after: from, maxCount: 10, filter });
            out.push(...b.events.filter((e) => e.stream.includes(run)).map((e) => (e.data as { i: number }).i));
            from = b.position;
            if (b.isEnd) break;
          }
          return out;
        };
        expect(await read({ categories: [catA] })).toEqual([1, 2, 4]);
        expect(await read({ categories: [catB] })).toEqual([3]);
        expect(await read({ typePrefixes: ['task.assigned'] })).toEqual([1, 4]);
        expect(await read({ typePrefixes: ['report.', 'task.completed'] })).toEqual([2, 3]);
        expect(await read({ categories: [catA], typePrefixes: ['task.completed'] })).toEqual([2]);
        expect(await read({ typePrefixes: ['TASK.'] })).toEqual([]);
      });

      it('counts the events after a position, up to a cap', async () => {
        const start = await store.headPosition();
        await store.appendToStream(
          stream('count'),
          [1, 2, 3, 4, 5].map((n) => happened(n)),
          NO_STREAM,
        );
        expect(await store.countEventsAfter(start, 100)).toBe(5);
        expect(await store.countEventsAfter(start, 3)).toBe(3);
        expect(await store.countEventsAfter(await store.headPosition(), 100)).toBe(0);
        // Where the store counts a range in one go, it agrees with counting both ends.
        if (store.countEventsBetween) {
          const all = (await store.readAll({ after: start, maxCount: 10 })).events;
          expect(await store.countEventsBetween(start, all[3].position, 100)).toBe(4);
          expect(await store.countEventsBetween(all[0].position, all[3].position, 2)).toBe(2);
          expect(await store.countEventsBetween(all[4].position, all[4].position, 100)).toBe(0);
        }
      });

      it('has no busy errors under interleaved appends and reads', async () => {
        const peers = fixture.openPeer ? [await fixture.openPeer(clock)] : [];
        const stores = [store, ...peers];
        const ops: Promise<unknown>[] = [];
        const revisions = new Map<string, number>();
        for (let i = 0; i < 60; i++) {
          const who = stores[i % stores.length];
          const s = stream(`busy${i % 6}`);
          const expected = revisions.has(s) ? revisions.get(s)! : NO_STREAM;
          revisions.set(s, (revisions.get(s) ?? -1) + 1);
          ops.push(who.appendToStream(s, [happened(i)], expected));
          ops.push(who.readStream(s));
          ops.push(who.readAll({ maxCount: 50 }));
        }
        // Appends to the same stream run in order on one connection but may interleave across
        // connections; only concurrency errors are acceptable there, never "database is locked".
        const results = await Promise.allSettled(ops);
        const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        for (const f of failures) expect(f.reason).toBeInstanceOf(ConcurrencyError);
        if (stores.length === 1) expect(failures).toHaveLength(0);
        await Promise.all(peers.map((p) => p.close()));
      });

      it('reads nothing after any position up to 2^64 - 1, and stays where it was asked', async () => {
        await store.appendToStream(stream('far'), [happened(1)], NO_STREAM);
        for (const after of [(2n ** 63n).toString(), (2n ** 64n - 1n).toString()]) {
          expect(await store.readAll({ after })).toEqual({ events: [], position: after, isEnd: true });
          expect(await store.readAll({ after, filter: { categories: [`test${run}`] } })).toMatchObject({
            events: [],
            isEnd: true,
          });
          expect(await store.countEventsAfter(after, 10)).toBe(0);
        }
      });

      it('round-trips positions beyond 2^53 as decimal strings', async () => {
        if (!fixture.advancePositionTo) {
          const r = await store.appendToStream(stream('big'), [happened(1)], NO_STREAM);
          expect(r.position).toMatch(/^[0-9]+$/);
          expect(BigInt(r.position).toString()).toBe(r.position);
          return;
        }
        const beyond = 2n ** 53n + 10n;
        await fixture.advancePositionTo(store, beyond);
        const r1 = await store.appendToStream(stream('big'), [happened(1)], NO_STREAM);
        const r2 = await store.appendToStream(stream('big'), [happened(2)], 0);
        expect(BigInt(r1.position)).toBe(beyond + 1n);
        expect(r2.position).toBe((beyond + 2n).toString());
        const batch = await store.readAll({ after: r1.position });
        expect(batch.events.map((e) => e.position)).toEqual([r2.position]);
        const [read] = await store.readStream(stream('big'), { maxCount: 1 });
        expect(read.position).toBe(r1.position);
      });
    });

    describe('subscriptions', () => subscriptionCases(() => ({ store, run, stream, happened })));
  });
};
