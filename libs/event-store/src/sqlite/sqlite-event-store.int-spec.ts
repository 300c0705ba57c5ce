import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock, newEvent } from '@gl/testing';
import { NO_STREAM, verifyLog, verifyStream } from '../index';
import { eventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-es-'));
  dirs.push(dir);
  return join(dir, 'events.db');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

eventStoreContract('SQLite, :memory:', {
  open: async (clock) => new SqliteEventStore({ filename: ':memory:', clock }),
  advancePositionTo: async (store, p) => (store as SqliteEventStore).advancePositionTo(p),
});

let shared = '';
eventStoreContract('SQLite, a WAL file with two connections', {
  open: async (clock) => {
    shared = tempFile();
    return new SqliteEventStore({ filename: shared, clock });
  },
  openPeer: async (clock) => new SqliteEventStore({ filename: shared, clock }),
  advancePositionTo: async (store, p) => (store as SqliteEventStore).advancePositionTo(p),
});

describe('SQLite event store: durability and tampering', () => {
  const clock = new FixedClock();

  it('opens at synchronous FULL by default, also when reopening an existing WAL file', async () => {
    const file = tempFile();
    const first = new SqliteEventStore({ filename: file, clock });
    expect(first.synchronous).toBe('FULL');
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await first.appendToStream('unit-1', [newEvent('unit.established.v1', { name: 'Sở Nội vụ' })], NO_STREAM);
    await first.close();
    const again = new SqliteEventStore({ filename: file, clock });
    expect(again.synchronous).toBe('FULL');
    await again.close();
  });

  it('takes NORMAL when configured, and reads it back', async () => {
    const store = new SqliteEventStore({ filename: tempFile(), clock, synchronous: 'NORMAL' });
    expect(store.synchronous).toBe('NORMAL');
    await store.close();
  });

  it('catches an altered row and names its revision', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ filename: file, clock });
    await store.appendToStream(
      'plan-1',
      [0, 1, 2, 3].map((n) => newEvent('plan.amended.v1', { n })),
      NO_STREAM,
    );
    await store.appendToStream('plan-2', [newEvent('plan.amended.v1', { n: 9 })], NO_STREAM);
    const forger = new Database(file);
    forger.prepare("UPDATE events SET data = json_set(data, '$.n', 99) WHERE stream = 'plan-1' AND revision = 2").run();
    forger.close();

    const stream = await verifyStream(store, 'plan-1');
    expect(stream.firstBad).toMatchObject({ stream: 'plan-1', revision: 2, problem: { kind: 'hash-mismatch' } });
    expect((await verifyStream(store, 'plan-2')).firstBad).toBeNull();
    const log = await verifyLog(store);
    expect(log.firstBad).toMatchObject({ stream: 'plan-1', revision: 2 });
    await store.close();
  });

  it('catches a deleted event as a break in the chain', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ filename: file, clock });
    await store.appendToStream(
      'plan-1',
      [0, 1, 2].map((n) => newEvent('plan.amended.v1', { n })),
      NO_STREAM,
    );
    const forger = new Database(file);
    forger.prepare("DELETE FROM events WHERE stream = 'plan-1' AND revision = 1").run();
    forger.close();
    expect((await verifyStream(store, 'plan-1')).firstBad).toMatchObject({
      revision: 2,
      problem: { kind: 'revision-gap', expected: 1 },
    });
    await store.close();
  });

  it('reads ahead only one batch for a slow subscriber (back-pressure)', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', clock, subscriptionBatchSize: 10 });
    for (let i = 0; i < 10; i++) {
      await store.appendToStream(
        `load-${i}`,
        Array.from({ length: 10 }, (_, n) => newEvent('load.made.v1', { n })),
        NO_STREAM,
      );
    }
    const spy = jest.spyOn(store, 'readAll');
    const sub = store.subscribeToAll();
    let seen = 0;
    for await (const _ of sub) {
      if (++seen === 3) break;
    }
    expect(spy).toHaveBeenCalledTimes(1);
    await store.close();
  });

  it('lets subscriptions share the pages they read, frozen, while audit reads always read the file', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ filename: file, clock, subscriptionBatchSize: 10 });
    for (let i = 0; i < 3; i++) {
      await store.appendToStream(
        `plan-${i}`,
        Array.from({ length: 10 }, (_, n) => newEvent('plan.amended.v1', { n })),
        NO_STREAM,
      );
    }
    const take = async (count: number) => {
      const seen = [];
      for await (const e of store.subscribeToAll()) {
        seen.push(e);
        if (seen.length === count) break;
      }
      return seen;
    };
    const first = await take(25);
    const second = await take(25);
    expect(second.slice(0, 20).every((e, i) => e === first[i])).toBe(true);
    expect(Object.isFrozen(first[0].data)).toBe(true);

    const forger = new Database(file);
    forger.prepare("UPDATE events SET data = json_set(data, '$.n', 99) WHERE stream = 'plan-0' AND revision = 2").run();
    forger.close();
    const [, , altered] = (await store.readAll({ maxCount: 10 })).events;
    expect(altered).not.toBe(first[2]);
    expect(altered.data).toEqual({ n: 99 });
    expect((await verifyLog(store)).firstBad).toMatchObject({ stream: 'plan-0', revision: 2 });
    await store.close();
  });
});

