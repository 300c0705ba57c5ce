import type { AddressInfo } from 'node:net';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { loadConfig, TokenService } from '@gl/platform';
import { createApiApp } from '../apps/api/src/bootstrap/create-api-app';
import { scratchDir } from './support/measure';
import {
  CONTROL_CHARACTERS,
  control,
  deep,
  HOSTILE_SHAPES,
  HostileRequest,
  HostileShape,
  HUGE_NUMBERS,
  hugeArray,
  hugeNumber,
  hugeString,
  objectPathsOf,
  pathsOf,
  protoKey,
  PROTOTYPE_KEYS,
  tooLarge,
  wrongType,
  WRONG_CONTENT_TYPES,
} from './support/hostile-requests';

const TARGET_P99_MS = 100;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BODY_LIMIT = 1024 * 1024;
const OBLIGATION = 'obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-an-hoa';

/** Write endpoints of each feature with a valid body, on the seed's plan and units. */
const TARGETS: { path: string; valid: object }[] = [
  { path: `${OBLIGATION}/progress`, valid: { percent: 50, note: 'Đang làm' } },
  {
    path: `${OBLIGATION}/completion`,
    valid: {
      evidence: {
        documentNumber: '2/BC',
        documentDate: '2023-11-20',
        attachments: [{ name: 'bb.pdf', sha256: 'c0'.repeat(32), size: 100 }],
      },
    },
  },
  { path: `${OBLIGATION}/acknowledgement`, valid: {} },
  {
    path: 'activities/conference',
    valid: {
      unitId: 'ninh-kieu-an-hoa',
      year: 2023,
      details: { level: 'commune', heldOn: '2023-07-01', place: 'Hội trường', participants: { officials: 40 } },
    },
  },
  {
    path: 'plans/cantho-2023-ldcs/receipts',
    valid: { recipientKey: 'xa-phuong-thi-tran', unitId: 'ninh-kieu-an-hoa' },
  },
  {
    path: 'reporting/periods/cantho-2023-ldcs-units_2023/reports/ninh-kieu-an-hoa/draft',
    valid: { indicators: { conferences: 3 }, narrative: 'Báo cáo' },
  },
  {
    path: 'users',
    valid: {
      userId: 'nguoi-moi',
      displayName: 'Người mới',
      unitId: 'ninh-kieu-an-hoa',
      email: 'a@b.vn',
      from: '2026-01-01T00:00:00+07:00',
    },
  },
  {
    path: 'units',
    valid: {
      unitId: 'to-moi',
      name: 'Tổ mới',
      kind: 'other',
      level: 'city',
      parentId: 'so-noi-vu',
      effectiveOn: '2026-02-01',
      legalBasis: { number: '1/QĐ', date: '2026-01-20', issuer: 'UBND' },
    },
  },
  {
    path: 'inspections',
    valid: {
      inspectionId: 'kt-moi',
      inspectingUnitId: 'so-noi-vu',
      inspectedUnitId: 'ninh-kieu-an-hoa',
      planId: 'cantho-2023-ldcs',
      taskCodes: ['II.4'],
      plannedFrom: '2026-02-02',
      plannedTo: '2026-02-06',
      decision: { number: '10/QĐ', date: '2026-01-20', issuer: 'Sở Nội vụ' },
      title: 'Kiểm tra',
    },
  },
];

