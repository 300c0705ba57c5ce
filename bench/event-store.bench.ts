import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Actor } from '@gl/domain';
import { NewEvent, NO_STREAM, START } from '@gl/event-store';
import { SqliteEventStore, SqliteSynchronous } from '@gl/event-store/sqlite';
import { migrate } from '@gl/event-store/sqlite/sqlite-schema';
import { fmt, measure, Measurement, median, payload, perSecond, scratchDir } from './support/measure';

const EVENTS = 100_000;
const STREAMS = 10_000;
const BATCH = 100;
const LONG_STREAM = 1_000;
const READ_BATCH = 1_000;
const REPS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const actor: Actor = { userId: 'bench', unitId: 'unit-bench', roles: ['system'] };
const clock = { now: () => new Date() };
const event = (i: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'obligation.progressed.v1',
  data: payload(i),
  metadata: { actor, correlationId: 'bench', causationId: 'bench' },
});

type Scenario = 'single' | 'batched' | 'readAll' | 'stream';
type Pair = { ours: Measurement; bare: Measurement };

const ours = (sync: SqliteSynchronous, file: string) => {
  const store = new SqliteEventStore({ filename: file, clock, synchronous: sync });
  return {
    store,
    single: (events: NewEvent[]) =>
      measure('append one per call', EVENTS, async () => {
        for (let i = 0; i < EVENTS; i++) {
          const round = Math.floor(i / STREAMS);
          await store.appendToStream(`obligation-${i % STREAMS}`, [events[i]], round === 0 ? NO_STREAM : round - 1);
        }
      }),
    batched: (batches: NewEvent[][]) =>
      measure('append 100 per call', EVENTS, async () => {
        for (let b = 0; b < batches.length; b++) await store.appendToStream(`obligation-${b}`, batches[b], NO_STREAM);
      }),
    readAll: async () => {
      let n = 0;
      const m = await measure('readAll', EVENTS, async () => {
        for (let after = START; ;) {
          const batch = await store.readAll({ after, maxCount: READ_BATCH });
          n += batch.events.length;
          after = batch.position;
          if (batch.isEnd) break;
        }
      });
      if (n < EVENTS) throw new Error(`readAll saw ${n} events, expected ${EVENTS}`);
      return m;
    },
    stream: async () => {
      let length = 0;
      const m = await measure('read a 1,000-event stream', LONG_STREAM * REPS, async () => {
        for (let r = 0; r < REPS; r++) length = (await store.readStream('plan-long')).length;
      });
      if (length !== LONG_STREAM) throw new Error('short read');
      return m;
    },
  };
};

/**
 * The ceiling: the same rows into the same schema (events table and its indexes) through bare
 * better-sqlite3 statements at the same pragmas, without our logic (revision check, validation,
 * hash chain, envelope). Reads select the very rows our store wrote.
 */
const bare = (sync: SqliteSynchronous, file: string) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  migrate(db);
  const insert =
    db.prepare(`INSERT INTO events (stream, category, revision, event_id, type, schema_version, data, actor,
    correlation_id, causation_id, recorded_at, prev_hash, hash)
    VALUES (?, 'obligation', ?, ?, 'obligation.progressed.v1', 1, ?, ?, 'bench', 'bench', ?, ?, ?)`);
  const page = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  const stream = db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY revision');
  const actorJson = JSON.stringify(actor);
  const hash = 'ab'.repeat(32);
  const row = (s: string, revision: number, e: NewEvent) =>
    insert.run(s, revision, e.eventId, JSON.stringify(e.data), actorJson, new Date().toISOString(), hash, hash);
  const tx = db.transaction((b: number, events: NewEvent[]) => {
    for (let k = 0; k < BATCH; k++) row(`obligation-${b}`, k, events[b * BATCH + k]);
  });
  return {
    db,
    single: (events: NewEvent[]) =>
      measure('bare insert, one per transaction', EVENTS, () => {
        for (let i = 0; i < EVENTS; i++) row(`obligation-${i % STREAMS}`, Math.floor(i / STREAMS), events[i]);
      }),
    batched: (events: NewEvent[]) =>
      measure('bare insert, 100 per transaction', EVENTS, () => {
        for (let b = 0; b < EVENTS / BATCH; b++) tx(b, events);
      }),
    readAll: () =>
      measure('bare paged select', EVENTS, () => {
        for (let after = 0; ;) {
          const rows = page.all(after, READ_BATCH) as { position: number }[];
          if (rows.length === 0) break;
          after = rows[rows.length - 1].position;
        }
      }),
    stream: () =>
      measure('bare stream select', LONG_STREAM * REPS, () => {
        for (let r = 0; r < REPS; r++) stream.all('plan-long');
      }),
  };
};

