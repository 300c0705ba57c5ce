import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { FixedClock, newEvent, runInMemory } from '@gl/testing';
import { EmbeddedReadStore } from '../embedded/embedded-read-store';
import { Doc } from '../port/read-store.port';
import { Projection, projection } from './projection';
import { LAG_COUNT_CAP, ProjectionEngine } from './projection-engine';

/** Counters per unit: the shape of a dashboard figure, where a double count would show. */
interface Tally {
  unitId: string;
  conferences: number;
  participants: number;
  withdrawn: number;
}
const tally = (version = 1, factor = 1): Projection<Tally> =>
  projection<Tally>({
    name: 'unit-tally',
    version,
    handles: ['conference.recorded.v1', 'conference.withdrawn.v1'],
    route: (e) => [(e.data as { unitId: string }).unitId],
    evolve: (doc, e) => {
      const d = e.data as { unitId: string; participants: number };
      const t = doc ?? { unitId: d.unitId, conferences: 0, participants: 0, withdrawn: 0 };
      return e.type === 'conference.recorded.v1'
        ? { ...t, conferences: t.conferences + 1, participants: t.participants + d.participants * factor }
        : { ...t, withdrawn: t.withdrawn + 1, participants: t.participants - d.participants * factor };
    },
  });

const conference = (unit: number, participants: number) =>
  newEvent('conference.recorded.v1', { unitId: `unit-${unit}`, participants });
