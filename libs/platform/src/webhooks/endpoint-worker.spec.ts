import type { ReadAllOptions, RecordedEvent } from '@gl/event-store';
import { sameCursorState } from '@gl/read-models';
import type { AttemptPage, DeliveryAttempt, DeliveryCursor, WebhookEndpoint, WebhookStore } from '@gl/read-models';
import { loadConfig } from '../config/app-config';
import { EndpointWorker, WorkerDeps } from './endpoint-worker';
import { Delivery, SendResult, WebhookSender } from './webhook-sender';

/** The WebhookStore port in memory, counting its writes. */
class MemoryStore implements WebhookStore {
  endpoints = new Map<string, WebhookEndpoint>();
  cursors = new Map<string, DeliveryCursor>();
  log: DeliveryAttempt[] = [];
  saves = 0;
  async create(e: WebhookEndpoint, startPosition: string) {
    this.endpoints.set(e.endpointId, e);
    this.cursors.set(e.endpointId, {
      endpointId: e.endpointId,
      position: startPosition,
      pendingEventId: null,
      attempts: 0,
      nextAttemptAt: null,
      failingSince: null,
      delivered: 0,
      failed: 0,
    });
  }
  async get(id: string) {
    return this.endpoints.get(id) ?? null;
  }
  async list() {
    return [...this.endpoints.values()];
  }
  async update(e: WebhookEndpoint) {
    return !!this.endpoints.set(e.endpointId, e);
  }
  async delete(id: string) {
    this.cursors.delete(id);
    return this.endpoints.delete(id);
  }
  async cursor(id: string) {
    const c = this.cursors.get(id);
    return c ? { ...c } : null;
  }
  async saveCursor(c: DeliveryCursor) {
    this.saves++;
    this.cursors.set(c.endpointId, { ...c });
  }
  async recordAttempt(a: DeliveryAttempt, c: DeliveryCursor, expected?: DeliveryCursor) {
    this.log.push(a);
    const stored = this.cursors.get(c.endpointId);
    if (expected && (!stored || !sameCursorState(stored, expected))) return false;
    this.cursors.set(c.endpointId, { ...c });
    return true;
  }
  async attempts(): Promise<AttemptPage> {
    return { items: [...this.log].reverse(), next: null };
  }
  async purgeAttempts() {
    return 0;
  }
  async close() {}
}

/** A store that commits attempts only when told (a group commit that has not come yet), then at once. */
class LateCommitStore extends MemoryStore {
  private pending: (() => Promise<void>)[] = [];
  private immediate = false;
  override recordAttempt(a: DeliveryAttempt, c: DeliveryCursor, expected?: DeliveryCursor): Promise<boolean> {
    if (this.immediate) return super.recordAttempt(a, c, expected);
    return new Promise((resolve) => this.pending.push(() => super.recordAttempt(a, c, expected).then(resolve)));
  }
  get uncommitted() {
    return this.pending.length;
  }
  async commitAll() {
    this.immediate = true;
    for (const apply of this.pending.splice(0)) await apply();
  }
}

class ScriptedSender extends WebhookSender {
  sent: Delivery[] = [];
  constructor(private readonly answer: (d: Delivery, n: number) => number) {
    super({ connectTimeoutMs: 100, timeoutMs: 100 });
  }
  override async send(d: Delivery): Promise<SendResult> {
    this.sent.push(d);
    return { status: this.answer(d, this.sent.length), latencyMs: 1, error: null, response: 'ok' };
  }
}

const event = (position: number, type: string, unit: string): RecordedEvent => ({
  stream: `s-${position}`,
  revision: 0,
  position: String(position),
  eventId: `e${position}`,
  type,
  data: {},
  metadata: {
    actor: { userId: 'u', unitId: null, roles: [] },
    correlationId: 'c',
    causationId: 'c',
    subjectUnitIds: [unit],
    recordedAt: '2026-12-01T00:00:00.000Z',
    hash: 'h',
    prevHash: 'p',
    schemaVersion: 1,
  } as RecordedEvent['metadata'],
});

const endpointOf = (s: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  endpointId: 'ep',
  url: 'http://receiver.test/hook',
  description: '',
  eventTypes: [],
  categories: [],
  unitIds: [],
  ownerUnitId: 'city',
  createdBy: 'admin',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  status: 'active',
  statusReason: null,
  secrets: [{ secret: `whsec_${Buffer.alloc(32, 3).toString('base64')}`, createdAt: new Date(0), expiresAt: null }],
  ...s,
});

