import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { RecordedEvent, START } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { EmbeddedWebhookStore } from '@gl/read-models/embedded';
import { SystemClock } from '@gl/platform';
import { ApiProcess, startApiProcess } from './support/api-process';
import { eventually, Receiver, startReceiver } from './support/webhook-receiver';

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
/** The delivery the process is killed in the middle of: received, never answered. */
const KILLED_AT = 100;
/** What the endpoint asks for: the seed's obligations (a few hundred events). */
const CATEGORIES = ['obligation'];

const env = (dir: string) => ({
  DATA_DIR: dir,
  JWT_SECRET: 'webhooks-restart-secret-long-enough-for-hs256',
  LOG_LEVEL: 'warn',
  SQLITE_SYNCHRONOUS: 'NORMAL',
  SCHEDULER: 'false',
  SEAL_INTERVAL_MS: '0',
  RATE_LIMIT_ENABLED: 'false',
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_SCHEDULE: '50ms,100ms,200ms',
});

/**
 * Issue 16, item 8, on a real process: an endpoint registered from the start of the log receives
 * the seed's ~900 obligation events; the api is SIGKILLed while a delivery is under way (the receiver has
 * the request, the process never sees the answer) and started again on the same DATA_DIR. Every
 * event arrives, in the log's order; the only duplicate is the interrupted one, with its webhook-id.
 */
describe('webhook delivery across a SIGKILL and a restart (at least once, in order, one webhook-id)', () => {
  let dir: string;
  let receiver: Receiver;
  let first: ApiProcess | undefined;
  let second: ApiProcess | undefined;
  let midway: () => void;
  const interrupted = new Promise<void>((ok) => (midway = ok));
  let log: RecordedEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-webhooks-restart-'));
    receiver = await startReceiver((n) => {
      if (n !== KILLED_AT) return 200;
      midway();
      return 'hang';
    });
    const hooks = new EmbeddedWebhookStore({ filename: join(dir, 'webhooks.db') });
    const now = new Date();
    await hooks.create(
      {
        endpointId: 'everything',
        url: receiver.url,
        description: 'the obligations from the start',
        eventTypes: [],
        categories: CATEGORIES,
        unitIds: [],
        ownerUnitId: 'so-noi-vu',
        createdBy: 'integration-admin',
        createdAt: now,
        updatedAt: now,
        status: 'active',
        statusReason: null,
        secrets: [{ secret: SECRET, createdAt: now, expiresAt: null }],
      },
      START,
    );
    await hooks.close();
  });

  afterAll(async () => {
    for (const p of [first, second]) if (p?.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all([first?.exited, second?.exited]);
    await receiver?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every event once the process is back, those the kill caught again with the same webhook-id', async () => {
    first = await startApiProcess(env(dir), join(dir, 'api-1.log'));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([interrupted, new Promise((ok) => (timer = setTimeout(ok, 25_000)))]);
    clearTimeout(timer);
    if (receiver.received.length < KILLED_AT)
      throw new Error(`${receiver.received.length} deliveries before the kill:\n${first.output().slice(-3000)}`);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const beforeKill = receiver.received.length;
    expect(beforeKill).toBe(KILLED_AT);

    const store = new SqliteEventStore({ filename: join(dir, 'events.db'), clock: new SystemClock() });
    log = [];
    for (let after = START; ;) {
      const page = await store.readAll({ after, maxCount: 1000 });
      log.push(...page.events.filter((e) => CATEGORIES.includes(e.type.split('.')[0])));
      after = page.position;
      if (page.isEnd) break;
    }
    await store.close();
    expect(log.length).toBeGreaterThan(KILLED_AT * 2);

    second = await startApiProcess(env(dir), join(dir, 'api-2.log'));
    const ids = () => new Set(receiver.received.map((r) => r.headers['webhook-id']));
    await eventually(() => ids().size >= log.length, 30_000, `all ${log.length} events delivered`);

    const delivered = receiver.received.map((r) => {
      const body = new Webhook(SECRET).verify(r.body, r.headers) as { id: string; position: string };
      expect(body.id).toBe(r.headers['webhook-id']);
      return body;
    });
    // Nothing lost, in the log's order, each event once but those the kill caught: the interrupted
    // one, and the few delivered just before it whose progress was still in the group commit's window.
    const firstTimes = delivered.filter((d, i) => delivered.findIndex((x) => x.id === d.id) === i);
    expect(firstTimes.map((d) => d.id)).toEqual(log.map((e) => e.eventId));
    const again = delivered.filter((d, i) => delivered.findIndex((x) => x.id === d.id) !== i);
    expect(again.length).toBeGreaterThanOrEqual(1);
    expect(again.length).toBeLessThanOrEqual(20);
    const caught = log.slice(KILLED_AT - again.length, KILLED_AT).map((e) => e.eventId);
    expect(again.map((d) => d.id)).toEqual(caught);
    // Sent again first after the restart, in order, then the rest.
    expect(delivered.slice(KILLED_AT, KILLED_AT + again.length).map((d) => d.id)).toEqual(caught);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 45_000);
});
