import { Webhook } from 'standardwebhooks';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { EndpointSettings, WEBHOOK_STORE, WebhookStore } from '@gl/read-models';
import { CloudEventJson, validCloudEvent } from '@gl/application';
import { SealScheduler, WebhookDispatcher } from '@gl/platform';
import { Harness, startApi } from './support/api-harness';
import { conference } from './support/write-fixtures';
import { eventually, Receiver, startReceiver } from './support/webhook-receiver';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
/** The city's integration admin (Sở Nội vụ grants the role on UBND thành phố Cần Thơ). */
const ADMIN = 'tichhop-can-tho';

/**
 * Issue 16, items 2, 3, 5 and 8: the api (embedded mode) delivers the log to real receivers on
 * loopback, signed as Standard Webhooks say, each endpoint from its own cursor, with a compressed
 * retry schedule (50 ms, 100 ms, 200 ms) and a 300 ms total timeout.
 */
describe('webhook delivery from the log to receivers on loopback', () => {
  let h: Harness;
  let store: WebhookStore;
  let events: EventStore;
  const receivers: Receiver[] = [];
  let n = 0;
  let activity = 0;

  const receiver = async (...a: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...a);
    receivers.push(r);
    return r;
  };
  const secrets = new Map<string, string>();
  /** Registers an endpoint over the API (from the log's head), as the city's integration admin. */
  const endpoint = async (url: string, s: Partial<EndpointSettings>) => {
    const created = await h
      .http()
      .post('/api/v1/webhooks')
      .set('Authorization', `Bearer ${await h.token(ADMIN)}`)
      .send({
        url,
        description: `test receiver ${++n}`,
        eventTypes: [],
        categories: [],
        unitIds: ['ubnd-can-tho'],
        ...s,
      });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    const { endpointId, secret } = created.body as { endpointId: string; secret: string };
    secrets.set(endpointId, secret);
    await h.app.get(WebhookDispatcher).sync();
    return endpointId;
  };
  /** An endpoint the registry would refuse now, as if its name had moved since it was registered. */
  const storedEndpoint = async (url: string) => {
    const endpointId = `stored-${++n}`;
    const now = new Date();
    await store.create(
      {
        endpointId,
        url,
        description: 'a receiver refused since',
        eventTypes: [],
        categories: ['conference'],
        unitIds: [],
        ownerUnitId: 'ubnd-can-tho',
        createdBy: ADMIN,
        createdAt: now,
        updatedAt: now,
        status: 'active',
        statusReason: null,
        secrets: [{ secret: SECRET, createdAt: now, expiresAt: null }],
      },
      await events.headPosition(),
    );
    await h.app.get(WebhookDispatcher).sync();
    return endpointId;
  };
  /** Records a conference of a commune over HTTP; its event id and position. */
  const held = async (unitId = 'ninh-kieu-tan-an', who = 'tanan-reporter') => {
    const activityId = `hn-webhook-${++activity}`;
    const answer = await h
      .http()
      .post('/api/v1/activities/conference')
      .set('Authorization', `Bearer ${await h.token(who)}`)
      .send({ ...conference(unitId), activityId })
      .expect(201);
    const [e] = await events.readStream(`conference-${activityId}`);
    expect(e?.position ?? answer.body.position).toBeDefined();
    return e;
  };
  const attempts = async (endpointId: string) => (await store.attempts(endpointId, { limit: 100 })).items.reverse();

  beforeAll(async () => {
    h = await startApi({
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_SCHEDULE: '50ms,100ms,200ms',
      WEBHOOK_TIMEOUT_MS: '300',
      RATE_LIMIT_ENABLED: 'false',
      SEAL_INTERVAL_MS: '0',
    });
    store = h.app.get(WEBHOOK_STORE);
    events = h.app.get(EVENT_STORE);
    const coordinator = { Authorization: `Bearer ${await h.token('sonv-coordinator')}` };
    await h
      .http()
      .post('/api/v1/users')
      .set(coordinator)
      .send({ userId: ADMIN, displayName: 'Quản trị tích hợp thành phố', unitId: 'ubnd-can-tho' })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/users/${ADMIN}/grants`)
      .set(coordinator)
      .send({ role: 'integration-admin', unitId: 'ubnd-can-tho' })
      .expect(201);
    await h.settle();
    // A first conference, so the first test's timings are not those of code run for the first time.
    const warm = await receiver();
    const id = await endpoint(warm.url, {});
    await held();
    await h.settle();
    await eventually(() => warm.received.length > 0, 10_000, 'a first delivery');
    await store.delete(id);
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('retries a 500 three times, then delivers on the 4th attempt with the same webhook-id, signed and a valid CloudEvent', async () => {
    const r = await receiver((i) => (i <= 3 ? 500 : 200));
    const id = await endpoint(r.url, { categories: ['conference'] });
    const e = await held();
    await eventually(() => r.received.length >= 4, 10_000, 'four attempts');
    const ids = r.received.map((x) => x.headers['webhook-id']);
    expect(ids).toEqual([e.eventId, e.eventId, e.eventId, e.eventId]);
    for (const x of r.received) {
      expect(x.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(x.headers['user-agent']).toBe('GrassrootsLedger-Webhooks/1');
      const verified = new Webhook(secrets.get(id)!).verify(x.body, x.headers) as CloudEventJson;
      expect(verified).toMatchObject({ id: e.eventId, type: 'conference.held.v1', position: e.position });
      expect(validCloudEvent(verified)).toBe(true);
      expect(verified.subjectunits).toBe('ninh-kieu-tan-an');
    }
    // Each attempt at its own time: the waits of the schedule between them.
    const gaps = r.received.slice(1).map((x, i) => x.at - r.received[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[2]).toBeGreaterThanOrEqual(150);
    await eventually(async () => (await attempts(id)).length >= 4, 5000, 'four attempts logged');
    const log = await attempts(id);
    expect(log.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, 500, 'failed'],
      [2, 500, 'failed'],
      [3, 500, 'failed'],
      [4, 200, 'delivered'],
    ]);
    expect(log[0].response).toBe('answer 1');
    expect(await store.cursor(id)).toMatchObject({
      position: e.position,
      pendingEventId: null,
      failingSince: null,
      delivered: 1,
      failed: 3,
    });
    const metrics = (await h.http().get('/metrics').expect(200)).text;
    expect(metrics).toContain(`gl_webhook_deliveries_total{endpoint="${id}",outcome="delivered"} 1`);
    expect(metrics).toContain(`gl_webhook_deliveries_total{endpoint="${id}",outcome="failed"} 3`);
    expect(metrics).toContain(`gl_webhook_endpoint_disabled{endpoint="${id}"} 0`);
    expect(metrics).toMatch(new RegExp(`gl_webhook_lag_events\\{endpoint="${id}"\\} \\d+`));
    await store.delete(id);
  });

  it('keeps the delivery log for WEBHOOK_ATTEMPTS_RETENTION_DAYS (30): older attempts are purged', async () => {
    const r = await receiver(() => 204);
    const id = await endpoint(r.url, {});
    await held();
    await eventually(async () => (await attempts(id)).length === 1, 5000, 'one delivery');
    const [recent] = await attempts(id);
    const cursor = (await store.cursor(id))!;
    await store.recordAttempt(
      { ...recent, eventId: 'old-attempt', at: new Date(Date.now() - 31 * 86_400_000) },
      cursor,
    );
    expect(await attempts(id)).toHaveLength(2);
    expect(await h.app.get(WebhookDispatcher).purgeOldAttempts()).toBe(1);
    expect((await attempts(id)).map((a) => a.eventId)).toEqual([recent.eventId]);
    await store.delete(id);
  });

  it('disables an endpoint at once when its receiver answers 410 Gone', async () => {
    const r = await receiver(() => 410);
    const id = await endpoint(r.url, {});
    await held();
    await eventually(async () => (await store.get(id))?.status === 'disabled', 5000, 'disabled');
    expect(await store.get(id)).toMatchObject({ status: 'disabled', statusReason: 'gone' });
    await held();
    await new Promise((ok) => setTimeout(ok, 300));
    expect(r.received).toHaveLength(1);
    expect((await attempts(id)).map((a) => [a.status, a.outcome])).toEqual([[410, 'failed']]);
    const metrics = (await h.http().get('/metrics').expect(200)).text;
    expect(metrics).toContain(`gl_webhook_endpoint_disabled{endpoint="${id}"} 1`);
    await store.delete(id);
  });

  it('records a timeout for a receiver that never answers, while another endpoint keeps receiving', async () => {
    const silent = await receiver(() => 'hang');
    const fine = await receiver();
    const stuck = await endpoint(silent.url, { categories: ['conference'] });
    const other = await endpoint(fine.url, { categories: ['conference'] });
    const sent = [await held(), await held(), await held()];
    await eventually(() => fine.received.length === 3, 5000, 'the other endpoint receiving');
    expect(fine.events().map((e) => e.id)).toEqual(sent.map((e) => e.eventId));
    await eventually(async () => (await attempts(stuck)).length >= 1, 5000, 'a timeout logged');
    const [first] = await attempts(stuck);
    expect(first).toMatchObject({ eventId: sent[0].eventId, status: null, outcome: 'failed' });
    expect(first.error).toBe('timeout after 300 ms');
    expect(first.latencyMs).toBeGreaterThanOrEqual(290);
    // Still on its first event: it holds back only itself.
    expect(new Set(silent.received.map((x) => x.headers['webhook-id']))).toEqual(new Set([sent[0].eventId]));
    await store.delete(stuck);
    await store.delete(other);
  });

  it("delivers to an endpoint scoped to a commune only that commune's events, to its district both communes'", async () => {
    const a = await receiver();
    const d = await receiver();
    const commune = await endpoint(a.url, { unitIds: ['ninh-kieu-tan-an'], categories: ['conference'] });
    const district = await endpoint(d.url, { unitIds: ['ninh-kieu'], categories: ['conference'] });
    const tanAn = await held('ninh-kieu-tan-an', 'tanan-reporter');
    const anHoa = await held('ninh-kieu-an-hoa', 'anhoa-reporter');
    await eventually(() => d.received.length === 2, 5000, "the district's two");
    await eventually(async () => (await store.cursor(commune))!.position === (await events.headPosition()), 5000);
    expect(d.events().map((e) => [e.id, e.subjectunits])).toEqual([
      [tanAn.eventId, 'ninh-kieu-tan-an'],
      [anHoa.eventId, 'ninh-kieu-an-hoa'],
    ]);
    expect(a.events().map((e) => e.id)).toEqual([tanAn.eventId]);
    await store.delete(commune);
    await store.delete(district);
  });

  it('delivers in the order of the log, and the seals to an endpoint asking for the audit category', async () => {
    const r = await receiver();
    const id = await endpoint(r.url, { categories: ['conference', 'audit'] });
    const sent = [];
    for (let i = 0; i < 6; i++)
      sent.push(
        await held(i % 2 ? 'ninh-kieu-an-hoa' : 'ninh-kieu-tan-an', i % 2 ? 'anhoa-reporter' : 'tanan-reporter'),
      );
    const seal = (await h.app.get(SealScheduler).sealNow())!;
    expect(seal).not.toBeNull();
    await eventually(() => r.received.length === 7, 5000, 'six conferences and a seal');
    const got = r.events();
    expect(got.slice(0, 6).map((e) => e.id)).toEqual(sent.map((e) => e.eventId));
    const positions = got.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(got[6]).toMatchObject({ type: 'audit.sealed.v1', subjectunits: '' });
    await store.delete(id);
  });

  it('refuses at delivery a receiver whose address is refused, without sending it anything', async () => {
    const id = await storedEndpoint('http://169.254.169.254/latest/meta-data');
    const e = await held();
    await eventually(async () => (await attempts(id)).length >= 1, 5000, 'a refused attempt logged');
    const [first] = await attempts(id);
    expect(first).toMatchObject({ eventId: e.eventId, status: null, outcome: 'failed', latencyMs: 0 });
    expect(first.error).toMatch(/169\.254\.169\.254|metadata/);
    await store.delete(id);
  });
});