describe('SQLite event store: recorded times for time travel', () => {
  it('never records a time before the log’s last one, so the chain stays valid and the times ordered', async () => {
    const clock = new FixedClock('2023-11-16T10:00:00.000Z');
    const store = new SqliteEventStore({ filename: ':memory:', clock });
    await store.appendToStream('plan-0', [newEvent('plan.issued.v1', { n: 1 })], NO_STREAM);
    // The clock is set back an hour (NTP, a wrong manual setting): the next event keeps the last time.
    clock.set('2023-11-16T09:00:00.000Z');
    await store.appendToStream('plan-1', [newEvent('plan.issued.v1', { n: 2 })], NO_STREAM);
    clock.set('2023-11-16T11:00:00.000Z');
    await store.appendToStream('plan-2', [newEvent('plan.issued.v1', { n: 3 })], NO_STREAM);
    const { events } = await store.readAll();
    expect(events.map((e) => e.metadata.recordedAt)).toEqual([
      '2023-11-16T10:00:00.000Z',
      '2023-11-16T10:00:00.000Z',
      '2023-11-16T11:00:00.000Z',
    ]);
    expect((await verifyLog(store)).firstBad).toBeNull();
    await store.close();
  });

  it('finds the last position recorded by an instant by a search, across gaps in the positions', async () => {
    const clock = new FixedClock('2023-01-01T00:00:00.000Z');
    const store = new SqliteEventStore({ filename: ':memory:', clock });
    expect(await store.lastPositionRecordedBy('2030-01-01T00:00:00.000Z')).toBe('0');
    const recorded: { position: string; at: string }[] = [];
    for (let i = 0; i < 300; i++) {
      // Several events share an instant; a few positions are skipped (a rolled-back append).
      if (i % 3 === 0) clock.advance(60_000);
      if (i % 50 === 7) await store.advancePositionTo(BigInt(await store.headPosition()) + 5n);
      const r = await store.appendToStream(`plan-${i}`, [newEvent('plan.issued.v1', { i })], NO_STREAM);
      recorded.push({ position: r.position, at: clock.now().toISOString() });
    }
    const expected = (instant: string) =>
      recorded.filter((r) => r.at <= new Date(instant).toISOString()).at(-1)?.position ?? '0';
    const probes = ['2022-12-31T23:59:59.999Z', '2023-01-01T00:01:00.000Z', '2023-01-01T00:01:30.000Z'];
    for (const r of recorded.filter((_, i) => i % 17 === 0))
      probes.push(r.at, new Date(Date.parse(r.at) - 1).toISOString());
    probes.push(recorded.at(-1)!.at, '2031-01-01T00:00:00.000Z', '2023-01-01T01:00:00+07:00');
    for (const instant of probes)
      expect([instant, await store.lastPositionRecordedBy(instant)]).toEqual([instant, expected(instant)]);
    await store.close();
  });
});
