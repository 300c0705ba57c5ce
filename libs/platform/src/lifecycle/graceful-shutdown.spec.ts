import { Agent, createServer, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication, Logger } from '@nestjs/common';
import { installGracefulShutdown } from './graceful-shutdown';
import { ShutdownState } from './shutdown-state';

/** A plain HTTP server standing for the Nest app: `/slow` answers after 300 ms, `/stuck` never. */
const fakeApp = async () => {
  const state = new ShutdownState();
  const server: Server = createServer((req, res: ServerResponse) => {
    if (req.url === '/slow') setTimeout(() => res.end('done'), 300);
    else if (req.url !== '/stuck') res.end(state.draining ? 'draining' : 'ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const events: string[] = [];
  const app = {
    getHttpServer: () => server,
    get: () => state,
    close: async () => {
      events.push('app closed');
    },
  } as unknown as INestApplication;
  return { app, state, server, events, port: (server.address() as AddressInfo).port };
};

const fetchText = (port: number, path: string, agent?: Agent) =>
  new Promise<{ body: string; connection?: string }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (res: IncomingMessage) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve({ body, connection: res.headers.connection }));
    }).on('error', reject);
  });

describe('installGracefulShutdown', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  it('answers draining at once, serves through the delay, then refuses connections, finishes what runs, ends streams, and exits 0', async () => {
    const { app, state, server, events, port } = await fakeApp();
    const exits: number[] = [];
    const { shutdown } = installGracefulShutdown(app, {
      timeoutMs: 5000,
      delayMs: 200,
      signals: [],
      exit: (c) => {
        exits.push(c);
      },
    });
    const agent = new Agent({ keepAlive: true });
    await fetchText(port, '/', agent);
    let streamEnded = false;
    state.onEndStreams(() => {
      streamEnded = true;
    });

    const slow = fetchText(port, '/slow', agent);
    await new Promise((r) => setTimeout(r, 50));
    const down = shutdown('SIGTERM');
    expect(state.draining).toBe(true);
    expect((await fetchText(port, '/')).body).toBe('draining');
    expect(streamEnded).toBe(false);

    await new Promise((r) => setTimeout(r, 250));
    expect(streamEnded).toBe(true);
    await expect(fetchText(port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await slow).toEqual({ body: 'done', connection: 'close' });
    await down;
    expect(events).toEqual(['app closed']);
    expect(exits).toEqual([0]);
    expect(server.listening).toBe(false);
    agent.destroy();
  });

  it('forces the connections left closed and exits 1 once the limit has passed', async () => {
    const { app, port } = await fakeApp();
    const exits: number[] = [];
    const { shutdown } = installGracefulShutdown(app, {
      timeoutMs: 300,
      delayMs: 0,
      signals: [],
      exit: (c) => {
        exits.push(c);
      },
    });
    const stuck = fetchText(port, '/stuck').catch((e: NodeJS.ErrnoException) => e.code);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    void shutdown('SIGTERM');
    expect(await stuck).toBe('ECONNRESET');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(exits).toEqual([1]);
  });
});
