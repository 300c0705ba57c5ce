import { Agent, request } from 'node:http';

/** One request a load sends: method, path, headers, an optional JSON body, and its kind (for the figures). */
export interface LoadRequest {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  /** Latencies in ms, by kind. */
  latencies: Map<string, number[]>;
  statuses: Map<number, number>;
  seconds: number;
  /** Completions per whole second of the run. */
  perSecond: number[];
  /** The slowest requests: when each started (ms into the run), what it was, how long it took. */
  slowest: { at: number; path: string; ms: number; status: number }[];
}

const send = (agent: Agent, port: number, r: LoadRequest): Promise<number> =>
  new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : JSON.stringify(r.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: r.method,
        path: r.path,
        headers: {
          ...r.headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/**
 * A closed-loop load on loopback: `connections` keep-alive connections, each sending its next
 * request as soon as the last is answered, for `seconds`; `next(i)` picks the i-th request. Every
 * latency is kept (a run of 20 s at 1,000/s is 20,000 numbers).
 */
export const keepAliveAgent = (connections: number): Agent => new Agent({ keepAlive: true, maxSockets: connections });

export const runLoad = async (
  port: number,
  connections: number,
  seconds: number,
  next: (i: number) => LoadRequest,
  /** The connections to send on: a warm-up's, kept for the run it precedes; new ones (closed at the end) by default. */
  shared?: Agent,
): Promise<LoadResult> => {
  const agent = shared ?? keepAliveAgent(connections);
  const latencies = new Map<string, number[]>();
  const statuses = new Map<number, number>();
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  const perSecond: number[] = [];
  const slowest: LoadResult['slowest'] = [];
  let i = 0;
  const loop = async () => {
    while (process.hrtime.bigint() < end) {
      const r = next(i++);
      const t = process.hrtime.bigint();
      const status = await send(agent, port, r).catch(() => 0);
      const done = process.hrtime.bigint();
      const list = latencies.get(r.kind) ?? latencies.set(r.kind, []).get(r.kind)!;
      const ms = Number(done - t) / 1e6;
      list.push(ms);
      if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
        slowest.push({ at: Number(t - start) / 1e6, path: `${r.method} ${r.path}`, ms, status });
        slowest.sort((a, b) => b.ms - a.ms).splice(5);
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const second = Number((done - start) / 1_000_000_000n);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  if (!shared) agent.destroy();
  return { latencies, statuses, seconds: Number(process.hrtime.bigint() - start) / 1e9, perSecond, slowest };
};

export const percentile = (xs: number[], p: number): number =>
  xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
