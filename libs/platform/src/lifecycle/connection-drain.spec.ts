import { createServer } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import { ConnectionDrain } from './connection-drain';

const until = (socket: Socket, event: 'connect' | 'close') => new Promise((r) => socket.once(event, r));

describe('ConnectionDrain', () => {
  it('serves a request that arrives after the close on a connection accepted before it, with Connection: close', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    const drain = new ConnectionDrain(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const fresh = connect(port, '127.0.0.1');
    let answer = '';
    fresh.on('data', (d) => (answer += d));
    await until(fresh, 'connect');
    await new Promise((r) => setTimeout(r, 50));

    // Node's own server.close() would destroy this connection: no request has been read on it yet.
    const closed = drain.close();
    fresh.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(fresh, 'close');
    await closed;
    expect(answer).toMatch(/^HTTP\/1.1 200 OK\r\n/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(server.listening).toBe(false);
  });

  it('closes a kept-alive connection once idle, and a fresh one that sends nothing after its grace', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    const drain = new ConnectionDrain(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const kept = connect(port, '127.0.0.1');
    kept.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => kept.once('data', r));
    const silent = connect(port, '127.0.0.1');
    silent.on('error', () => undefined);
    await until(silent, 'connect');
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await Promise.all([drain.close(), until(kept, 'close'), until(silent, 'close')]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
