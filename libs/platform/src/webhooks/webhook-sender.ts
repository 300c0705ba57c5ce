import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { createHmac } from 'node:crypto';

/** The start of a receiver's answer kept in the delivery log. */
export const RESPONSE_LIMIT = 1024;
export const USER_AGENT = 'GrassrootsLedger-Webhooks/1';

export interface SenderOptions {
  connectTimeoutMs: number;
  /** The whole attempt: connect, send, the status and the answer's first KiB. */
  timeoutMs: number;
  /** Resolves the receiver's name at each new connection; the guarded one refuses private addresses. */
  lookup?: LookupFunction;
  /** Why a URL is refused before any connection (a literal address is never looked up), or null. */
  refuse?: (url: string) => string | null;
}

export interface Delivery {
  url: string;
  /** The event id: `webhook-id`, the same on every attempt. */
  id: string;
  /** The CloudEvent, serialized once: the signed bytes are the sent bytes. */
  body: string;
  /** The live secrets (`whsec_…`); each signs, and the signatures are sent space-separated. */
  secrets: readonly string[];
  /** The attempt's time (`webhook-timestamp`). */
  at: Date;
}

export interface SendResult {
  /** The receiver's status, or null when none came. */
  status: number | null;
  latencyMs: number;
  error: string | null;
  /** At most RESPONSE_LIMIT bytes of the answer, as text. */
  response: string | null;
}

const keys = new Map<string, Buffer>();
/** The secret's key (`whsec_` + base64), decoded once; a handful of endpoints' secrets at most. */
const keyOf = (secret: string): Buffer => {
  let k = keys.get(secret);
  if (!k) {
    if (keys.size >= 1000) keys.clear();
    keys.set(secret, (k = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')));
  }
  return k;
};

/**
 * `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, as the Standard Webhooks specification signs:
 * node's native HMAC, a quarter of the `standardwebhooks` package's pure-JS SHA-256 per delivery; the
 * tests verify every signature with that package.
 */
export const signatureOf = (secret: string, id: string, at: Date, body: string): string =>
  `v1,${createHmac('sha256', keyOf(secret))
    .update(`${id}.${Math.floor(at.getTime() / 1000)}.${body}`)
    .digest('base64')}`;

/** The Standard Webhooks headers of one attempt. */
export const signedHeaders = (d: Omit<Delivery, 'url'>): Record<string, string> => ({
  'content-type': 'application/cloudevents+json; charset=utf-8',
  'user-agent': USER_AGENT,
  'webhook-id': d.id,
  'webhook-timestamp': String(Math.floor(d.at.getTime() / 1000)),
  'webhook-signature': d.secrets.map((s) => signatureOf(s, d.id, d.at, d.body)).join(' '),
});

/** What the dispatcher delivers with: one attempt, answered whatever happens (never rejected). */
export interface Sender {
  send(d: Delivery): Promise<SendResult>;
  /** Gets ready to send (the threaded one starts its thread); sending also does. */
  start?(): void;
  /** Ends the connections (and the thread, for the threaded one). */
  close(): void;
}

/**
 * One HTTP POST per attempt with node:http(s) on keep-alive agents. Redirects are not followed (a
 * 3xx is a failure like any non-2xx); the connection must open within the connect timeout and the
 * whole attempt end within the total one; at most a KiB of the answer is read.
 */
export class WebhookSender implements Sender {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };

  constructor(private readonly options: SenderOptions) {}

  send(d: Delivery): Promise<SendResult> {
    const started = performance.now();
    const refused = this.options.refuse?.(d.url) ?? null;
    if (refused) return Promise.resolve({ status: null, latencyMs: 0, error: refused, response: null });
    const url = new URL(d.url);
    const secure = url.protocol === 'https:';
    const body = Buffer.from(d.body, 'utf8');
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let kept = 0;
      let status: number | null = null;
      const finish = (error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(connect);
        const response = status === null ? null : Buffer.concat(chunks).subarray(0, RESPONSE_LIMIT).toString('utf8');
        resolve({ status, latencyMs: Math.round(performance.now() - started), error, response });
      };
      const req = (secure ? https : http).request(url, {
        method: 'POST',
        agent: this.agents[secure ? 'https:' : 'http:'],
        headers: { ...signedHeaders(d), 'content-length': String(body.length) },
        ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
      });
      let connect: NodeJS.Timeout | undefined;
      // Decided after the I/O that was ready when the timer fired: a stall of this process is not the receiver's.
      const total = setTimeout(
        () =>
          setImmediate(() => {
            if (settled) return;
            status = null;
            finish(`timeout after ${this.options.timeoutMs} ms`);
            req.destroy();
          }),
        this.options.timeoutMs,
      );
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        connect = setTimeout(() => {
          finish(`no connection within ${this.options.connectTimeoutMs} ms`);
          req.destroy();
        }, this.options.connectTimeoutMs);
        socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connect));
      });
      req.on('error', (e) => finish(e.message || String(e)));
      req.on('response', (res) => {
        status = res.statusCode ?? null;
        res.on('data', (chunk: Buffer) => {
          if (kept >= RESPONSE_LIMIT) return;
          chunks.push(chunk);
          kept += chunk.length;
          // More than we keep: the rest is not read, and this connection is not reused.
          if (kept >= RESPONSE_LIMIT) {
            finish(null);
            res.destroy();
          }
        });
        res.on('end', () => finish(null));
        res.on('error', () => finish(null));
        res.on('aborted', () => finish(null));
      });
      req.end(body);
    });
  }

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
