import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';

const OBLIGATION = 'cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an';

/**
 * Issue 14, item 6: a resource's GET answers an ETag from its stream revision; a write under it
 * with If-Match is refused with 412 problem+json, writing nothing, once the stream has moved on.
 * Seen on main before: If-Match ignored, and 50 concurrent corrections of one activity all succeeded.
 */
describe('ETag and If-Match over HTTP', () => {
  let h: Harness;
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const progress = async (ifMatch: string | null, percent: number, key?: string) => {
    const req = h
      .http()
      .post(`/api/v1/obligations/${OBLIGATION}/progress`)
      .set(await as('tanan-reporter'));
    if (ifMatch !== null) req.set('If-Match', ifMatch);
    if (key) req.set('Idempotency-Key', key);
    return req.send({ percent, note: '' });
  };

  beforeAll(async () => {
    h = await startApi({ RATE_LIMIT_ENABLED: 'false' }, new FixedClock('2023-09-01T03:00:00.000Z'));
  });
  afterAll(() => h.close());

  it("answers a resource's GET with the ETag of its stream revision, and a write with the new one", async () => {
    const read = await h
      .http()
      .get(`/api/v1/obligations/${OBLIGATION}`)
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(read.headers.etag).toBe('"0"');
    const write = await progress('"0"', 10).then((r) => r);
    expect(write.status).toBe(201);
    expect(write.headers.etag).toBe('"1"');
    expect(
      (
        await h
          .http()
          .get(`/api/v1/obligations/${OBLIGATION}`)
          .set(await as('tanan-reporter'))
          .expect(200)
      ).headers.etag,
    ).toBe('"1"');
  });

  it('answers a revalidation with the current tag 304 and no body, and one with an older tag 200 (both documented)', async () => {
    const get = async (tag: string) =>
      h
        .http()
        .get(`/api/v1/obligations/${OBLIGATION}`)
        .set(await as('tanan-reporter'))
        .set('If-None-Match', tag);
    const current = (await get('"x"')).headers.etag as string;
    const same = await get(current);
    expect(same.status).toBe(304);
    expect(same.text).toBeFalsy();
    expect((await get('"0"')).status).toBe(current === '"0"' ? 304 : 200);
  });

  it('refuses a write whose If-Match is stale with 412 problem+json, writing nothing', async () => {
    const before = await head();
    const res = await progress('"0"', 20);
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/precondition-failed', currentETag: '"1"' });
    expect(await head()).toBe(before);
  });

  it('answers a retried write with its first answer, though its If-Match is stale by now', async () => {
    const first = await progress('"1"', 30, 'progress-30');
    expect(first.status).toBe(201);
    const again = await progress('"1"', 30, 'progress-30');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });

  it('takes "*" for a resource that exists, refuses a weak or listed tag (412) and a malformed one (400)', async () => {
    expect((await progress('*', 40)).status).toBe(201);
    const before = await head();
    expect((await progress('W/"3"', 50)).status).toBe(412);
    expect((await progress('"3", "4"', 50)).status).toBe(412);
    const bad = await progress('3', 50);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/If-Match/);
    const missing = await h
      .http()
      .post('/api/v1/obligations/cantho-2023-ldcs.II.1.d.khong-co/progress')
      .set(await as('sonv-coordinator'))
      .set('If-Match', '*')
      .send({ percent: 1, note: '' });
    expect(missing.status).toBe(412);
    expect(await head()).toBe(before);
  });

  it('lets exactly one of 50 concurrent corrections with the same If-Match through (observed: all 50, the last one winning)', async () => {
    const created = await h
      .http()
      .post('/api/v1/activities/conference')
      .set(await as('tanan-reporter'))
      .send({
        activityId: 'hn-etag',
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: {
          level: 'commune',
          heldOn: '2023-08-15',
          place: 'Hội trường',
          chairedBy: 'Chủ tịch UBND phường',
          participants: { cadres: 10 },
          evidence: null,
        },
      })
      .expect(201);
    await h.settle();
    const read = await h
      .http()
      .get('/api/v1/activities/conference/hn-etag')
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(read.headers.etag).toBe(`"${created.body.revision}"`);
    const auth = await as('tanan-reporter');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h
          .http()
          .post('/api/v1/activities/conference/hn-etag/correction')
          .set(auth)
          .set('If-Match', read.headers.etag)
          .send({ changes: { place: `Hội trường ${i + 1}` }, reason: 'Sửa địa điểm' }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const stream = await h.app.get<EventStore>(EVENT_STORE).readStream('conference-hn-etag');
    expect(stream.filter((e) => e.type === 'activity.corrected.v1')).toHaveLength(1);
  });

  it('refuses If-Match on a write that addresses no resource with an ETag (400), writing nothing', async () => {
    const before = await head();
    const res = await h
      .http()
      .post('/api/v1/plans')
      .set(await as('sonv-coordinator'))
      .set('If-Match', '"0"')
      .send({});
    expect(res.status).toBe(400);
    expect(await head()).toBe(before);
  });

  it('documents the ETag, If-Match and 412 in OpenAPI, and every error of every operation as problem+json', async () => {
    const doc = (await h.http().get('/docs-json').expect(200)).body;
    expect(doc.paths['/api/v1/obligations/{id}'].get.responses['200'].headers.ETag).toBeDefined();
    const progressOp = doc.paths['/api/v1/obligations/{id}/progress'].post;
    expect(progressOp.parameters).toContainEqual({ $ref: '#/components/parameters/IfMatch' });
    expect(progressOp.responses['412']).toEqual({ $ref: '#/components/responses/PreconditionFailed' });
    expect(doc.paths['/api/v1/plans'].post.parameters ?? []).not.toContainEqual({
      $ref: '#/components/parameters/IfMatch',
    });
    for (const [path, item] of Object.entries<
      Record<string, { responses: Record<string, { content?: Record<string, unknown>; $ref?: string }> }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const errors = Object.entries(op.responses).filter(([status]) => status >= '400');
        expect([`${method} ${path}`, errors.length > 0]).toEqual([`${method} ${path}`, true]);
        // Readiness answers terminus's own JSON (a probe's body, not an error of the API).
        for (const [status, r] of errors)
          if (!r.$ref && !path.startsWith('/health'))
            expect([`${method} ${path} ${status}`, Object.keys(r.content ?? {})]).toEqual([
              `${method} ${path} ${status}`,
              ['application/problem+json'],
            ]);
      }
    }
  });
});
