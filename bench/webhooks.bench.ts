import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Actor } from '@gl/domain';
import { NewEvent, NO_STREAM } from '@gl/event-store';
import { SqliteEventStore, SqliteSynchronous } from '@gl/event-store/sqlite';
import { SubjectResolver, UnitDirectory } from '@gl/application';
import type { ReadStore } from '@gl/read-models';
import { EmbeddedWebhookStore } from '@gl/read-models/embedded';
import { loadConfig, SystemClock, WebhookDispatcher } from '@gl/platform';
import { fmt, payload, scratchDir } from './support/measure';

const ENDPOINTS = 10;
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 100_000);
/** Appended at this rate (events/s), in batches every TICK_MS: the load the dispatcher must keep up with. */
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 2_000);
/** Events of the paced run (the latency); the 100,000 are appended at once (the rate). */
const PACED = Number(process.env.BENCH_WEBHOOK_PACED ?? 20_000);
const TICK_MS = 20;
const TARGET_RATE = 2_000;
const TARGET_P99_MS = 250;

const actor: Actor = { userId: 'bench', unitId: 'unit-bench', roles: ['system'] };
const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;

/** A loopback receiver in a worker thread (the second core): answers 204, reports when each webhook-id came. */
const RECEIVER = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
let seen = [];
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    seen.push(req.headers['webhook-id'], performance.timeOrigin + performance.now());
    res.writeHead(204).end();
    if (seen.length >= 200) { parentPort.postMessage(seen); seen = []; }
  });
});
server.keepAliveTimeout = 60000;
setInterval(() => { if (seen.length) { parentPort.postMessage(seen); seen = []; } }, 20).unref();
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => m === 'close' && server.close(() => process.exit(0)));
`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Issue 16, item 9: 10 endpoints on one loopback receiver, each asking for one tenth of the types,
 * so 100,000 events appended at RATE make 100,000 deliveries; deliveries per second (first append
 * to last delivery) and the time from append to delivery.
 */
const run = async (sync: SqliteSynchronous, events: number, rate: number | null) => {
  const { dir, dispose } = scratchDir();
  const clock = new SystemClock();
  const log = new SqliteEventStore({ filename: join(dir, 'events.db'), clock, synchronous: 'NORMAL' });
  const hooks = new EmbeddedWebhookStore({ filename: join(dir, 'webhooks.db'), synchronous: sync });
  const receiver = new Worker(RECEIVER, { eval: true });
  const port = await new Promise<number>((ok) => receiver.once('message', (m: { port: number }) => ok(m.port)));
  const arrived = new Map<string, number>();
  receiver.on('message', (m: (string | number)[]) => {
    for (let i = 0; i < m.length; i += 2)
      if (!arrived.has(m[i] as string)) arrived.set(m[i] as string, m[i + 1] as number);
  });
  const now = new Date();
  for (let k = 0; k < ENDPOINTS; k++)
    await hooks.create(
      {
        endpointId: `bench-${k}`,
        url: `http://127.0.0.1:${port}/hook/${k}`,
        description: 'bench',
        eventTypes: [],
        categories: [`bench${k}`],
        unitIds: [],
        ownerUnitId: 'unit-bench',
        createdBy: 'bench',
        createdAt: now,
        updatedAt: now,
        status: 'active',
        statusReason: null,
        secrets: [{ secret: SECRET, createdAt: now, expiresAt: null }],
      },
      '0',
    );
  const config = loadConfig({ DATA_DIR: dir, WEBHOOK_ALLOW_PRIVATE: 'true', LOG_LEVEL: 'silent' });
  const noUnits: ReadStore = { get: async () => null } as unknown as ReadStore;
  const dispatcher = new WebhookDispatcher(
    hooks,
    log,
    config,
    clock,
    new SubjectResolver(log),
    new UnitDirectory(noUnits),
  );
  dispatcher.start();

  const appended = new Map<string, number>();
  const perTick = rate === null ? 500 : Math.max(1, Math.round((rate * TICK_MS) / 1000));
  const started = performance.timeOrigin + performance.now();
  let i = 0;
  for (let b = 0; i < events; b++) {
    const wait = rate === null ? 0 : started + b * TICK_MS - (performance.timeOrigin + performance.now());
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const batch: NewEvent[] = [];
    for (let j = 0; j < perTick && i < events; j++, i++)
      batch.push({
        eventId: randomUUID(),
        type: `bench${i % ENDPOINTS}.appended.v1`,
        data: payload(i),
        metadata: { actor, correlationId: 'bench', causationId: 'bench' },
      });
    await log.appendToStream(`bench-${b}`, batch, NO_STREAM);
    const at = performance.timeOrigin + performance.now();
    for (const e of batch) appended.set(e.eventId, at);
  }
  const appendedIn = (performance.timeOrigin + performance.now() - started) / 1000;
  const deadline = Date.now() + 600_000;
  while (arrived.size < events && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const last = Math.max(...arrived.values());
  const seconds = (last - started) / 1000;
  const latencies = [...appended].map(([id, at]) => (arrived.get(id) ?? Infinity) - at).sort((a, b) => a - b);
  await dispatcher.stop();
  receiver.postMessage('close');
  await hooks.close();
  await log.close();
  dispose();
  return {
    delivered: arrived.size,
    appendedIn,
    perSecond: arrived.size / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1],
  };
};

export const webhooksBench = async (): Promise<boolean> => {
  console.log(
    `${ENDPOINTS} endpoints on one loopback receiver (a worker thread); each asks for a tenth of the types, so each event is one delivery`,
  );
  console.log('| run | events | delivered | deliveries/s | p50 append→delivery | p99 | max | target | |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---|');
  const backlog = await run('NORMAL', EVENTS, null);
  const paced = await run('NORMAL', PACED, RATE);
  const rateOk = backlog.delivered === EVENTS && backlog.perSecond >= TARGET_RATE;
  const latencyOk = paced.delivered === PACED && paced.p99 <= TARGET_P99_MS;
  const row = (name: string, n: number, r: typeof backlog, target: string, ok: boolean) =>
    console.log(
      `| ${name} | ${fmt(n)} | ${fmt(r.delivered)} | ${fmt(r.perSecond)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(0)} ms | ${target} | ${ok ? 'ok' : 'MISSED'} |`,
    );
  row(
    'appended at once (appended in ' + backlog.appendedIn.toFixed(1) + ' s)',
    EVENTS,
    backlog,
    `≥ ${fmt(TARGET_RATE)} deliveries/s`,
    rateOk,
  );
  row(`appended at ${fmt(RATE)}/s`, PACED, paced, `p99 ≤ ${TARGET_P99_MS} ms`, latencyOk);
  return rateOk && latencyOk;
};
