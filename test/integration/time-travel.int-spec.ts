import { TimeTravel, TimeTravelTooFarError } from '@gl/application';
import { NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { projection, streamCatalogue } from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';
import { FixedClock, newEvent } from '@gl/testing';

/** Counts every event: a second projection, to see which ones a past store replayed. */
const tally = projection<{ n: number }>({
  name: 'tally',
  version: 1,
  handles: 'all',
  route: () => ['all'],
  evolve: (d) => ({ n: (d?.n ?? 0) + 1 }),
});

describe('time travel: past read models, bounded in what they replay and what they keep', () => {
  const clock = new FixedClock('2023-11-14T02:00:00.000Z');
  let events: SqliteEventStore;
  let closed: number;
  let travel: TimeTravel;

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:', clock });
    for (let i = 1; i <= 10; i++) {
      clock.set(`2023-11-${String(10 + i).padStart(2, '0')}T02:00:00.000Z`);
      await events.appendToStream(
        `conference-${i}`,
        [newEvent('conference.held.v1', { activityId: String(i) })],
        NO_STREAM,
      );
    }
    closed = 0;
    travel = new TimeTravel(
      events,
      [streamCatalogue, tally],
      () => {
        const store = new EmbeddedReadStore({ filename: ':memory:', clock });
        const close = store.close.bind(store);
        store.close = async () => {
          closed++;
          await close();
        };
        return store;
      },
      10,
    );
  });
  afterEach(() => events.close());

  it('answers as the read models were at a position', async () => {
    const past = await travel.storeAt('4');
    expect(await past.count('stream-catalogue')).toBe(4);
    expect(await past.get('stream-catalogue', 'conference-5')).toBeNull();
  });

  it('replays only the projections asked for, and answers a narrower question from a store that has more', async () => {
    const catalogueOnly = await travel.storeAt('4', ['stream-catalogue']);
    expect(await catalogueOnly.count('stream-catalogue')).toBe(4);
    expect(await catalogueOnly.get('tally', 'all')).toBeNull();
    const everything = await travel.storeAt('4');
    expect(await everything.get('tally', 'all')).toMatchObject({ n: 4 });
    expect(await travel.storeAt('4', ['tally'])).toBe(everything);
    expect(travel.cached()).toEqual(['4', '4']);
    expect(await (await travel.storeAt('4', ['no-such-collection'])).get('no-such-collection', 'x')).toBeNull();
    expect(travel.cached()).toHaveLength(2);
  });

  it('finds the position recorded by an instant', async () => {
    expect(await travel.positionAt('2023-11-16T23:59:59.000Z')).toBe('6');
    expect(await travel.positionAt('2023-11-01T00:00:00.000Z')).toBe('0');
  });

  it('keeps past stores while together they hold no more than the limit, dropping the least recently used', async () => {
    const four = await travel.storeAt('4');
    await travel.storeAt('6');
    expect(travel.cached()).toEqual(['4', '6']);
    expect(await travel.storeAt('4')).toBe(four);
    expect(travel.cached()).toEqual(['6', '4']);
    await travel.storeAt('5');
    // 6 + 4 + 5 events > 10: the least recently used (6) goes, and is closed.
    expect(travel.cached()).toEqual(['4', '5']);
    await travel.storeAt('9');
    expect(travel.cached()).toEqual(['9']);
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(3);
  });

  it('refuses a past further back than the limit allows, and keeps nothing for it', async () => {
    await events.appendToStream('conference-11', [newEvent('conference.held.v1', { activityId: '11' })], NO_STREAM);
    await expect(travel.storeAt('11')).rejects.toBeInstanceOf(TimeTravelTooFarError);
    expect(travel.cached()).toEqual([]);
  });
});
