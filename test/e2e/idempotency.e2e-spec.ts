import type { Request } from 'express';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { obligationStream } from '@gl/domain';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '@gl/read-models';
import { describeWrite, IDEMPOTENCY_LEASE_MS } from '@gl/platform';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const TAN_AN = `${PLAN}.II.1.d.ninh-kieu-tan-an`;
const AN_HOA = `${PLAN}.II.1.d.ninh-kieu-an-hoa`;
const PROBLEM = /application\/problem\+json/;

describe('Idempotency-Key over HTTP (draft-ietf-httpapi-idempotency-key-header)', () => {
  const clock = new FixedClock('2023-11-01T03:00:00.000Z');
  let h: Harness;
  const tokens: Record<string, string> = {};
  const as = (userId: string) => ({ Authorization: `Bearer ${tokens[userId]}` });
  const events = () => h.app.get<EventStore>(EVENT_STORE);
  const head = () => events().headPosition();
  const progress = (key: string, body: object, { who = 'tanan-reporter', obligation = TAN_AN } = {}) =>
    h.http().post(`/api/v1/obligations/${obligation}/progress`).set(as(who)).set('Idempotency-Key', key).send(body);
  /** Progress events with this note: how many times a request was recorded. */
  const recorded = async (note: string, obligation = TAN_AN) =>
    (await events().readStream(obligationStream(obligation))).filter(
      (e) => e.type === 'obligation.progress-updated.v1' && (e.data as { note: string }).note === note,
    ).length;

  beforeAll(async () => {
    h = await startApi({}, clock);
    for (const u of ['tanan-reporter', 'anhoa-reporter']) tokens[u] = await h.token(u);
  });
  afterAll(() => h.close());

  it('answers the same request again with the first answer, recording nothing; key order and Unicode form do not matter', async () => {
    const note = 'Đã chuẩn bị tài liệu hội nghị';
    const first = await progress('same-1', { percent: 30, note }).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await head();
    const again = await progress('same-1', { note: note.normalize('NFD'), percent: 30 }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await head()).toBe(before);
    expect(await recorded(note)).toBe(1);
  });

  it('refuses the same key with another body or on another operation (422), writing nothing', async () => {
    await progress('reused-1', { percent: 30, note: 'ba mươi' }).expect(201);
    const before = await head();
    const other = await progress('reused-1', { percent: 90, note: 'ba mươi' }).expect(422);
    expect(other.headers['content-type']).toMatch(PROBLEM);
    expect(other.body).toMatchObject({ type: '/problems/idempotency-key-reused', status: 422, mismatch: 'body' });
    const elsewhere = await h
      .http()
      .post(`/api/v1/obligations/${TAN_AN}/acknowledgement`)
      .set(as('tanan-reporter'))
      .set('Idempotency-Key', 'reused-1')
      .send({})
      .expect(422);
    expect(elsewhere.body).toMatchObject({ type: '/problems/idempotency-key-reused', mismatch: 'operation' });
    expect((await h.http().get('/health/ready').expect(200)).body.info.eventStore.headPosition).toBe(before);
    expect(await head()).toBe(before);
  });

  it('runs one of several concurrent requests with one key: the other gets the same answer or 409, and one event is written', async () => {
    const body = { percent: 45, note: 'đồng thời' };
    const answers = await Promise.all([progress('race-1', body), progress('race-1', body), progress('race-1', body)]);
    const ran = answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] === undefined);
    expect(ran).toHaveLength(1);
    for (const a of answers.filter((x) => x !== ran[0])) {
      if (a.status === 201) expect(a.body).toEqual(ran[0].body);
      else {
        expect(a.status).toBe(409);
        expect(a.headers['retry-after']).toBe('1');
        expect(a.body).toMatchObject({ type: '/problems/idempotency-key-in-use', status: 409 });
      }
    }
    expect(await recorded('đồng thời')).toBe(1);
    const later = await progress('race-1', body).expect(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps keys per user: another user may use the same key', async () => {
    const mine = await progress('shared-1', { percent: 10, note: 'của Tân An' }).expect(201);
    const theirs = await progress(
      'shared-1',
      { percent: 20, note: 'của An Hòa' },
      { who: 'anhoa-reporter', obligation: AN_HOA },
    ).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.stream).not.toBe(mine.body.stream);
    expect(await recorded('của An Hòa', AN_HOA)).toBe(1);
  });

  it('frees the key of a refused request (4xx), so a corrected request may use it', async () => {
    await progress('fix-1', { percent: 150, note: 'quá' }).expect(400);
    await progress('fix-1', { percent: 15, note: 'ngoài phạm vi' }, { obligation: AN_HOA }).expect(404);
    const fixed = await progress('fix-1', { percent: 15, note: 'đã sửa' }).expect(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await recorded('đã sửa')).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const res = await progress('has space', { percent: 1, note: 'x' }).expect(400);
    expect(res.body.detail).toMatch(/Idempotency-Key must be/);
  });

  it('answers 409 while a crashed process holds the key, and lets it go after the lease', async () => {
    const body = { percent: 55, note: 'sau sự cố' };
    const { operation, fingerprint } = describeWrite({
      method: 'POST',
      route: { path: '/api/v1/obligations/:id/progress' },
      params: { id: TAN_AN },
      body,
    } as unknown as Request);
    const now = clock.now().getTime();
    await h.app.get<IdempotencyStore>(IDEMPOTENCY_STORE).begin({
      userId: 'tanan-reporter',
      key: 'crash-1',
      operation,
      fingerprint,
      owner: 'a process that died',
      createdAt: new Date(now),
      leaseUntil: new Date(now + IDEMPOTENCY_LEASE_MS),
      expiresAt: new Date(now + 86_400_000),
    });
    const before = await head();
    const blocked = await progress('crash-1', body).expect(409);
    expect(blocked.body.type).toBe('/problems/idempotency-key-in-use');
    expect(await head()).toBe(before);
    clock.advance(IDEMPOTENCY_LEASE_MS);
    await progress('crash-1', body).expect(201);
    expect(await recorded('sau sự cố')).toBe(1);
  });

  it('forgets a key after IDEMPOTENCY_TTL_SECONDS (24 h): then it is new again, also with another body', async () => {
    await progress('ttl-1', { percent: 60, note: 'trước' }).expect(201);
    clock.advance(86_400_000 - 1000);
    await progress('ttl-1', { percent: 70, note: 'sau' }).expect(422);
    clock.advance(1000);
    const before = await head();
    const fresh = await progress('ttl-1', { percent: 70, note: 'sau' }).expect(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(fresh.body.position).not.toBe(before);
    expect(await recorded('sau')).toBe(1);
  });

  it('documents the header and the 409 and 422 answers on every write, and on no read', async () => {
    const doc = (await h.http().get('/docs-json').expect(200)).body;
    let writes = 0;
    for (const [path, item] of Object.entries(
      doc.paths as Record<
        string,
        Record<string, { parameters?: { $ref?: string; name?: string }[]; responses: Record<string, unknown> }>
      >,
    )) {
      for (const [method, op] of Object.entries(item)) {
        const documented = (op.parameters ?? []).some(
          (p) => p.$ref === '#/components/parameters/IdempotencyKey' || p.name === 'Idempotency-Key',
        );
        if (['post', 'put', 'patch', 'delete'].includes(method)) {
          writes++;
          expect({ path, method, documented, 409: !!op.responses['409'], 422: !!op.responses['422'] }).toEqual({
            path,
            method,
            documented: true,
            409: true,
            422: true,
          });
        } else {
          expect({ path, method, documented }).toEqual({ path, method, documented: false });
        }
      }
    }
    expect(writes).toBeGreaterThan(40);
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
  });
});
