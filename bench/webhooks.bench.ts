import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { Actor } from '@gl/domain';
import { NewEvent, NO_STREAM } from '@gl/event-store';
import { SqliteEventStore, SqliteSynchronous } from '@gl/event-store/sqlite';
import { SubjectResolver, UnitDirectory } from '@gl/application';
import { EmbeddedReadStore, EmbeddedWebhookStore } from '@gl/read-models/embedded';
import { loadConfig, SystemClock, WebhookDispatcher } from '@gl/platform';
import { fmt, payload, scratchDir } from './support/measure';

const ENDPOINTS = 10;
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 100_000);
/** Appended at this rate (events/s), in batches every TICK_MS: the load the dispatcher must keep up with. */
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 2_000);
/** Events of the paced run (the latency); the 100,000 are appended at once (the rate). */
const PACED = Number(process.env.BENCH_WEBHOOK_PACED ?? 20_000);
const TICK_MS = 20;
/**
 * Seconds appended at RATE before the measured events: a started api's first seconds run cold code
 * (its threads' JIT, a new sending thread) and are reported apart, as the start-up they are.
 */
const WARMUP_S = Number(process.env.BENCH_WEBHOOK_WARMUP_S ?? 5);
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
interface Receiver {
  port: number;
  /** When each webhook-id first came, since the last reset. */
  arrived: Map<string, number>;
  close: () => void;
}

/** The integrator's side, started once and kept between the runs, as a receiver is. */
const startReceiver = async (): Promise<Receiver> => {
  const worker = new Worker(RECEIVER, { eval: true });
  const port = await new Promise<number>((ok) => worker.once('message', (m: { port: number }) => ok(m.port)));
  const receiver: Receiver = { port, arrived: new Map(), close: () => worker.postMessage('close') };
  worker.on('message', (m: (string | number)[]) => {
    for (let i = 0; i < m.length; i += 2)
      if (!receiver.arrived.has(m[i] as string)) receiver.arrived.set(m[i] as string, m[i + 1] as number);
  });
  return receiver;
};

/** BENCH_WEBHOOK_WINDOWS=1: the latency second by second of appending, to see a start-up or a stall. */
const printWindows = (appended: Map<string, number>, arrived: Map<string, number>, started: number) => {
  const windows = new Map<number, number[]>();
  for (const [id, at] of appended) {
    const second = Math.floor((at - started) / 1000);
    if (!windows.has(second)) windows.set(second, []);
    windows.get(second)!.push((arrived.get(id) ?? Infinity) - at);
  }
  for (const [second, l] of windows) {
    l.sort((a, b) => a - b);
    console.log(`second ${second}: p50 ${percentile(l, 0.5).toFixed(0)} ms, p99 ${percentile(l, 0.99).toFixed(0)} ms`);
  }
};

const run = async (receiver: Receiver, sync: SqliteSynchronous, measured: number, rate: number | null) => {
  const warmup = rate === null ? 0 : Math.round(rate * WARMUP_S);
  const events = warmup + measured;
  const { dir, dispose } = scratchDir();
  const clock = new SystemClock();
  const log = new SqliteEventStore({ filename: join(dir, 'events.db'), clock, synchronous: 'NORMAL' });
  const hooks = new EmbeddedWebhookStore({ filename: join(dir, 'webhooks.db'), synchronous: sync });
  const { port } = receiver;
  const arrived = (receiver.arrived = new Map<string, number>());
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
  const config = loadConfig({
    DATA_DIR: dir,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    LOG_LEVEL: 'silent',
    WEBHOOK_SENDER_THREAD: process.env.WEBHOOK_SENDER_THREAD ?? 'true',
  });
  // No unit registry: the bench's endpoints are not scoped to units.
  const noUnits = new EmbeddedReadStore({ filename: ':memory:', clock });
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
  const latencyOf = ([id, at]: [string, number]) => (arrived.get(id) ?? Infinity) - at;
  const all = [...appended];
  const latencies = all
    .slice(warmup)
    .map(latencyOf)
    .sort((a, b) => a - b);
  const startUp = all
    .slice(0, warmup)
    .map(latencyOf)
    .sort((a, b) => a - b);
  if (process.env.BENCH_WEBHOOK_WINDOWS) printWindows(appended, arrived, started);
  await dispatcher.stop();
  await hooks.close();
  await noUnits.close();
  await log.close();
  dispose();
  return {
    delivered: all.slice(warmup).filter(([id]) => arrived.has(id)).length,
    warmup: warmup ? { events: warmup, p99: percentile(startUp, 0.99), max: startUp[startUp.length - 1] } : null,
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
  const receiver = await startReceiver();
  const backlog = await run(receiver, 'NORMAL', EVENTS, null);
  const paced = await run(receiver, 'NORMAL', PACED, RATE);
  receiver.close();
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
  row(
    `appended at ${fmt(RATE)}/s, after ${WARMUP_S} s of warm-up`,
    PACED,
    paced,
    `p99 ≤ ${TARGET_P99_MS} ms`,
    latencyOk,
  );
  if (paced.warmup)
    console.log(
      `start-up (not in the target): the first ${fmt(paced.warmup.events)} events at ${fmt(RATE)}/s after the dispatcher started: p99 ${paced.warmup.p99.toFixed(1)} ms, max ${paced.warmup.max.toFixed(0)} ms`,
    );
  return rateOk && latencyOk;
};
