import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { WebhookSender } from './webhook-sender';

const OLD = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const NEW = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;

describe('WebhookSender on a loopback receiver', () => {
  let server: Server;
  let base: string;
  let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  const sender = new WebhookSender({ connectTimeoutMs: 500, timeoutMs: 300 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => handler(req, res, body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    sender.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts the body with the Standard Webhooks headers, signed by both secrets of a rotation', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
    handler = (req, res, body) => {
      seen = { headers: req.headers, body };
      res.writeHead(204).end();
    };
    const at = new Date();
    const r = await sender.send({ url: `${base}/hook`, id: 'evt-1', body: '{"a":1}', secrets: [OLD, NEW], at });
    expect(r).toMatchObject({ status: 204, error: null });
    const h = seen!.headers as Record<string, string>;
    expect(h['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(h['user-agent']).toBe('GrassrootsLedger-Webhooks/1');
    expect(h['webhook-id']).toBe('evt-1');
    expect(h['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(h['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [OLD, NEW]) expect(new Webhook(secret).verify(seen!.body, h)).toEqual({ a: 1 });
  });

  it('keeps at most a KiB of the answer and does not follow a redirect', async () => {
    handler = (_req, res) => res.writeHead(500).end('x'.repeat(10_000));
    const r = await sender.send({ url: base, id: 'e', body: '{}', secrets: [NEW], at: new Date() });
    expect(r.status).toBe(500);
    expect(r.response).toHaveLength(1024);
    handler = (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    expect(await sender.send({ url: base, id: 'e', body: '{}', secrets: [NEW], at: new Date() })).toMatchObject({
      status: 302,
    });
  });

  it('gives up at the total timeout, and says when the connection is refused', async () => {
    handler = () => undefined;
    const r = await sender.send({ url: base, id: 'e', body: '{}', secrets: [NEW], at: new Date() });
    expect(r).toMatchObject({ status: null, error: 'timeout after 300 ms' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(290);
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    const refused = await sender.send({
      url: `http://127.0.0.1:${port}`,
      id: 'e',
      body: '{}',
      secrets: [NEW],
      at: new Date(),
    });
    expect(refused.status).toBeNull();
    expect(refused.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses an address the lookup refuses, before any byte is sent', async () => {
    const guarded = new WebhookSender({
      connectTimeoutMs: 500,
      timeoutMs: 1000,
      lookup: (_host, _options, callback) =>
        (callback as (e: Error | null) => void)(new Error('address 127.0.0.1 is loopback')),
    });
    let hit = false;
    handler = (_req, res) => ((hit = true), res.end());
    const r = await guarded.send({
      url: `http://localhost:${new URL(base).port}`,
      id: 'e',
      body: '{}',
      secrets: [NEW],
      at: new Date(),
    });
    guarded.close();
    expect(r).toMatchObject({ status: null, error: 'address 127.0.0.1 is loopback' });
    expect(hit).toBe(false);
  });
});
