import { EVENT_STORE, EventStore } from '@gl/event-store';
import { WEBHOOK_STORE, WebhookStore } from '@gl/read-models';
import { schemaErrors } from '@gl/platform';
import {
  DeliveriesPage,
  RegisteredWebhookAnswer,
  RotatedSecretAnswer,
  WebhookAnswer,
  WebhooksList,
} from '../../apps/api/src/webhooks/webhooks.responses';
import { Harness, startApi } from './support/api-harness';

const OVERLAP_MS = 3_600_000;
/** A receiver on loopback that is never called: delivery is off in this suite, nothing is sent. */
const RECEIVER = 'http://127.0.0.1:9/hooks/ghi-nhan';

/**
 * Issue 16, items 1 and 4: the integration admin (quản trị tích hợp) registers and manages webhook
 * endpoints for the units of their grant, over HTTP. Delivery is off, so no request leaves.
 */
describe('the webhook registry over HTTP (integration admin)', () => {
  let h: Harness;
  let store: WebhookStore;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const asAdmin = () => as('tichhop-ninhkieu');
  const body = {
    url: RECEIVER,
    description: 'Cổng thông tin điện tử phường Ninh Kiều',
    eventTypes: ['activity.', 'obligation.completed.'],
    categories: ['audit'],
    unitIds: ['new-phuong-ninh-kieu'],
  };
  const endpointsStored = async () => (await store.list(null)).length;

  beforeAll(async () => {
    h = await startApi({
      RATE_LIMIT_ENABLED: 'false',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOKS_DELIVER: 'false',
      WEBHOOK_ROTATION_OVERLAP_MS: String(OVERLAP_MS),
    });
    store = h.app.get<WebhookStore>(WEBHOOK_STORE);
    // The plan coordinator (Sở Nội vụ) registers the ward's integration admin and grants the role.
    for (const [userId, unitId] of [
      ['tichhop-ninhkieu', 'new-phuong-ninh-kieu'],
      ['tichhop-caikhe', 'new-phuong-cai-khe'],
    ]) {
      await h
        .http()
        .post('/api/v1/users')
        .set(await as('sonv-coordinator'))
        .send({ userId, displayName: `Quản trị tích hợp ${unitId}`, unitId })
        .expect(201);
      await h
        .http()
        .post(`/api/v1/users/${userId}/grants`)
        .set(await as('sonv-coordinator'))
        .send({ role: 'integration-admin', unitId })
        .expect(201);
    }
    await h.settle();
  });
  afterAll(() => h.close());

  it('lets the admin register, list, read, change, pause, resume, rotate, replay, read the log and delete', async () => {
    const head = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    const created = await h
      .http()
      .post('/api/v1/webhooks')
      .set(await asAdmin())
      .send(body)
      .expect(201);
    expect(schemaErrors(RegisteredWebhookAnswer, created.body)).toEqual([]);
    const { endpointId, secret } = created.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(created.body).toMatchObject({
      ...body,
      ownerUnitId: 'new-phuong-ninh-kieu',
      createdBy: 'tichhop-ninhkieu',
      status: 'active',
      statusReason: null,
      secrets: [{ expiresAt: null }],
      delivery: { position: head, pendingEventId: null, attempts: 0, delivered: 0, failed: 0, lag: 0 },
    });

    // Never again: not in the list, not in one endpoint's answer.
    const list = await h
      .http()
      .get('/api/v1/webhooks')
      .set(await asAdmin())
      .expect(200);
    expect(schemaErrors(WebhooksList, list.body)).toEqual([]);
    expect(list.body.items.map((e: { endpointId: string }) => e.endpointId)).toEqual([endpointId]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    const one = await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(200);
    expect(schemaErrors(WebhookAnswer, one.body)).toEqual([]);
    expect(one.body).not.toHaveProperty('secret');
    expect(JSON.stringify(one.body)).not.toContain('whsec_');

    const changed = await h
      .http()
      .patch(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .send({ description: 'Cổng phường, bản mới', eventTypes: ['report.'], categories: [] })
      .expect(200);
    expect(schemaErrors(WebhookAnswer, changed.body)).toEqual([]);
    expect(changed.body).toMatchObject({
      description: 'Cổng phường, bản mới',
      eventTypes: ['report.'],
      categories: [],
    });

    const paused = await h
      .http()
      .post(`/api/v1/webhooks/${endpointId}/pause`)
      .set(await asAdmin())
      .set('X-Reason', encodeURIComponent('Bảo trì cổng thông tin'))
      .expect(200);
    expect(paused.body).toMatchObject({ status: 'paused', statusReason: 'Bảo trì cổng thông tin' });
    // A disabled endpoint (the dispatcher's doing, e.g. after 410) resumes too, its failure clock cleared.
    const stored = (await store.get(endpointId))!;
    await store.update({ ...stored, status: 'disabled', statusReason: 'gone' });
    const cursor = (await store.cursor(endpointId))!;
    await store.saveCursor({ ...cursor, failingSince: new Date(), pendingEventId: 'x', attempts: 7 });
    const resumed = await h
      .http()
      .post(`/api/v1/webhooks/${endpointId}/resume`)
      .set(await asAdmin())
      .expect(200);
    expect(resumed.body).toMatchObject({
      status: 'active',
      statusReason: null,
      delivery: { failingSince: null, attempts: 0 },
    });

    const rotated = await h
      .http()
      .post(`/api/v1/webhooks/${endpointId}/secret-rotation`)
      .set(await asAdmin())
      .expect(201);
    expect(schemaErrors(RotatedSecretAnswer, rotated.body)).toEqual([]);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    const [old, fresh] = rotated.body.secrets;
    expect(fresh.expiresAt).toBeNull();
    expect(Date.parse(old.expiresAt) - Date.parse(fresh.createdAt)).toBe(OVERLAP_MS);
    // Both sign during the overlap: the store holds both, the API shows neither.
    expect((await store.get(endpointId))!.secrets.map((s) => s.secret)).toEqual([secret, rotated.body.secret]);
    const afterRotation = await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(200);
    expect(JSON.stringify(afterRotation.body)).not.toContain('whsec_');

    const replayed = await h
      .http()
      .post(`/api/v1/webhooks/${endpointId}/replay`)
      .set(await asAdmin())
      .send({ fromPosition: '5' })
      .expect(200);
    expect(replayed.body.delivery).toMatchObject({
      position: '4',
      pendingEventId: null,
      attempts: 0,
      nextAttemptAt: null,
    });
    const { events } = await h.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 20 });
    const byEvent = await h
      .http()
      .post(`/api/v1/webhooks/${endpointId}/replay`)
      .set(await asAdmin())
      .send({ fromEventId: events[11]!.eventId })
      .expect(200);
    expect(byEvent.body.delivery.position).toBe(String(Number(events[11]!.position) - 1));
    await h
      .http()
      .post(`/api/v1/webhooks/${endpointId}/replay`)
      .set(await asAdmin())
      .send({ fromEventId: 'khong-co-su-kien' })
      .expect(422)
      .expect((r) => expect(r.body.type).toBe('/problems/invalid-webhook'));

    const log = await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}/deliveries?limit=10`)
      .set(await asAdmin())
      .expect(200);
    expect(schemaErrors(DeliveriesPage, log.body)).toEqual([]);
    expect(log.body).toEqual({ items: [], next: null });

    await h
      .http()
      .delete(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(204);
    await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(404);
    expect(await store.get(endpointId)).toBeNull();
    expect(await store.cursor(endpointId)).toBeNull();
  });

  it('shows the delivery log newest first, in pages', async () => {
    const created = await h
      .http()
      .post('/api/v1/webhooks')
      .set(await asAdmin())
      .send(body)
      .expect(201);
    const { endpointId } = created.body;
    const cursor = (await store.cursor(endpointId))!;
    for (let n = 1; n <= 3; n++)
      await store.recordAttempt(
        {
          endpointId,
          eventId: `su-kien-${n}`,
          eventType: 'activity.conference-held.v1',
          position: String(n),
          attempt: 1,
          at: new Date(Date.UTC(2026, 2, 2, 3, 0, n)),
          status: n === 2 ? 500 : 200,
          latencyMs: 8,
          outcome: n === 2 ? 'failed' : 'delivered',
          error: null,
          response: n === 2 ? 'Internal Server Error' : 'ok',
        },
        cursor,
      );
    const first = await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}/deliveries?limit=2`)
      .set(await asAdmin())
      .expect(200);
    expect(schemaErrors(DeliveriesPage, first.body)).toEqual([]);
    expect(first.body.items.map((a: { eventId: string }) => a.eventId)).toEqual(['su-kien-3', 'su-kien-2']);
    expect(first.body.items[1]).toMatchObject({ status: 500, outcome: 'failed', response: 'Internal Server Error' });
    const rest = await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}/deliveries?limit=2&before=${first.body.next}`)
      .set(await asAdmin())
      .expect(200);
    expect(rest.body).toMatchObject({ items: [{ eventId: 'su-kien-1' }], next: null });
    await h
      .http()
      .delete(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(204);
  });

  it('refuses units outside the grant, and others than integration admins, writing nothing', async () => {
    const before = await endpointsStored();
    const outside = await h
      .http()
      .post('/api/v1/webhooks')
      .set(await asAdmin())
      .send({ ...body, unitIds: ['new-phuong-ninh-kieu', 'so-noi-vu'] })
      .expect(404);
    expect(outside.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const who of ['tanan-reporter', 'sonv-coordinator', 'city-viewer']) {
      const refused = await h
        .http()
        .post('/api/v1/webhooks')
        .set(await as(who))
        .send(body)
        .expect(403);
      expect(refused.body).toMatchObject({ type: '/problems/not-permitted', status: 403 });
      await h
        .http()
        .get('/api/v1/webhooks')
        .set(await as(who))
        .expect(403);
    }
    expect(await endpointsStored()).toBe(before);
  });

  it("hides one admin's endpoints from an admin of another unit", async () => {
    const mine = await h
      .http()
      .post('/api/v1/webhooks')
      .set(await asAdmin())
      .send(body)
      .expect(201);
    const other = await as('tichhop-caikhe');
    const { endpointId } = mine.body;
    expect((await h.http().get('/api/v1/webhooks').set(other).expect(200)).body.items).toEqual([]);
    await h
      .http()
      .get(`/api/v1/webhooks/${endpointId}`)
      .set(other)
      .expect(404)
      .expect((r) => expect(r.body.type).toBe('/problems/webhook-not-found'));
    await h.http().delete(`/api/v1/webhooks/${endpointId}`).set(other).expect(404);
    await h.http().post(`/api/v1/webhooks/${endpointId}/secret-rotation`).set(other).expect(404);
    await h.http().get(`/api/v1/webhooks/${endpointId}/deliveries`).set(other).expect(404);
    await h
      .http()
      .delete(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(204);
  });

  it('answers a bad body with 400 naming the field, storing nothing', async () => {
    const before = await endpointsStored();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, url: 'ftp://cantho.gov.vn/x' }, 'url must be'],
      [{ ...body, unitIds: [] }, 'unitIds'],
      [{ ...body, colour: 'xanh' }, 'colour'],
      [{ ...body, eventTypes: ['khong-co-loai.'] }, 'eventTypes[0] "khong-co-loai." is the start of no event type'],
      [{ ...body, categories: ['audit', 'khong-co'] }, 'categories[1] "khong-co" is not a category'],
      [{ ...body, startFrom: 'yesterday' }, 'startFrom'],
      [{ url: RECEIVER, unitIds: ['new-phuong-ninh-kieu'] }, 'description'],
    ];
    for (const [sent, field] of cases) {
      const res = await h
        .http()
        .post('/api/v1/webhooks')
        .set(await asAdmin())
        .send(sent)
        .expect(400);
      expect(res.body.type).toBe('/problems/validation-failed');
      expect(res.body.errors.join('\n')).toContain(field);
    }
    expect(await endpointsStored()).toBe(before);
  });

  it('refuses a metadata receiver even with private receivers allowed, and a start beyond the head (422, nothing stored)', async () => {
    const before = await endpointsStored();
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/latest/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://admin:matkhau@127.0.0.1:9/hooks',
    ]) {
      const res = await h
        .http()
        .post('/api/v1/webhooks')
        .set(await asAdmin())
        .send({ ...body, url })
        .expect(422);
      expect(res.body).toMatchObject({ type: '/problems/receiver-refused', status: 422 });
      expect(res.body.detail).toContain(url);
    }
    await h
      .http()
      .post('/api/v1/webhooks')
      .set(await asAdmin())
      .send({ ...body, startFrom: '99999999' })
      .expect(422)
      .expect((r) => expect(r.body.type).toBe('/problems/invalid-webhook'));
    expect(await endpointsStored()).toBe(before);
  });

  it('refuses a change to a refused receiver, leaving the endpoint as it was', async () => {
    const created = await h
      .http()
      .post('/api/v1/webhooks')
      .set(await asAdmin())
      .send(body)
      .expect(201);
    const { endpointId } = created.body;
    await h
      .http()
      .patch(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .send({ url: 'http://169.254.169.254/latest/' })
      .expect(422);
    await h
      .http()
      .patch(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .send({ unitIds: ['so-noi-vu'] })
      .expect(404);
    await h
      .http()
      .patch(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .send({})
      .expect(400);
    expect((await store.get(endpointId))!).toMatchObject({ url: RECEIVER, unitIds: ['new-phuong-ninh-kieu'] });
    await h
      .http()
      .delete(`/api/v1/webhooks/${endpointId}`)
      .set(await asAdmin())
      .expect(204);
  });
});
