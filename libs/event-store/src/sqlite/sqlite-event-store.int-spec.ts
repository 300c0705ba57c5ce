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