/** A small deterministic generator (mulberry32), so every run sends the same requests. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Four requests of every shape for every endpoint, their paths and values drawn from the lists the e2e fuzz draws from. */
const requests = (): { path: string; r: HostileRequest }[] => {
  const next = random(14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const out: { path: string; r: HostileRequest }[] = [];
  for (const { path, valid } of TARGETS) {
    const values = pathsOf(valid).length > 0 ? pathsOf(valid) : [['x']];
    const objects = objectPathsOf(valid);
    const make: Record<HostileShape, () => HostileRequest> = {
      deep: () => deep(valid, pick([[], ...values]), pick([33, 100, 3000, 50_000]), pick(['array', 'object'] as const)),
      control: () =>
        next() < 0.5
          ? control(valid, pick(values), pick(CONTROL_CHARACTERS), false)
          : control(valid, pick(objects), pick(CONTROL_CHARACTERS), true),
      'proto-key': () => protoKey(valid, pick(objects), pick(PROTOTYPE_KEYS)),
      'huge-number': () => hugeNumber(valid, pick(values), pick(HUGE_NUMBERS)),
      'huge-string': () => hugeString(valid, pick(values), pick([100_000, 600_000])),
      'huge-array': () => hugeArray(valid, pick(values), pick([1001, 20_000, 100_000]), pick([1, 'x', {}, []])),
      'content-type': () => wrongType(valid, pick(WRONG_CONTENT_TYPES)),
      'too-large': () => tooLarge(valid, BODY_LIMIT + 1),
    };
    for (const shape of HOSTILE_SHAPES) for (let i = 0; i < 4; i++) out.push({ path, r: make[shape]() });
  }
  return out;
};

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const line = (name: string, xs: number[]) =>
  `  ${name.padEnd(13)} n=${String(xs.length).padStart(4)}   p50 ${percentile(xs, 0.5).toFixed(1).padStart(6)} ms   p99 ${percentile(xs, 0.99).toFixed(1).padStart(6)} ms   max ${Math.max(
    ...xs,
  )
    .toFixed(1)
    .padStart(6)} ms`;

/**
 * `npm run bench -- hostile-input`: the api on the embedded stores, seeded, over real HTTP
 * (fetch from the same process), sent hostile bodies on nine write endpoints of every feature —
 * each shape four times per endpoint per round. Every answer must be a 4xx problem+json with the
 * head unchanged; target: p99 < 100 ms over all requests.
 */
export const hostileInputBench = async (): Promise<boolean> => {
  const { dir, dispose } = scratchDir();
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    SCHEDULER: 'false',
    SEAL_INTERVAL_MS: '0',
    RATE_LIMIT_ENABLED: 'false',
  });
  const app = await createApiApp(config);
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    const token = await app.get(TokenService).sign('sonv-coordinator');
    const store = app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const all = requests();
    const latencies: Record<string, number[]> = Object.fromEntries(HOSTILE_SHAPES.map((s) => [s, []]));
    const wrong: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { path, r } of all) {
        const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
        if (r.contentType) headers['Content-Type'] = r.contentType;
        const started = process.hrtime.bigint();
        const res = await fetch(`${base}/${path}`, { method: 'POST', headers, body: Buffer.from(r.body) });
        await res.arrayBuffer();
        latencies[r.shape].push(Number(process.hrtime.bigint() - started) / 1e6);
        if (
          res.status < 400 ||
          res.status >= 500 ||
          !(res.headers.get('content-type') ?? '').startsWith('application/problem+json')
        ) {
          wrong.push(`${r.shape} ${path} → ${res.status}`);
        }
      }
    }
    const moved = (await store.headPosition()) !== head;
    const every = Object.values(latencies).flat();
    console.log(
      `${fmtCount(every.length)} hostile requests (${ROUNDS} rounds of ${all.length}), bodies up to ${Math.round(Math.max(...all.map((x) => x.r.body.length)) / 1024)} KiB:`,
    );
    for (const s of HOSTILE_SHAPES) console.log(line(s, latencies[s]));
    console.log(line('all', every));
    if (wrong.length > 0)
      console.log(`answers that are not a 4xx problem+json (${wrong.length}): ${wrong.slice(0, 10).join('; ')}`);
    if (moved) console.log('the head moved: a hostile request was recorded');
    const p99 = percentile(every, 0.99);
    const ok = p99 < TARGET_P99_MS && wrong.length === 0 && !moved;
    console.log(
      `hostile input p99 ${p99.toFixed(1)} ms ${p99 < TARGET_P99_MS ? '<' : '≥'} ${TARGET_P99_MS} ms, ${wrong.length === 0 && !moved ? 'every one refused, nothing written' : 'NOT every one refused'}: ${ok ? 'met' : 'MISSED'}`,
    );
    return ok;
  } finally {
    await app.close();
    dispose();
  }
};

const fmtCount = (n: number) => n.toLocaleString('en-US');