const withdrawn = (unit: number, participants: number) =>
  newEvent('conference.withdrawn.v1', { unitId: `unit-${unit}`, participants });

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('projection engine on SQLite and the embedded read store', () => {
  let clock: FixedClock;
  let events: SqliteEventStore;
  let store: EmbeddedReadStore;
  const engines: ProjectionEngine[] = [];
  const engine = (p: Projection<any>, extra: Partial<ConstructorParameters<typeof ProjectionEngine>[3]> = {}) => {
    const e = new ProjectionEngine(events, store, [p], {
      clock,
      run: true,
      batchSize: 50,
      backoffMs: 1,
      maxBackoffMs: 5,
      requestPollMs: 20,
      ...extra,
    });
    engines.push(e);
    return e;
  };
  const appendMany = async (n: number, seed = 0) => {
    for (let i = 0; i < n; i++) {
      const unit = (i * 7 + seed) % 13;
      const e = i % 5 === 4 ? withdrawn(unit, 3) : conference(unit, 10 + (i % 4));
      await events.appendToStream(`conference-${seed}_${i}`, [e], NO_STREAM);
    }
  };
  const docs = async (collection = 'unit-tally') => store.find(collection, {}, { sort: { _id: 1 } });

  let dir: string;
  let file: string;

  beforeEach(() => {
    clock = new FixedClock('2023-11-14T09:00:00.000Z');
    events = new SqliteEventStore({ filename: ':memory:', clock });
    dir = mkdtempSync(join(tmpdir(), 'gl-engine-'));
    file = join(dir, 'read-models.db');
    store = new EmbeddedReadStore({ filename: file, clock });
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, goes live, and counts each event once', async () => {
    await appendMany(120);
    const e = engine(tally());
    e.start();
    const head = await events.headPosition();
    expect(await e.waitFor(head, 5000)).toBe(true);
    await appendMany(30, 1);
    expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);
    const all = (await events.readAll({ maxCount: 10_000 })).events;
    const expected = [...runInMemory(tally(), [all]).values()].sort((a, b) => a._id.localeCompare(b._id));
    expect(await docs()).toEqual(expected);
    await until(() => e.runner('unit-tally')!.state === 'live');
    const [status] = await e.status();
    expect(status.live).toMatchObject({
      version: 1,
      generation: 1,
      position: await events.headPosition(),
      lag: { events: 0, seconds: 0 },
    });
  });

  it('defers what only queries need while far behind, and settles before it says it is live', async () => {
    const n = 10_050;
    await events.appendToStream(
      'conferences',
      Array.from({ length: n }, (_, i) => conference(i % 13, 10)),
      NO_STREAM,
    );
    const calls: string[] = [];
    jest.spyOn(store, 'deferIndexes').mockImplementation(async (ref) => void calls.push(`defer g${ref.generation}`));
    jest.spyOn(store, 'settle').mockImplementation(async (ref) => void calls.push(`settle g${ref.generation}`));
    const e = engine(tally(), { batchSize: 5000 });
    e.runner('unit-tally')!.onProgress(() => calls.push(`batch ${e.runner('unit-tally')!.state}`));
    e.start();
    await until(() => e.runner('unit-tally')!.state === 'live');
    jest.restoreAllMocks();
    expect(calls).toEqual(['defer g1', 'batch catching-up', 'batch catching-up', 'batch catching-up', 'settle g1']);
    expect((await docs()).reduce((t, d) => t + (d.conferences as number), 0)).toBe(n);
  });

  it('lets the event loop turn between batches while catching up (requests are answered during a rebuild)', async () => {
    await appendMany(1000);
    const e = engine(tally());
    let turns = 0;
    let progressed = 0;
    let turnsWhileCatchingUp = 0;
    e.runner('unit-tally')!.onProgress(() => {
      progressed++;
      turnsWhileCatchingUp = turns;
    });
    // A turn of the event loop counted each time it comes round (what a request or a probe waits for).
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    e.start();
    expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);
    ticking = false;
    // 1,000 events in batches of 50: timers ran between the batches, not only once it was over.
    expect(progressed).toBe(20);
    expect(turnsWhileCatchingUp).toBeGreaterThanOrEqual(10);
  });

  it('answers read-your-writes: waits for a position, and says no in time when it is not reached', async () => {
    const e = engine(tally());
    e.start();
    const r = await events.appendToStream('conference-x', [conference(1, 40)], NO_STREAM);
    expect(await e.waitFor(r.position, 2000)).toBe(true);
    expect(await store.get('unit-tally', 'unit-1')).toMatchObject({ participants: 40 });
    const started = Date.now();
    expect(await e.waitFor('1000000', 60)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports lag in events and seconds when it is behind', async () => {
    await appendMany(10);
    const e = new ProjectionEngine(events, store, [tally()], { clock, run: false });
    await store.register('unit-tally', 'unit-tally', 1, []);
    clock.advance(90_000);
    const [status] = await e.status();
    expect(status.state).toBe('not-running');
    expect(status.live?.lag).toEqual({ events: 10, seconds: 90 });
  });

  it('counts a lag once per checkpoint, and no further than LAG_COUNT_CAP (a probe must not hold the event loop)', async () => {
    await appendMany(12);
    const other = { ...tally(), name: 'unit-tally-2', collection: 'unit-tally-2' };
    const e = new ProjectionEngine(events, store, [tally(), other], { clock, run: false });
    await store.register('unit-tally', 'unit-tally', 1, []);
    await store.register('unit-tally-2', 'unit-tally-2', 1, []);
    const caps: number[] = [];
    const count = events.countEventsAfter.bind(events);
    events.countEventsAfter = (after, cap) => (caps.push(cap), count(after, cap));
    const status = await e.status();
    // two projections at the same checkpoint: one count, bounded
    expect(status.map((s) => s.live?.lag.events)).toEqual([12, 12]);
    expect(caps).toEqual([LAG_COUNT_CAP]);
    expect(LAG_COUNT_CAP).toBeLessThanOrEqual(10_000);
  });

  it('rebuilds a changed version into a new generation, answering from the old one meanwhile', async () => {
    await appendMany(60);
    const v1 = engine(tally(1));
    v1.start();
    expect(await v1.waitFor(await events.headPosition(), 5000)).toBe(true);
    await v1.stop();
    const before = await docs();

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const apply = store.applyBatch.bind(store);
    jest.spyOn(store, 'applyBatch').mockImplementation(async (ref, changes, position) => {
      if (ref.generation === 2) await gate;
      return apply(ref, changes, position);
    });
    const v2 = engine(tally(2, 2));
    v2.start();
    await until(async () => (await store.record('unit-tally'))?.building?.generation === 2);
    expect(await docs()).toEqual(before);
    release();
    await until(async () => (await store.record('unit-tally'))?.live?.generation === 2);
    const after = await docs();
    expect(after.map((d) => d.participants)).toEqual(before.map((d) => (d.participants as number) * 2));
    expect(
      (await store.loadDocs({ projection: 'unit-tally', collection: 'unit-tally', generation: 1 }, ['unit-1'])).size,
    ).toBe(0);
  });

  it('rebuilds on request from another process, and the rebuild equals the incremental state', async () => {
    const e = engine(tally());
    e.start();
    for (let round = 0; round < 5; round++) {
      await appendMany(25, round);
      expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);
    }
    const incremental = await docs();
    const cli = new EmbeddedReadStore({ filename: file, clock });
    await cli.requestRebuild('unit-tally');
    await cli.close();
    await until(async () => (await store.record('unit-tally'))?.live?.generation === 2);
    expect(await docs()).toEqual(incremental);
  });

  it('records a failure, retries from its checkpoint, and clears the failure once it succeeds', async () => {
    let failures = 2;
    const flaky = tally();
    const evolve = flaky.evolve;
    flaky.evolve = (doc, ev) => {
      if ((ev.data as { participants: number }).participants === 99 && failures-- > 0)
        throw new Error('cannot read participants');
      return evolve(doc, ev);
    };
    await appendMany(10);
    await events.appendToStream('conference-poison', [conference(2, 99)], NO_STREAM);
    // Failures are brief (backoff of a few ms here): watch what is recorded rather than poll for it.
    const seen: (string | null)[] = [];
    const record = store.recordFailure.bind(store);
    jest.spyOn(store, 'recordFailure').mockImplementation(async (name, failure) => {
      seen.push(failure?.message ?? null);
      return record(name, failure);
    });
    const e = engine(flaky);
    e.start();
    expect(await e.waitFor(await events.headPosition(), 10_000)).toBe(true);
    await until(() => seen[seen.length - 1] === null);
    expect(seen).toEqual(['cannot read participants', 'cannot read participants', null]);
    expect((await store.record('unit-tally'))?.failure).toBeNull();
    const all = (await events.readAll({ maxCount: 10_000 })).events;
    expect(await docs()).toEqual([...runInMemory(tally(), [all]).values()].sort((a, b) => a._id.localeCompare(b._id)));
  });
});

