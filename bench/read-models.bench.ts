import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { NewEvent, NO_STREAM } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { Doc, ProjectionEngine, streamCatalogue } from '@gl/read-models';
import { EmbeddedReadStore } from '@gl/read-models/embedded';
import { fmt, measure, payload, scratchDir } from './support/measure';

const EVENTS = 100_000;
const STREAMS = 10_000;
const DOCS = 100_000;
const QUERY_RUNS = 30;
const clock = { now: () => new Date() };
const actor = { userId: 'bench', unitId: 'unit-bench', roles: ['system'] };

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Rebuild rate: stream-catalogue (every event, one document per stream) from an empty read store. */
const rebuild = async (dir: string) => {
  const events = new SqliteEventStore({ filename: join(dir, 'events.db'), clock, synchronous: 'NORMAL' });
  const perStream = EVENTS / STREAMS;
  for (let s = 0; s < STREAMS; s++) {
    const batch: NewEvent[] = Array.from({ length: perStream }, (_, k) => ({
      eventId: randomUUID(),
      type: k % 3 ? 'obligation.progressed.v1' : 'conference.recorded.v1',
      data: payload(s * perStream + k),
      metadata: { actor, correlationId: 'bench', causationId: 'bench' },
    }));
    await events.appendToStream(`obligation-${s}`, batch, NO_STREAM);
  }
  const head = await events.headPosition();
  const results = [];
  for (let round = 0; round < 3; round++) {
    const store = new EmbeddedReadStore({ filename: join(dir, `read-models-${round}.db`), clock });
    const engine = new ProjectionEngine(events, store, [streamCatalogue], { clock, run: true, batchSize: 1000 });
    const m = await measure('rebuild stream-catalogue', EVENTS, async () => {
      engine.start();
      if (!(await engine.waitFor(head, 120_000))) throw new Error('rebuild did not finish');
    });
    await engine.stop();
    results.push(m);
    await store.close();
  }
  await events.close();
  return results.map((m) => m.ops / m.seconds).sort((a, b) => a - b)[1];
};

/** A dashboard-like collection: 100,000 communes in 34 provinces with figures and dates. */
const queries = async (dir: string) => {
  const store = new EmbeddedReadStore({ filename: join(dir, 'docs.db'), clock });
  await store.register('bench-units', 'bench-units', 1, []);
  const ref = { projection: 'bench-units', collection: 'bench-units', generation: 1 };
  for (let b = 0; b < DOCS / 1000; b++) {
    const changes = Array.from({ length: 1000 }, (_, k) => {
      const i = b * 1000 + k;
      const doc: Doc = {
        _id: `unit-${i}`,
        name: `Xã ${i}`,
        province: `p-${String(i % 34).padStart(2, '0')}`,
        kind: i % 10 === 0 ? 'ward' : 'commune',
        figures: { conferences: i % 4, participants: (i % 97) * 3, trainees: i % 13, overdue: i % 7 === 0 ? 1 : 0 },
        lastReportAt: new Date(Date.UTC(2023, i % 12, 1 + (i % 28))),
      };
      return { _id: doc._id, doc, position: String(b + 1) };
    });
    await store.applyBatch(ref, changes, String(b + 1));
  }
  const time = async (fn: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let r = 0; r < QUERY_RUNS; r++) {
      const t = process.hrtime.bigint();
      await fn();
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
  };
  const out = {
    find: await time(() =>
      store.find(
        'bench-units',
        { province: 'p-07', kind: 'commune', 'figures.conferences': { $gte: 1 } },
        { sort: { name: 1 }, limit: 50 },
      ),
    ),
    count: await time(() => store.count('bench-units', { 'figures.overdue': 1 })),
    aggregate: await time(() =>
      store.aggregate('bench-units', [
        { $match: { kind: 'commune' } },
        {
          $group: {
            _id: '$province',
            units: { $sum: 1 },
            participants: { $sum: '$figures.participants' },
            overdue: { $sum: '$figures.overdue' },
          },
        },
        { $sort: { _id: 1 } },
      ]),
    ),
    byId: await time(() =>
      store.getMany(
        'bench-units',
        Array.from({ length: 100 }, (_, i) => `unit-${i * 997}`),
      ),
    ),
  };
  await store.close();
  return out;
};

export const readModelsBench = async (): Promise<boolean> => {
  const scratch = scratchDir();
  try {
    const rate = await rebuild(scratch.dir);
    const q = await queries(scratch.dir);
    console.log(
      `\nRead models (embedded store), ${fmt(EVENTS)} events in ${fmt(STREAMS)} streams (a batch of 1,000 touches 100 documents); ${fmt(DOCS)} documents for queries`,
    );
    console.log('| measure | figure | target | |');
    console.log('|---|---:|---|---|');
    const ok = rate >= 50_000;
    console.log(
      `| rebuild of stream-catalogue from the log (median of 3) | ${fmt(rate)} events/s | ≥ 50,000 events/s | ${ok ? 'ok' : 'MISSED'} |`,
    );
    const row = (label: string, t: { p50: number; p95: number }) =>
      console.log(`| ${label} | p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms | (measured) | |`);
    row('find: 2 fields + dotted range, sort, limit 50', q.find);
    row('count: dotted equality', q.count);
    row('aggregate: $match, $group by province (3 sums), $sort', q.aggregate);
    row('getMany: 100 ids', q.byId);
    return ok;
  } finally {
    scratch.dispose();
  }
};
