import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scope } from '@gl/domain';

export interface Measurement {
  name: string;
  ops: number;
  seconds: number;
}

export const perSecond = (m: Measurement): number => m.ops / m.seconds;

/** Times an async body that performs `ops` operations. */
export const measure = async (name: string, ops: number, body: () => Promise<void> | void): Promise<Measurement> => {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  await body();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { name, ops, seconds };
};

/** A fresh directory on the project's disk (not tmpfs: fsync must cost what it costs in production). */
export const scratchDir = (): { dir: string; dispose: () => void } => {
  const base = process.env.BENCH_DIR ?? tmpdir();
  const dir = mkdtempSync(join(base, 'gl-bench-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
};

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A ~300-byte JSON payload in the plan's language. */
export const payload = (i: number) => ({
  obligationId: `obligation-${i}`,
  unitId: `unit-${i % 3321}`,
  taskCode: 'II.1.d',
  title: 'Hội nghị quán triệt, phổ biến Luật Thực hiện dân chủ ở cơ sở tại xã, phường, thị trấn',
  participants: { cadres: 42, civilServants: 17, residents: 120 },
  heldOn: '2023-11-14',
  evidence: [{ documentNumber: `${i}/BC-UBND`, sha256: 'ab'.repeat(16) }],
});

/** The middle measurement by throughput: one slow fsync or GC pause does not decide a figure. */
export const median = (ms: Measurement[]): Measurement => {
  const sorted = [...ms].sort((a, b) => perSecond(a) - perSecond(b));
  return sorted[Math.floor(sorted.length / 2)];
};

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Milliseconds since a `process.hrtime.bigint()`. */
export const since = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;

/** Runs to warm up (three by default), then `runs` timed ones. */
export const timedRuns = async (runs: number, run: (i: number) => Promise<unknown>, warmUps = 3) => {
  for (let i = 0; i < warmUps; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await run(i);
    ms.push(since(s));
  }
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: Math.max(...ms) };
};

/** A viewer of these units (a province's officials, a commune's). */
export const viewerOf = (unitIds: Iterable<string>): Scope => ({
  roles: ['viewer'],
  readsAll: false,
  reads: new Set(unitIds),
  writes: new Set(),
});
export const AUDITOR: Scope = { roles: ['auditor'], readsAll: true, reads: new Set(), writes: new Set() };
