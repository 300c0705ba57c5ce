import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_STREAM, RecordedEvent } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { ENTRY_FIGURES, entriesProjection, FixedClock, newEvent, recorded } from '@gl/testing';
import { EmbeddedReadStore } from '../embedded/embedded-read-store';
import type { GenerationRef } from '../port/projection-store.port';
import type { Doc } from '../port/read-store.port';
import { applyBatchTo, applyEvents, routeBatch } from './apply-events';
import { Projection } from './projection';
import { ProjectionEngine } from './projection-engine';

type EntryData = { entryId: string; unitId?: string; n?: number };
const FIGURES = ENTRY_FIGURES;
const entries = entriesProjection;

/** A log that records, moves, withdraws and erases entries, deterministic so a failure replays. */
const script = (count: number, seed = 0): { type: string; data: EntryData }[] => {
  const out: { type: string; data: EntryData }[] = [];
  for (let i = 0; i < count; i++) {
    const earlier = `e${seed}-${Math.floor((i * 5) / 7)}`;
    if (i % 4 === 3) out.push({ type: 'entry.moved.v1', data: { entryId: earlier, unitId: `u${(i * 3) % 5}` } });
    else if (i % 6 === 5) out.push({ type: 'entry.withdrawn.v1', data: { entryId: earlier } });
    else if (i % 9 === 8) out.push({ type: 'entry.erased.v1', data: { entryId: earlier } });
    // Some amounts are 0: the total leaf is pruned while the count stays.
    else out.push({ type: 'entry.recorded.v1', data: { entryId: `e${seed}-${i}`, unitId: `u${i % 5}`, n: i % 7 } });
  }
  return out;
};
const recordedLog = (count: number, seed = 0): RecordedEvent[] =>
  script(count, seed).map((e, i) => recorded(e.type, e.data, { at: i + 1, stream: `entry-${e.data.entryId}` }));

/** What the figures must be: the contributions of the live entries, summed per unit, without zeros. */
const expectedFigures = (docs: Doc[]): Record<string, unknown>[] => {
  const byUnit = new Map<string, { total: number; count: number }>();
  for (const d of docs) {
    if (d.withdrawn) continue;
    const u = byUnit.get(d.unitId as string) ?? { total: 0, count: 0 };
    byUnit.set(d.unitId as string, { total: u.total + (d.n as number), count: u.count + 1 });
  }
  return [...byUnit]
    .map(([_id, f]) => ({ _id, ...(f.total !== 0 ? { total: f.total } : {}), count: f.count }))
    .sort((a, b) => a._id.localeCompare(b._id));
};

/** Figures documents without their positions: batch boundaries (not meaning) decide those. */
const withoutPositions = (docs: Doc[]) => docs.map(({ _position, ...d }) => d);