const eventually = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('not met');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('EndpointWorker (in-memory store, scripted receiver)', () => {
  const log = [
    event(1, 'activity.recorded.v1', 'a'),
    event(2, 'user.registered.v1', 'a'),
    event(3, 'activity.recorded.v1', 'b'),
    event(4, 'activity.recorded.v1', 'a'),
    event(5, 'user.registered.v1', 'a'),
  ];
  const reader = {
    readAll: async (o: ReadAllOptions = {}) => {
      const after = Number(o.after ?? 0);
      const prefixes = o.filter?.typePrefixes;
      const events = log.filter(
        (e) => Number(e.position) > after && (!prefixes || prefixes.some((p) => e.type.startsWith(p))),
      );
      return { events, position: log[log.length - 1].position, isEnd: true };
    },
  };
  const settings = loadConfig({ WEBHOOK_RETRY_SCHEDULE: '20ms,40ms', WEBHOOK_RETRY_JITTER: '0' }).webhooks;
  const depsOf = (store: WebhookStore, sender: WebhookSender): WorkerDeps => ({
    store,
    events: reader,
    subjects: async (e) => e.metadata.subjectUnitIds ?? [],
    units: async () => new Map(),
    sender,
    settings,
    publicBaseUrl: 'https://ledger.test',
    clock: { now: () => new Date() },
    log: () => undefined,
  });

  it('delivers the wanted events in order and moves past the others with one save at the end of the batch', async () => {
    const store = new MemoryStore();
    const ep = endpointOf({ categories: ['activity'] });
    await store.create(ep, '0');
    const sender = new ScriptedSender(() => 204);
    const w = new EndpointWorker(ep, depsOf(store, sender));
    await eventually(() => store.cursors.get('ep')!.position === '5');
    await w.stop();
    expect(sender.sent.map((d) => d.id)).toEqual(['e1', 'e3', 'e4']);
    expect(store.log.map((a) => [a.eventId, a.outcome])).toEqual([
      ['e1', 'delivered'],
      ['e3', 'delivered'],
      ['e4', 'delivered'],
    ]);
    expect(store.saves).toBe(1);
    expect(store.cursors.get('ep')).toMatchObject({ delivered: 3, failed: 0, pendingEventId: null });
  });

  it('retries with the same id, keeps the wait in the cursor, and a replay meanwhile is read, not overwritten', async () => {
    const store = new MemoryStore();
    const ep = endpointOf({ categories: ['activity'] });
    await store.create(ep, '0');
    const sender = new ScriptedSender((_d, n) => (n <= 2 ? 503 : 200));
    const w = new EndpointWorker(ep, depsOf(store, sender));
    await eventually(() => store.log.length === 1);
    expect(store.cursors.get('ep')).toMatchObject({ pendingEventId: 'e1', attempts: 1, position: '0' });
    expect(store.cursors.get('ep')!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 50);
    await eventually(() => store.cursors.get('ep')!.position === '5');
    // A replay from the start: the worker, idle, reads it and delivers everything again.
    await store.saveCursor({ ...store.cursors.get('ep')!, position: '0', pendingEventId: null, attempts: 0 });
    w.wake();
    await eventually(() => sender.sent.length >= 8);
    await w.stop();
    expect(sender.sent.map((d) => d.id)).toEqual(['e1', 'e1', 'e1', 'e3', 'e4', 'e1', 'e3', 'e4']);
    expect(store.log.map((a) => a.attempt).slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('gives up the event it waits to retry when a replay moves its cursor meanwhile', async () => {
    const store = new MemoryStore();
    const ep = endpointOf({ categories: ['activity'] });
    await store.create(ep, '0');
    const sender = new ScriptedSender((d) => (d.id === 'e1' ? 503 : 200));
    const w = new EndpointWorker(ep, depsOf(store, sender));
    await eventually(() => store.log.length === 2);
    await store.saveCursor({
      ...store.cursors.get('ep')!,
      position: '3',
      pendingEventId: null,
      attempts: 0,
      nextAttemptAt: null,
    });
    await eventually(() => store.cursors.get('ep')!.position === '5');
    await w.stop();
    const after = sender.sent.slice(sender.sent.findIndex((d) => d.id !== 'e1'));
    expect(after.map((d) => d.id)).toEqual(['e4']);
    expect(store.cursors.get('ep')).toMatchObject({ pendingEventId: null, position: '5' });
  });

  it('sends the next event before the last one is committed, and a replay meanwhile refuses them all: it reads its cursor again', async () => {
    const store = new LateCommitStore();
    const ep = endpointOf({ categories: ['activity'] });
    await store.create(ep, '0');
    const sender = new ScriptedSender(() => 200);
    const w = new EndpointWorker(ep, depsOf(store, sender));
    await eventually(() => sender.sent.length === 3);
    // Three delivered, none committed yet: the sends did not wait for the commits.
    expect(store.uncommitted).toBe(3);
    // Another writer (a replay from position 1) lands before the commit.
    store.cursors.set('ep', { ...store.cursors.get('ep')!, position: '1' });
    await store.commitAll();
    await eventually(() => store.cursors.get('ep')!.position === '5');
    await w.stop();
    expect(sender.sent.map((d) => d.id)).toEqual(['e1', 'e3', 'e4', 'e3', 'e4']);
    // The refused three are in the log beside the replayed ones; the cursor counts what the replay delivered.
    expect(store.log.map((a) => a.eventId)).toEqual(['e1', 'e3', 'e4', 'e3', 'e4']);
    expect(store.cursors.get('ep')).toMatchObject({ delivered: 2, pendingEventId: null });
  });

  it('disables the endpoint at once on 410 Gone', async () => {
    const store = new MemoryStore();
    const ep = endpointOf();
    await store.create(ep, '0');
    const sender = new ScriptedSender(() => 410);
    const w = new EndpointWorker(ep, depsOf(store, sender));
    await w.done;
    expect(w.running).toBe(false);
    expect(sender.sent).toHaveLength(1);
    expect(store.endpoints.get('ep')).toMatchObject({ status: 'disabled', statusReason: 'gone' });
    expect(store.cursors.get('ep')).toMatchObject({ pendingEventId: 'e1', failed: 1, nextAttemptAt: null });
  });
});
