import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { ProjectionEngine, ReadStore } from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';
import { ENTRY_FIGURES, entriesProjection, FixedClock, newEvent } from '@gl/testing';
import { TimeTravel } from '@gl/application';

const FIGURES = ENTRY_FIGURES;
const entries = entriesProjection;

/** Records, moves, withdraws and erases entries; an entry is touched again long after it was made. */
const script = (count: number, seed: number) =>
  Array.from({ length: count }, (_, i) => {
    const earlier = `e${seed}-${Math.floor((i * 3) / 7)}`;
    if (i % 4 === 3) return { type: 'entry.moved.v1', data: { entryId: earlier, unitId: `u${(i * 3) % 5}` } };
    if (i % 6 === 5) return { type: 'entry.withdrawn.v1', data: { entryId: earlier } };
    if (i % 9 === 8) return { type: 'entry.erased.v1', data: { entryId: earlier } };
    return { type: 'entry.recorded.v1', data: { entryId: `e${seed}-${i}`, unitId: `u${i % 5}`, n: i % 7 } };
  });

describe('"as of" from the nearest read-model snapshot, against a replay of the whole log', () => {
  const clock = new FixedClock('2023-11-14T09:00:00.000Z');
  let dir: string;
  let events: SqliteEventStore;
  let store: EmbeddedReadStore;
  let engine: ProjectionEngine | null = null;
  const scratch = () => new EmbeddedReadStore({ filename: ':memory:', clock });
  const p = entries();
  const run = async (generation = 1) => {
    engine = new ProjectionEngine(events, store, [p], {
      clock,
      run: true,
      batchSize: 17,
      snapshots: { every: 40, projections: ['entries'] },
      requestPollMs: 20,
    });
    engine.start();
    if (!(await engine.waitFor(await events.headPosition(), 20_000))) throw new Error('not caught up');
    for (let i = 0; (await store.record('entries'))?.live?.generation !== generation; i++) {
      if (i > 2000) throw new Error(`generation ${generation} not live`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await engine.stop();
    engine = null;
  };
  const append = async (count: number, seed: number) => {
    let i = 0;
    for (const e of script(count, seed))
      await events.appendToStream(`entry-${seed}-${i++}`, [newEvent(e.type, e.data)], NO_STREAM);
  };
  /** Everything a reader can see of the two collections. */
  const everything = async (r: ReadStore) => ({
    entries: await r.find('entries', {}, { sort: { _id: 1 } }),
    figures: await r.find(FIGURES, {}, { sort: { _id: 1 } }),
  });
  const withoutPositions = (docs: Record<string, unknown>[]) => docs.map(({ _position, ...d }) => d);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gl-snapshots-'));
    events = new SqliteEventStore({ filename: ':memory:', clock });
    store = new EmbeddedReadStore({ filename: join(dir, 'read-models.db'), clock });
  });
  afterEach(async () => {
    await engine?.stop();
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every position as the whole replay does, documents read one by one or whole', async () => {
    // given a log of 300 events whose projection was snapshotted every 40 or so
    await append(300, 0);
    await run();
    const fromSnapshots = new TimeTravel(events, [p], scratch, 1e6, store);
    const whole = new TimeTravel(events, [p], scratch, 1e6);
    expect((await store.snapshotBefore('entries', '300'))?.seq).toBeGreaterThanOrEqual(6);
    // when it is asked at positions before the first snapshot, on one, just after one, and between
    const first = (await store.snapshotBefore('entries', '300'))!;
    const firstAt = (await store.snapshotBefore('entries', String(Number(first.position) - 200)))?.position;
    for (const at of ['1', '20', firstAt ?? '40', '51', '52', '137', '222', '299', '300']) {
      const past = await fromSnapshots.storeAt(at);
      const replayed = await whole.storeAt(at);
      // then documents by id (erased ones absent) equal the replay's, before anything is copied whole
      const ids = ['e0-0', 'e0-3', 'e0-17', 'e0-40', 'e0-77', 'e0-120', 'e0-250', 'nobody'];
      expect(await past.getMany('entries', ids)).toEqual(await replayed.getMany('entries', ids));
      const [mine, theirs] = [await past.get(FIGURES, 'u2'), await replayed.get(FIGURES, 'u2')];
      expect(mine && withoutPositions([mine])).toEqual(theirs && withoutPositions([theirs]));
      // and so does every document, and the counts
      const a = await everything(past);
      const b = await everything(replayed);
      expect(a.entries).toEqual(b.entries);
      // the figures' positions are their batches' last events, which differ between the two replays
      expect(withoutPositions(a.figures)).toEqual(withoutPositions(b.figures));
      expect(await past.count('entries', { withdrawn: true })).toBe(
        await replayed.count('entries', { withdrawn: true }),
      );
    }
  });

  it('replays only from the snapshot: the whole log is not read again', async () => {
    await append(300, 0);
    await run();
    const readAll = jest.spyOn(events, 'readAll');
    const past = await new TimeTravel(events, [p], scratch, 1e6, store).storeAt('290');
    const snapshot = (await store.snapshotBefore('entries', '290'))!;
    expect(readAll.mock.calls[0][0]?.after).toBe(snapshot.position);
    expect(await past.count('entries')).toBeGreaterThan(0);
  });

  it('after a restart, takes its next snapshots of what changed since the last one', async () => {
    await append(150, 0);
    await run();
    // the process stops; another starts on the same file and the log goes on, touching old entries
    await store.close();
    store = new EmbeddedReadStore({ filename: join(dir, 'read-models.db'), clock });
    await append(150, 1);
    await run();
    const fromSnapshots = new TimeTravel(events, [p], scratch, 1e6, store);
    const whole = new TimeTravel(events, [p], scratch, 1e6);
    for (const at of ['160', '199', '250', '300']) {
      const a = await everything(await fromSnapshots.storeAt(at));
      const b = await everything(await whole.storeAt(at));
      expect(a.entries).toEqual(b.entries);
      expect(withoutPositions(a.figures)).toEqual(withoutPositions(b.figures));
    }
  });

  it('forgets a past store whose snapshots a rebuild dropped, and answers from the new generation’s', async () => {
    await append(200, 0);
    await run();
    const travel = new TimeTravel(events, [p], scratch, 1e6, store);
    const before = await travel.storeAt('150');
    const expected = await everything(before);
    // when the projection is rebuilt (a new generation, its own snapshots)
    await store.requestRebuild('entries');
    await run(2);
    expect((await store.record('entries'))?.live?.generation).toBe(2);
    // then the same position is answered again, from the new generation, the same
    const after = await travel.storeAt('150');
    expect(after).not.toBe(before);
    expect((await everything(after)).entries).toEqual(expected.entries);
  });

  it('starts from no snapshot of another version of the projection', async () => {
    await append(100, 0);
    await run();
    const readAll = jest.spyOn(events, 'readAll');
    await new TimeTravel(events, [entries(2)], scratch, 1e6, store).storeAt('90');
    expect(readAll.mock.calls[0][0]?.after).toBe('0');
  });
});
