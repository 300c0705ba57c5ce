import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'node:worker_threads';
import { Webhook } from 'standardwebhooks';
import { ThreadedWebhookSender } from './threaded-webhook-sender';

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

describe('ThreadedWebhookSender (the HTTP client in a worker thread) on a loopback receiver', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  const threadOf = (s: ThreadedWebhookSender) => (s as unknown as { worker: Worker | null }).worker;
  const delivery = (url: string, id = 'evt-1') => ({
    url,
    id,
    body: '{"a":"Hội nghị"}',
    secrets: [SECRET],
    at: new Date(),
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => handler(req, res, body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const open: ThreadedWebhookSender[] = [];
  const sender = (allowPrivate = true, refuse?: (url: string) => string | null) => {
    const s = new ThreadedWebhookSender({ connectTimeoutMs: 500, timeoutMs: 400, allowPrivate }, refuse);
    open.push(s);
    return s;
  };
  afterEach(() => open.splice(0).forEach((s) => s.close()));

  it('posts the signed body from its thread, and answers the status, the latency and the answer', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
    handler = (req, res, body) => {
      seen = { headers: req.headers, body };
      res.writeHead(200).end('đã nhận');
    };
    const s = sender();
    s.start();
    expect(threadOf(s)).not.toBeNull();
    const r = await s.send(delivery(`http://127.0.0.1:${port}/hook`));
    expect(r).toMatchObject({ status: 200, error: null, response: 'đã nhận' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(seen!.headers['webhook-id']).toBe('evt-1');
    expect(new Webhook(SECRET).verify(seen!.body, seen!.headers as Record<string, string>)).toEqual({ a: 'Hội nghị' });
  });

  it('keeps the order of answers apart: many at once, each to its own caller', async () => {
    handler = (req, res) => res.writeHead(200).end(req.headers['webhook-id']);
    const s = sender();
    const ids = Array.from({ length: 50 }, (_, i) => `evt-${i}`);
    const answers = await Promise.all(ids.map((id) => s.send(delivery(`http://127.0.0.1:${port}/`, id))));
    expect(answers.map((a) => a.response)).toEqual(ids);
  });

  it('times out in the thread, as the sender on the dispatcher thread does', async () => {
    handler = () => undefined;
    const r = await sender().send(delivery(`http://127.0.0.1:${port}/`));
    expect(r).toMatchObject({ status: null, error: 'timeout after 400 ms', response: null });
  });

  it('refuses a name that resolves to loopback in the thread, at the connection, without sending anything', async () => {
    const before = requests;
    const r = await sender(false).send(delivery(`http://localhost:${port}/`));
    expect(r.status).toBeNull();
    expect(r.error).toMatch(/localhost: .*loopback/);
    expect(requests).toBe(before);
  });

  it('refuses a URL on the caller thread before posting it to the thread', async () => {
    const s = sender(true, (url) => (url.startsWith('http:') ? 'https only' : null));
    expect(await s.send(delivery(`http://127.0.0.1:${port}/`))).toEqual({
      status: null,
      latencyMs: 0,
      error: 'https only',
      response: null,
    });
    expect(threadOf(s)).toBeNull();
  });

  it('fails what a dying thread had in hand, and the next send starts a new thread', async () => {
    handler = () => undefined;
    const s = sender();
    const inHand = s.send(delivery(`http://127.0.0.1:${port}/`));
    await new Promise((r) => setTimeout(r, 100));
    const first = threadOf(s)!;
    await first.terminate();
    expect(await inHand).toMatchObject({ status: null, error: expect.stringMatching(/sending thread stopped/) });
    handler = (_req, res) => res.writeHead(204).end();
    expect(await s.send(delivery(`http://127.0.0.1:${port}/`))).toMatchObject({ status: 204, error: null });
    expect(threadOf(s)).not.toBe(first);
  });

  it('fails what it had in hand when closed', async () => {
    handler = () => undefined;
    const s = sender();
    const inHand = s.send(delivery(`http://127.0.0.1:${port}/`));
    await new Promise((r) => setTimeout(r, 50));
    s.close();
    expect(await inHand).toMatchObject({ status: null, error: 'the sending thread was closed' });
  });
});
