import { FixedClock, newEvent } from '@gl/testing';
import { EventStore, NO_STREAM } from '../port/event-store.port';
import { verifyLog, verifyPositions } from '../hashing/verify';
import { UpcasterRegistry } from '../serialization/upcaster-registry';
import { UpcastingEventStore } from '../serialization/upcasting-event-store';
import { SqliteEventStore } from './sqlite-event-store';

/** A store whose positions are not dense, as KurrentDB's: the same reads, without the capability. */
const withoutDensePositions = (s: EventStore): EventStore => ({
  appendToStream: (stream, events, expected) => s.appendToStream(stream, events, expected),
  readStream: (stream, o) => s.readStream(stream, o),
  readAll: (o) => s.readAll(o),
  headPosition: () => s.headPosition(),
  countEventsAfter: (after, cap) => s.countEventsAfter(after, cap),
  subscribeToAll: (o) => s.subscribeToAll(o),
  ping: () => s.ping(),
  close: () => s.close(),
});

describe('gaps in global positions (SQLite: dense positions)', () => {
  let store: SqliteEventStore;
  const append = (stream: string, n: number) =>
    store.appendToStream(
      stream,
      Array.from({ length: n }, (_, i) => newEvent('plan.amended.v1', { n: i })),
      NO_STREAM,
    );
  const forge = (sql: string) => store.db.prepare(sql).run();

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:', clock: new FixedClock() });
    await append('plan-1', 3);
    await append('plan-2', 2);
  });
  afterEach(() => store.close());

  it('finds none in a log as written, even after refused appends', async () => {
    // The second event repeats a stored id: the first was inserted, then rolled back with its position.
    const [stored] = await store.readStream('plan-1');
    await expect(
      store.appendToStream(
        'plan-1',
        [newEvent('plan.amended.v1', {}), { ...newEvent('plan.amended.v1', {}), eventId: stored.eventId }],
        2,
      ),
    ).rejects.toThrow();
    await append('plan-3', 1);
    expect(await verifyPositions(store)).toEqual({ applies: true, firstGap: null });
  });

  it('names the last event of a stream deleted, with no seal over it, that the chains cannot see', async () => {
    forge("DELETE FROM events WHERE stream = 'plan-1' AND revision = 2");
    expect((await verifyLog(store)).firstBad).toBeNull();
    expect(await verifyPositions(store)).toEqual({
      applies: true,
      firstGap: { from: '3', to: '3', atTail: false, detail: 'position 3 is missing' },
    });
  });

  it('names rows deleted from the end of the log: the sequence remembers how far it had counted', async () => {
    forge("DELETE FROM events WHERE stream = 'plan-2'");
    expect((await verifyLog(store)).firstBad).toBeNull();
    expect(await verifyPositions(store)).toMatchObject({
      applies: true,
      firstGap: { from: '4', to: '5', atTail: true, detail: expect.stringContaining('from the end of the log') },
    });
  });

  it('names the first of several gaps, and one at the start', async () => {
    await append('plan-3', 3);
    forge('DELETE FROM events WHERE position IN (2, 3, 6)');
    expect(await verifyPositions(store)).toMatchObject({ firstGap: { from: '2', to: '3', atTail: false } });
    forge('DELETE FROM events WHERE position = 1');
    expect(await verifyPositions(store)).toMatchObject({ firstGap: { from: '1', to: '3', atTail: false } });
  });

  it('is passed on by the upcasting wrapper, and does not apply to a store without dense positions', async () => {
    forge('DELETE FROM events WHERE position = 2');
    expect(await verifyPositions(new UpcastingEventStore(store, new UpcasterRegistry()))).toMatchObject({
      applies: true,
      firstGap: { from: '2', to: '2' },
    });
    const wrapped = new UpcastingEventStore(withoutDensePositions(store), new UpcasterRegistry());
    expect(wrapped.findFirstPositionGap).toBeUndefined();
    expect(await verifyPositions(wrapped)).toMatchObject({
      applies: false,
      reason: expect.stringContaining('does not number its events densely'),
    });
  });
});
