import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';

/** How long a connection accepted before the close may take to send its first request. */
const FIRST_REQUEST_GRACE_MS = 1000;

interface Connection {
  requests: number;
  active: number;
}

/**
 * Closes an HTTP server without cutting a request. Node's own `server.close()` destroys every
 * connection it deems idle, including one accepted a moment ago whose request is still unread in
 * the socket while the event loop is busy: the client sent it before the port closed, and gets
 * ECONNRESET (most of "22 of 45 in-flight requests reset"). Here only the listening socket closes;
 * a kept-alive connection is closed once idle after a response, a fresh one gets
 * FIRST_REQUEST_GRACE_MS to send its request, and every response from then on says
 * `Connection: close`.
 */
export class ConnectionDrain {
  private readonly connections = new Map<Socket, Connection>();
  private readonly responses = new Set<ServerResponse>();
  private closing = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.connections.set(socket, { requests: 0, active: 0 });
      socket.on('close', () => this.connections.delete(socket));
    });
    // Ahead of the app's own listener, so the header is set before any handler answers.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      const c = this.connections.get(req.socket);
      if (!c) return;
      c.requests += 1;
      c.active += 1;
      this.responses.add(res);
      if (this.closing && !res.headersSent) res.setHeader('Connection', 'close');
      res.on('close', () => {
        c.active -= 1;
        this.responses.delete(res);
        if (this.closing) setImmediate(() => this.closeIdle());
      });
    });
  }

  /** Responses under way (a long-lived stream counts until it ends). */
  get active(): number {
    return this.responses.size;
  }

  /**
   * Stops accepting, then resolves once every connection has ended. A connection the kernel has
   * queued but Node has not yet accepted (Node takes one per turn of its event loop) is reset by
   * the kernel when the port closes: its request was never read, so nothing of it is recorded.
   * Behind a load balancer none arrive by then (readiness has said 503 for SHUTDOWN_DELAY_MS).
   */
  async close(onPortClosed: () => void = () => undefined): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(this.server, () => resolve()));
    onPortClosed();
    for (const res of this.responses) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.closeIdle();
    const fresh = setTimeout(() => this.closeIdle(true), FIRST_REQUEST_GRACE_MS);
    await closed;
    clearTimeout(fresh);
  }

  /** Destroys what is left, for a forced exit. */
  destroyAll(): void {
    for (const socket of this.connections.keys()) socket.destroy();
  }

  /** `end`, not `destroy`: the last response may still be in the socket's buffer. */
  private closeIdle(includingFresh = false): void {
    for (const [socket, c] of this.connections) {
      if (c.active === 0 && (c.requests > 0 || includingFresh)) socket.end();
    }
  }
}
