import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** What a receiver answers to its n-th request (from 1): a status, or 'hang' for never. */
export type Answerer = (n: number, req: Received) => number | 'hang';

/** A webhook receiver on 127.0.0.1 (port 0) that records every request. */
export interface Receiver {
  url: string;
  received: Received[];
  /** The request bodies parsed (CloudEvents). */
  events: () => { id: string; type: string; position: string; subjectunits: string; data: unknown }[];
  close: () => Promise<void>;
}

export const startReceiver = async (answer: Answerer = () => 200): Promise<Receiver> => {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(r);
      const status = answer(received.length, r);
      if (status !== 'hang') res.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${received.length}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    events: () => received.map((r) => JSON.parse(r.body) as ReturnType<Receiver['events']>[number]),
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
};

/** Polls until `check` holds, or fails with what it last saw. */
export const eventually = async (check: () => boolean | Promise<boolean>, withinMs = 10_000, what = 'condition') => {
  const until = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not met within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
