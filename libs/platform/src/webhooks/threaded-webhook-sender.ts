import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ThreadRequest, ThreadSettings } from './webhook-sender.thread';
import type { Delivery, SendResult, Sender } from './webhook-sender';

/**
 * Run from the TypeScript sources (tests, `node -r swc-register`), the thread compiles them as the
 * parent does; built, it loads the compiled file beside this one.
 */
const threadSource = (): string => {
  const ext = extname(__filename);
  const entry = join(__dirname, `webhook-sender.thread${ext}`);
  const register = join(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'support', 'swc-register.js');
  return `${ext === '.ts' ? `require(${JSON.stringify(register)});` : ''}require(${JSON.stringify(entry)});`;
};

/**
 * A `Sender` whose HTTP client and signatures run in a worker thread, the api's second core: the
 * dispatcher's thread keeps only reading the log and committing progress (issue 16: with both on one
 * thread, delivery topped out just under 2,000/s). A thread that dies fails what it had in hand
 * (each a failed attempt, retried by the schedule) and the next send starts a new one.
 */
export class ThreadedWebhookSender implements Sender {
  private worker: Worker | null = null;
  private next = 1;
  private outbox: ThreadRequest[] = [];
  private readonly waiting = new Map<number, { resolve: (r: SendResult) => void; started: number }>();

  constructor(
    private readonly settings: ThreadSettings,
    private readonly refuse?: (url: string) => string | null,
  ) {}

  /** Starts the thread now rather than at the first delivery (its start-up is not a delivery's latency). */
  start(): void {
    this.thread();
  }

  send(d: Delivery): Promise<SendResult> {
    const refused = this.refuse?.(d.url) ?? null;
    if (refused) return Promise.resolve({ status: null, latencyMs: 0, error: refused, response: null });
    const n = this.next++;
    return new Promise<SendResult>((resolve) => {
      this.waiting.set(n, { resolve, started: performance.now() });
      if (this.outbox.push({ n, url: d.url, id: d.id, body: d.body, secrets: d.secrets, at: d.at.getTime() }) === 1)
        setImmediate(() => this.post());
    });
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.postMessage('close');
    // An attempt still in hand ends with the thread; the dispatcher has waited for its grace already.
    setTimeout(() => void w.terminate(), 1000).unref();
    this.failAll('the sending thread was closed');
  }

  private post(): void {
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length) this.thread().postMessage(batch);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(threadSource(), { eval: true, workerData: { webhookSender: this.settings } });
    w.unref();
    w.on('message', (answers: [number, SendResult][]) => {
      for (const [n, r] of answers) {
        this.waiting.get(n)?.resolve(r);
        this.waiting.delete(n);
      }
    });
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.failAll(why);
    };
    w.on('error', (e) => lost(`the sending thread failed: ${e.message}`));
    w.on('exit', (code) => lost(`the sending thread stopped (exit code ${code})`));
    return (this.worker = w);
  }

  private failAll(error: string): void {
    for (const [, { resolve, started }] of this.waiting)
      resolve({ status: null, latencyMs: Math.round(performance.now() - started), error, response: null });
    this.waiting.clear();
  }
}
