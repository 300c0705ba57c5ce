import { parentPort, workerData } from 'node:worker_threads';
import { guardedLookup } from './receiver-address';
import type { SendResult } from './webhook-sender';
import { WebhookSender } from './webhook-sender';

/** What the dispatcher's thread posts: deliveries to make, each with the number its answer comes back under. */
export interface ThreadRequest {
  n: number;
  url: string;
  id: string;
  body: string;
  secrets: readonly string[];
  at: number;
}

/** What the sending thread is started with: the sender's limits, and whether private addresses are allowed. */
export interface ThreadSettings {
  connectTimeoutMs: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * The sending thread (ADR 0011): the HTTP client and the signatures, off the thread that reads the
 * log and commits the progress. Requests and answers go in batches, one message per turn of each
 * side's event loop. The guarded lookup runs here, at each connection, as in the dispatcher's own
 * thread; the URL was checked before the request was posted.
 */
const serve = (settings: ThreadSettings) => {
  const port = parentPort!;
  const sender = new WebhookSender({
    connectTimeoutMs: settings.connectTimeoutMs,
    timeoutMs: settings.timeoutMs,
    lookup: guardedLookup({ allowPrivate: settings.allowPrivate }),
  });
  let answers: [number, SendResult][] = [];
  const answer = (n: number, r: SendResult) => {
    if (answers.push([n, r]) === 1)
      setImmediate(() => {
        port.postMessage(answers);
        answers = [];
      });
  };
  port.on('message', (m: ThreadRequest[] | 'close') => {
    if (m === 'close') {
      sender.close();
      port.close();
      return;
    }
    for (const r of m)
      void sender
        .send({ url: r.url, id: r.id, body: r.body, secrets: r.secrets, at: new Date(r.at) })
        .then((result) => answer(r.n, result));
  });
};

if (parentPort && (workerData as { webhookSender?: ThreadSettings } | null)?.webhookSender)
  serve((workerData as { webhookSender: ThreadSettings }).webhookSender);
