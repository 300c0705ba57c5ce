import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The api's environment in a bench: embedded stores in the bench's directory, quiet, no scheduler. */
export const benchApiEnv = (dir: string): Record<string, string> => ({
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  SQLITE_SYNCHRONOUS: 'NORMAL',
  SCHEDULER: 'false',
  JWT_SECRET: 'bench-secret-for-loopback-only-0123456789',
});

/** The api as operators run it: `node dist/apps/api/src/main.js`, on loopback. */
export const startApi = (dir: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> => {
  const log = join(dir, 'api.log');
  const out = openSync(log, 'a');
  // BENCH_HTTP_PROFILE=<dir>: the api writes a CPU profile there when it exits.
  const profile = process.env.BENCH_HTTP_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HTTP_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  return new Promise((resolve, reject) => {
    const until = Date.now() + 300_000;
    const look = () => {
      const text = readFileSync(log, 'utf8');
      const port = /API on http:\/\/localhost:(\d+)/.exec(text)?.[1];
      if (port) resolve({ child, port: Number(port) });
      else if (child.exitCode !== null || Date.now() > until) reject(new Error(`the api did not start:\n${text}`));
      else setTimeout(look, 200);
    };
    look();
  });
};

/**
 * Starts the api on a data directory and answers when `/health/ready` says 200 with every projection
 * caught up (no lag, no rebuild): what an orchestrator waits for after a restart. Stops it after.
 */
export const timeApiReady = async (
  dir: string,
  env: Record<string, string>,
): Promise<{ ms: number; rssMiB: number }> => {
  const t = Date.now();
  const { child, port } = await startApi(dir, env);
  try {
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
      if (res?.status === 200) {
        const body = (await res.json()) as { details: { projections: Record<string, unknown> } };
        const projections = Object.values(body.details.projections).filter(
          (p): p is { lagEvents: number; rebuilding?: unknown } => typeof p === 'object' && p !== null,
        );
        if (projections.every((p) => p.lagEvents === 0 && !p.rebuilding)) break;
      } else await res?.text();
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = Date.now() - t;
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : NaN };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
};