describe('projection engine under injected crashes', () => {
  it('ends, after many crashes and restarts, equal to a fresh rebuild, with no double count', async () => {
    const clock = new FixedClock();
    const events = new SqliteEventStore({ filename: ':memory:', clock });
    for (let i = 0; i < 400; i++) {
      const e = i % 6 === 5 ? withdrawn(i % 17, 2) : conference(i % 17, 5 + (i % 3));
      await events.appendToStream(`conference-${i}`, [e], NO_STREAM);
    }
    const head = await events.headPosition();
    const store = new EmbeddedReadStore({ filename: ':memory:', clock });

    // A store that, like MongoDB without a replica set, may crash after writing some documents of a
    // batch and before its checkpoint; or before writing anything. Seeded, so a failure replays.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const apply = store.applyBatch.bind(store);
    let crashes = 0;
    jest.spyOn(store, 'applyBatch').mockImplementation(async (ref, changes, position) => {
      const r = random();
      if (r < 0.25) {
        crashes++;
        const partial = changes.slice(0, Math.floor(random() * changes.length));
        const record = await store.record(ref.projection);
        await apply(ref, partial, record!.live!.position);
        throw new Error('crashed mid-batch');
      }
      if (r < 0.35) {
        crashes++;
        throw new Error('crashed before writing');
      }
      return apply(ref, changes, position);
    });

    let restarts = 0;
    for (; restarts < 200; restarts++) {
      const engine = new ProjectionEngine(events, store, [tally()], {
        clock,
        run: true,
        batchSize: 1 + (restarts % 13),
        backoffMs: 1,
        maxBackoffMs: 2,
      });
      engine.start();
      await new Promise((r) => setTimeout(r, 3));
      await engine.stop();
      const record = await store.record('unit-tally');
      if (record?.live?.position === head) break;
    }
    jest.restoreAllMocks();
    expect(crashes).toBeGreaterThan(10);

    const fresh = new EmbeddedReadStore({ filename: ':memory:', clock });
    const rebuild = new ProjectionEngine(events, fresh, [tally()], { clock, run: true });
    rebuild.start();
    expect(await rebuild.waitFor(head, 5000)).toBe(true);
    await rebuild.stop();
    const final = await store.find('unit-tally', {}, { sort: { _id: 1 } });
    expect((await store.record('unit-tally'))?.live?.position).toBe(head);
    expect(final).toEqual(await fresh.find('unit-tally', {}, { sort: { _id: 1 } }));
    const conferences = final.reduce((n: number, d: Doc) => n + (d.conferences as number) + (d.withdrawn as number), 0);
    expect(conferences).toBe(400);
    await Promise.all([events.close(), store.close(), fresh.close()]);
  });
});