/** One round: every scenario once, ours and bare side by side on fresh files. */
const round = async (sync: SqliteSynchronous, dir: string, n: number): Promise<Record<Scenario, Pair>> => {
  const events = Array.from({ length: EVENTS }, (_, i) => event(i));
  const batches = Array.from({ length: EVENTS / BATCH }, (_, b) => events.slice(b * BATCH, (b + 1) * BATCH));
  const file = (name: string) => join(dir, `${name}-${n}.db`);

  const bareSingle = bare(sync, file('bare-single'));
  const single = { bare: await bareSingle.single(events), ours: { name: '', ops: 0, seconds: 0 } };
  bareSingle.db.close();
  const o = ours(sync, file('ours-single'));
  single.ours = await o.single(events);
  await o.store.appendToStream(
    'plan-long',
    Array.from({ length: LONG_STREAM }, (_, i) => event(i)),
    NO_STREAM,
  );
  const readAll = { ours: await o.readAll(), bare: { name: '', ops: 0, seconds: 0 } };
  const stream = { ours: await o.stream(), bare: { name: '', ops: 0, seconds: 0 } };
  await o.store.close();
  const reader = bare(sync, file('ours-single'));
  readAll.bare = await reader.readAll();
  stream.bare = await reader.stream();
  reader.db.close();

  const ob = ours(sync, file('ours-batched'));
  const batchedOurs = await ob.batched(batches);
  await ob.store.close();
  const bb = bare(sync, file('bare-batched'));
  const batched = { ours: batchedOurs, bare: await bb.batched(events) };
  bb.db.close();
  return { single, batched, readAll, stream };
};

const SCENARIOS: { key: Scenario; label: string; target: number; time?: boolean }[] = [
  { key: 'single', label: 'append, 1 event per call, 10,000 streams', target: 0.6 },
  { key: 'batched', label: 'append, 100 events per call (1,000 streams)', target: 0.6 },
  { key: 'readAll', label: 'readAll, everything in order, 1,000 per batch', target: 0.6 },
  { key: 'stream', label: 'read one 1,000-event stream', target: 0.5, time: true },
];

const SEARCHED = Number(process.env.BENCH_SEARCH_EVENTS ?? 200_000);

/**
 * Issue 17, item 3: the position of "as of a recorded time" at SEARCHED events, one recorded second
 * per 1,000: the store's search (a binary search on positions) against reading the log forward as
 * TimeTravel did before; the instant asked is the log's middle.
 */
const recordedTimeSearch = async (dir: string) => {
  let now = Date.parse('2023-07-01T00:00:00.000Z');
  const store = new SqliteEventStore({
    filename: join(dir, 'search.db'),
    clock: { now: () => new Date(now) },
    synchronous: 'OFF',
  });
  for (let b = 0; b < SEARCHED / 1000; b++, now += 1000)
    await store.appendToStream(
      `plan-${b}`,
      Array.from({ length: 1000 }, (_, i) => event(i)),
      NO_STREAM,
    );
  const middle = new Date(Date.parse('2023-07-01T00:00:00.000Z') + (SEARCHED / 2000) * 1000).toISOString();
  const scan = await measure('read forward', 1, async () => {
    for (let after = START; ;) {
      const batch = await store.readAll({ after, maxCount: 2000 });
      if (batch.isEnd || batch.events.some((e) => e.metadata.recordedAt > middle)) break;
      after = batch.position;
    }
  });
  const searched = await measure('search', REPS, async () => {
    for (let i = 0; i < REPS; i++) await store.lastPositionRecordedBy(middle);
  });
  await store.close();
  console.log(
    `\n"As of" a recorded time at ${fmt(SEARCHED)} events (the log's middle): the store's search ${((searched.seconds / REPS) * 1000).toFixed(3)} ms; reading the log forward, as before, ${(scan.seconds * 1000).toFixed(0)} ms`,
  );
};

/** Prints one table per durability setting (medians of ROUNDS rounds); false when a target is missed. */
export const eventStoreBench = async (): Promise<boolean> => {
  let ok = true;
  for (const sync of ['FULL', 'NORMAL'] as SqliteSynchronous[]) {
    const scratch = scratchDir();
    const rounds: Record<Scenario, Pair>[] = [];
    try {
      for (let n = 0; n < ROUNDS; n++) rounds.push(await round(sync, scratch.dir, n));
    } finally {
      scratch.dispose();
    }
    console.log(
      `\nEvent store (SQLite, synchronous=${sync}), ${fmt(EVENTS)} events of ~${JSON.stringify(payload(1)).length} bytes, median of ${ROUNDS} rounds`,
    );
    console.log('| scenario | ours (events/s) | bare better-sqlite3 (events/s) | ratio | target | |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const s of SCENARIOS) {
      const o = median(rounds.map((r) => r[s.key].ours));
      const b = median(rounds.map((r) => r[s.key].bare));
      const ratio = perSecond(o) / perSecond(b);
      const pass = ratio >= s.target;
      ok &&= pass;
      const target = s.time ? 'within 2× the bare time' : `≥ ${s.target * 100}%`;
      const ms = (m: Measurement) => ((m.seconds / REPS) * 1000).toFixed(2);
      const label = s.time ? `${s.label} (${ms(o)} ms vs ${ms(b)} ms)` : s.label;
      console.log(
        `| ${label} | ${fmt(perSecond(o))} | ${fmt(perSecond(b))} | ${(ratio * 100).toFixed(0)}% | ${target} | ${pass ? 'ok' : 'MISSED'} |`,
      );
    }
  }
  const scratch = scratchDir();
  try {
    await recordedTimeSearch(scratch.dir);
  } finally {
    scratch.dispose();
  }
  return ok;
};