const ref: GenerationRef = { projection: 'entries', collection: 'entries', generation: 1 };

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('figures beside a projection: applyBatchTo on the embedded read store', () => {
  let clock: FixedClock;
  let store: EmbeddedReadStore;
  const p = entries();
  const figures = () => store.find(FIGURES, {}, { sort: { _id: 1 } });
  const sources = () => store.find('entries', {}, { sort: { _id: 1 } });

  beforeEach(async () => {
    clock = new FixedClock('2023-11-14T09:00:00.000Z');
    store = new EmbeddedReadStore({ filename: ':memory:', clock });
    await store.register('entries', 'entries', 1, [], [FIGURES]);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  it('keeps the figures per unit, readable by their logical name', async () => {
    // given entries under two units, one moved to a third and one withdrawn
    const batch = [
      recorded('entry.recorded.v1', { entryId: 'a', unitId: 'u1', n: 5 }, { at: 1 }),
      recorded('entry.recorded.v1', { entryId: 'b', unitId: 'u1', n: 7 }, { at: 2 }),
      recorded('entry.recorded.v1', { entryId: 'c', unitId: 'u2', n: 3 }, { at: 3 }),
      recorded('entry.moved.v1', { entryId: 'b', unitId: 'u3' }, { at: 4 }),
      recorded('entry.withdrawn.v1', { entryId: 'c' }, { at: 5 }),
    ];
    // when they are applied in one batch
    await applyBatchTo(store, p, ref, batch);
    // then u1 and u3 have their figures; u2, left with nothing, has none (nor was any written)
    expect(await figures()).toEqual([
      { _id: 'u1', total: 5, count: 1, _position: '5' },
      { _id: 'u3', total: 7, count: 1, _position: '5' },
    ]);
    expect(await store.get(FIGURES, 'u2')).toBeNull();
    expect(await store.getMany(FIGURES, ['u3', 'u2', 'u1'])).toEqual([
      expect.objectContaining({ _id: 'u3' }),
      expect.objectContaining({ _id: 'u1' }),
    ]);
    // and the projection's own collection holds only its own documents
    expect((await sources()).map((d) => d._id)).toEqual(['a', 'b', 'c']);
  });

  it('moves and deletes figures across batches: a unit left with nothing loses its document', async () => {
    await applyBatchTo(store, p, ref, [
      recorded('entry.recorded.v1', { entryId: 'a', unitId: 'u1', n: 5 }, { at: 1 }),
      recorded('entry.recorded.v1', { entryId: 'b', unitId: 'u2', n: 2 }, { at: 2 }),
    ]);
    expect(await store.get(FIGURES, 'u1')).toEqual({ _id: 'u1', total: 5, count: 1, _position: '2' });

    // when a moves to u2 in a later batch, and then b is erased
    await applyBatchTo(store, p, ref, [recorded('entry.moved.v1', { entryId: 'a', unitId: 'u2' }, { at: 3 })]);
    await applyBatchTo(store, p, ref, [recorded('entry.erased.v1', { entryId: 'b' }, { at: 4 })]);

    // then u1's figures are deleted (a tombstone at the batch's position), u2 holds a alone
    expect(await store.get(FIGURES, 'u1')).toBeNull();
    expect((await store.loadDocs({ ...ref, collection: FIGURES }, ['u1'])).get('u1')).toMatchObject({
      _deleted: true,
      _position: '3',
    });
    expect(await figures()).toEqual([{ _id: 'u2', total: 5, count: 1, _position: '4' }]);

    // and a unit deleted before gets figures again when an entry comes back to it
    await applyBatchTo(store, p, ref, [recorded('entry.moved.v1', { entryId: 'a', unitId: 'u1' }, { at: 5 })]);
    expect(await figures()).toEqual([{ _id: 'u1', total: 5, count: 1, _position: '5' }]);
  });

  it('writes the figures with the documents and the checkpoint: all carry the batch position', async () => {
    const batch = [
      recorded('entry.recorded.v1', { entryId: 'a', unitId: 'u1', n: 5 }, { at: 11 }),
      recorded('entry.recorded.v1', { entryId: 'b', unitId: 'u2', n: 2 }, { at: 12 }),
      recorded('entry.recorded.v1', { entryId: 'c', unitId: 'u2', n: 4 }, { at: 13 }),
    ];
    await applyBatchTo(store, p, ref, batch);
    // The last event's document, its unit's figures and the checkpoint all say 13: one write.
    expect(await store.get('entries', 'c')).toMatchObject({ _position: '13' });
    expect(await store.get(FIGURES, 'u2')).toEqual({ _id: 'u2', total: 6, count: 2, _position: '13' });
    // A unit the last event did not touch is still written at the batch's position.
    expect(await store.get(FIGURES, 'u1')).toMatchObject({ _position: '13' });
    expect((await store.record('entries'))?.live?.position).toBe('13');
  });

  it('writes nothing of a batch whose figures fail to be written; delivered again, it counts once', async () => {
    const batch = recordedLog(20);
    await applyBatchTo(store, p, ref, batch.slice(0, 10));
    const documentsBefore = await sources();
    const figuresBefore = await figures();
    // given a database that refuses the figures (disk full, say): the batch's transaction aborts
    const rows = store['docRows'];
    const upsert = rows.run.bind(rows);
    const refuse = jest.spyOn(rows, 'run').mockImplementation((batch) => {
      const figureRow = ([coll]: (typeof batch)[number]) => coll.startsWith(`${FIGURES}__g`);
      // The documents are written; then the figures' rows fail.
      upsert(batch.filter((row) => !figureRow(row)));
      if (batch.some(figureRow)) throw new Error('disk full');
    });
    await expect(applyBatchTo(store, p, ref, batch.slice(10))).rejects.toThrow('disk full');
    // then neither the documents (written before the figures in that transaction) nor the checkpoint moved
    expect(await sources()).toEqual(documentsBefore);
    expect(await figures()).toEqual(figuresBefore);
    expect((await store.record('entries'))?.live?.position).toBe('10');
    expect(store.db.prepare('SELECT count(*) AS n FROM docs WHERE CAST(position AS INTEGER) > 10').get()).toEqual({
      n: 0,
    });

    // when the database accepts them again and the batch is delivered again
    refuse.mockRestore();
    await applyBatchTo(store, p, ref, batch.slice(10));
    expect(withoutPositions(await figures())).toEqual(expectedFigures(await sources()));
  });

  it('applied twice gives the same figures (the same batch again, and each event in a batch of its own, twice)', async () => {
    const log = recordedLog(60);
    await applyBatchTo(store, p, ref, log);
    const once = await figures();
    expect(withoutPositions(once)).toEqual(expectedFigures(await sources()));

    // the same batch again: every event is at or below its document's position, so nothing moves
    await applyBatchTo(store, p, ref, log);
    expect(await figures()).toEqual(once);

    // each event delivered twice, in a batch of its own, into a fresh store
    const fresh = new EmbeddedReadStore({ filename: ':memory:', clock });
    await fresh.register('entries', 'entries', 1, [], [FIGURES]);
    for (const e of log) {
      await applyBatchTo(fresh, p, ref, [e]);
      await applyBatchTo(fresh, p, ref, [e]);
    }
    expect(withoutPositions(await fresh.find(FIGURES, {}, { sort: { _id: 1 } }))).toEqual(withoutPositions(once));
    await fresh.close();
  });

  it.each([1, 4, 7, 25])(
    'gives the sums of the live documents in batches of %i, delivered at least once (overlapping)',
    async (size) => {
      const log = recordedLog(120, 3);
      // Each batch repeats the last two events of the one before: at-least-once delivery.
      for (let from = 0; from < log.length; from += size)
        await applyBatchTo(store, p, ref, log.slice(Math.max(0, from - 2), from + size));
      const all = await sources();
      expect(withoutPositions(await figures())).toEqual(expectedFigures(all));
      // Every entry that was ever recorded is counted exactly once somewhere (or withdrawn, or erased).
      const counted = (await figures()).reduce((n, d) => n + (d.count as number), 0);
      expect(counted).toBe(all.filter((d) => !d.withdrawn).length);
    },
  );
});

describe('figures beside a projection: the runner on SQLite and the embedded read store', () => {
  let clock: FixedClock;
  let events: SqliteEventStore;
  let store: EmbeddedReadStore;
  let dir: string;
  let file: string;
  const engines: ProjectionEngine[] = [];
  const engine = (p: Projection<any>) => {
    const e = new ProjectionEngine(events, store, [p], {
      clock,
      run: true,
      batchSize: 17,
      backoffMs: 1,
      maxBackoffMs: 5,
      requestPollMs: 20,
    });
    engines.push(e);
    return e;
  };
  const append = async (count: number, seed = 0) => {
    let i = 0;
    for (const e of script(count, seed))
      await events.appendToStream(`entry-${seed}-${i++}`, [newEvent(e.type, e.data)], NO_STREAM);
  };
  const figures = (s: EmbeddedReadStore = store) => s.find(FIGURES, {}, { sort: { _id: 1 } });
  const sources = (s: EmbeddedReadStore = store) => s.find('entries', {}, { sort: { _id: 1 } });
  const physicalCollections = () =>
    (store.db.prepare('SELECT DISTINCT coll FROM docs ORDER BY coll').all() as { coll: string }[]).map((r) => r.coll);

  beforeEach(() => {
    clock = new FixedClock('2023-11-14T09:00:00.000Z');
    events = new SqliteEventStore({ filename: ':memory:', clock });
    dir = mkdtempSync(join(tmpdir(), 'gl-figures-'));
    file = join(dir, 'read-models.db');
    store = new EmbeddedReadStore({ filename: file, clock });
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up and keeps the figures readable by their logical name, also after a restart', async () => {
    await append(100);
    const e = engine(entries());
    e.start();
    expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);
    await append(40, 1);
    expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);

    const live = await figures();
    expect(live.length).toBeGreaterThan(0);
    expect(withoutPositions(live)).toEqual(expectedFigures(await sources()));
    expect((await store.record('entries'))?.live).toMatchObject({ generation: 1, alongside: [FIGURES] });

    // a restart reads them from the file, by the same name
    await e.stop();
    const reopened = new EmbeddedReadStore({ filename: file, clock });
    expect(await figures(reopened)).toEqual(live);
    await reopened.close();
  });

  it('rebuilds (on request, and for a new version) into the same figures as the live run', async () => {
    const e = engine(entries());
    e.start();
    for (let round = 0; round < 4; round++) {
      await append(30, round);
      expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);
    }
    const incremental = withoutPositions(await figures());

    // when it is rebuilt on request
    await e.runner('entries')!.rebuild();
    await until(async () => (await store.record('entries'))?.live?.generation === 2);
    // then the new generation has the same figures, and the old one's are gone with it
    expect(withoutPositions(await figures())).toEqual(incremental);
    expect(physicalCollections()).toEqual([`${FIGURES}__g2`, 'entries__g2']);

    // when a new version runs, it is rebuilt again, to the same figures
    await e.stop();
    const v2 = engine(entries(2));
    v2.start();
    await until(async () => (await store.record('entries'))?.live?.generation === 3);
    expect((await store.record('entries'))?.live).toMatchObject({ version: 2, alongside: [FIGURES] });
    expect(withoutPositions(await figures())).toEqual(incremental);
    expect(physicalCollections()).toEqual([`${FIGURES}__g3`, 'entries__g3']);
  });

  it('rebuilds a generation built without figures (the code before them), then has them', async () => {
    // given a store the previous code built: registered with no collection alongside, documents applied
    await append(80);
    await store.register('entries', 'entries', 1, []);
    const log = (await events.readAll({ maxCount: 10_000 })).events;
    const p = entries();
    await store.applyBatch(
      ref,
      applyEvents(p, log, await store.loadDocs(ref, routeBatch(p, log))),
      log[log.length - 1].position,
    );
    const before = await sources();
    expect(before.length).toBeGreaterThan(0);
    expect((await store.record('entries'))?.live?.alongside).toBeUndefined();
    expect(await figures()).toEqual([]);
    expect(physicalCollections()).toEqual(['entries__g1']);

    // when the same version, now declaring figures, runs
    const e = engine(p);
    e.start();
    // (its checkpoint is at the head already: waitFor alone would not wait for the rebuild)
    await until(async () => (await store.record('entries'))?.live?.generation === 2);
    expect(await e.waitFor(await events.headPosition(), 5000)).toBe(true);

    // then the rebuilt generation has the same documents and the figures beside them
    expect((await store.record('entries'))?.live).toMatchObject({ version: 1, generation: 2, alongside: [FIGURES] });
    expect(await sources()).toEqual(before);
    expect(withoutPositions(await figures())).toEqual(expectedFigures(before));
    // and the old generation's collections are gone from the file
    expect(physicalCollections()).toEqual([`${FIGURES}__g2`, 'entries__g2']);
  });
});
