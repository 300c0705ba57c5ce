import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import type { EventWithSubjects } from '@gl/application';
import { EVENT_STORE, EventStore, RecordedEvent } from '@gl/event-store';
import { SealScheduler, TokenService } from '@gl/platform';
import { ProjectionEngine } from '@gl/read-models';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const TAN_AN_CONFERENCE = `${PLAN}.II.1.d.ninh-kieu-tan-an`;

/** Opens the SSE stream and collects its blocks until the server ends it (or `ms` pass). */
const sseUntilEnd = (port: number, token: string, ms: number, onOpen: () => Promise<void>) =>
  new Promise<{ ended: boolean; blocks: string[] }>((resolve, reject) => {
    const blocks: string[] = [];
    let buffer = '';
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/events/stream?types=obligation.reminded',
        headers: { Authorization: `Bearer ${token}` },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) !== -1) {
            blocks.push(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ ended: true, blocks });
        });
        void onOpen().catch(reject);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ ended: false, blocks });
    }, ms);
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    req.end();
  });

describe('the record names its units, and rights take effect at once', () => {
  let h: Harness;
  let port: number;
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const post = async (who: string, path: string, body: object = {}, status = 201) => {
    const r = await h
      .http()
      .post(`/api/v1/${path}`)
      .set(await as(who))
      .send(body);
    expect([r.status, path]).toEqual([status, path]);
    return r.body;
  };
  const feed = async (who: string, query: string): Promise<EventWithSubjects[]> => {
    await h.settle();
    return (
      await h
        .http()
        .get(`/api/v1/events?limit=1000&${query}`)
        .set(await as(who))
        .expect(200)
    ).body.items;
  };
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    h = await startApi({ SSE_HEARTBEAT_MS: '100' });
    await h.app.listen(0, '127.0.0.1');
    port = (h.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => h.close());

  it("files Sở Nội vụ's guidance on An Hòa's difficulty under An Hòa, in the audit trail and An Hòa's feed", async () => {
    await post('anhoa-reporter', 'activities/difficulty', {
      activityId: 'an-hoa-vuong-mac',
      unitId: 'ninh-kieu-an-hoa',
      year: 2023,
      details: { title: 'Chưa rõ cách lấy ý kiến', description: 'Đề nghị hướng dẫn', raisedOn: '2023-10-05' },
    });
    const g = await post('sonv-coordinator', 'activities/difficulty/an-hoa-vuong-mac/steps/guidance', {
      details: { guidance: 'Theo Điều 25 của Luật', on: '2023-10-12' },
    });
    const audit = (
      await h
        .http()
        .get('/api/v1/audit/events?unitId=ninh-kieu-an-hoa&types=difficulty.&limit=100')
        .set(await as('auditor'))
        .expect(200)
    ).body.items;
    expect(audit.map((e: RecordedEvent) => e.type)).toEqual(['difficulty.raised.v1', 'difficulty.guidance-given.v1']);
    const mine = await feed('anhoa-reporter', 'types=difficulty.');
    expect(mine.find((e) => e.position === g.position)).toMatchObject({
      metadata: { actor: { userId: 'sonv-coordinator', unitId: 'so-noi-vu' }, subjectUnitIds: ['ninh-kieu-an-hoa'] },
      subjectUnitIds: ['ninh-kieu-an-hoa'],
    });
    expect(await feed('tanan-reporter', 'types=difficulty.')).toEqual([]);
  });

  it("brings the coordinator's acknowledgement, progress and reminders on Tân An's obligation to Tân An's feed", async () => {
    await post('sonv-coordinator', `obligations/${TAN_AN_CONFERENCE}/acknowledgement`);
    await post('sonv-coordinator', `obligations/${TAN_AN_CONFERENCE}/progress`, {
      percent: 20,
      note: 'Sở Nội vụ ghi nhận',
    });
    await post('sonv-coordinator', `obligations/${TAN_AN_CONFERENCE}/reminders`, {
      message: 'Đề nghị khẩn trương tổ chức hội nghị',
    });
    const types = (await feed('tanan-reporter', 'categories=obligation'))
      .filter((e) => e.stream === `obligation-${TAN_AN_CONFERENCE}`)
      .map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'obligation.acknowledged.v1',
        'obligation.progress-updated.v1',
        'obligation.reminded.v1',
      ]),
    );
    const audit = (
      await h
        .http()
        .get(`/api/v1/audit/events?unitId=ninh-kieu-tan-an&stream=obligation-${TAN_AN_CONFERENCE}&limit=100`)
        .set(await as('auditor'))
        .expect(200)
    ).body.items;
    expect(audit).toHaveLength(4);
    expect(
      (
        await h
          .http()
          .get('/api/v1/audit/events?unitId=so-noi-vu&types=obligation.reminded&limit=100')
          .set(await as('auditor'))
          .expect(200)
      ).body.items,
    ).toEqual([]);
  });

  it("shows the city's integration client the tree, the plan, the reporting regimes and periods, and the seals", async () => {
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-units', year: 2023 });
    await h.app.get(SealScheduler).sealNow();
    const types = new Set(
      (await feed('integration-portal', 'types=units.&types=plan.&types=reporting.&types=audit.')).map((e) => e.type),
    );
    for (const t of [
      'units.merged.v1',
      'units.level-abolished.v1',
      'plan.issued.v1',
      'plan.task-added.v1',
      'reporting.regime-defined.v1',
      'reporting.period-opened.v1',
      'audit.sealed.v1',
    ]) {
      expect([t, types.has(t)]).toEqual([t, true]);
    }
  });

  it("refuses a revoked person's writes at once, even those racing the revocation", async () => {
    await post('sonv-coordinator', 'users', {
      userId: 'race-reporter',
      displayName: 'Người thử',
      unitId: 'ninh-kieu-tan-an',
      from: '2023-06-01T00:00:00+07:00',
    });
    await post('sonv-coordinator', 'users/race-reporter/grants', {
      role: 'unit-reporter',
      unitId: 'ninh-kieu-tan-an',
      from: '2023-06-01T00:00:00+07:00',
    });
    await h.settle();
    const auth = await as('race-reporter');
    // The read models stand still, as a lagging projection would: rights must come from the log.
    const engine = h.app.get(ProjectionEngine);
    await engine.stop();
    const writes = Array.from({ length: 12 }, (_, i) =>
      h
        .http()
        .post(`/api/v1/obligations/${PLAN}.II.4.ninh-kieu-tan-an/progress`)
        .set(auth)
        .send({ percent: i + 1, note: `lần ${i}` }),
    );
    const revoked = post('sonv-coordinator', 'users/race-reporter/revocations', {
      role: 'unit-reporter',
      unitId: 'ninh-kieu-tan-an',
      reason: 'Chuyển công tác',
    });
    const [revocation, ...answers] = await Promise.all([revoked, ...writes]);
    expect(answers.every((a) => [201, 403, 404].includes(a.status))).toBe(true);
    const theirs = (
      await h
        .http()
        .get('/api/v1/audit/events?actorId=race-reporter&limit=100')
        .set(await as('auditor'))
        .expect(200)
    ).body.items as RecordedEvent[];
    expect(theirs.length).toBe(answers.filter((a) => a.status === 201).length);
    expect(theirs.filter((e) => BigInt(e.position) > BigInt(revocation.position))).toEqual([]);
    // Right after the revocation, before any projection has caught up, nothing more is written.
    const before = await head();
    const again = await h
      .http()
      .post(`/api/v1/obligations/${PLAN}.II.4.ninh-kieu-tan-an/progress`)
      .set(auth)
      .send({ percent: 50, note: 'sau khi thu hồi' });
    expect(again.status).toBeGreaterThanOrEqual(403);
    expect(await head()).toBe(before);
    engine.start();
    await h.settle();
  });

  it('ends an open event stream, with a last event saying why, when the grant is revoked', async () => {
    await post('sonv-coordinator', 'users', {
      userId: 'sse-viewer',
      displayName: 'Người xem',
      unitId: 'ninh-kieu',
      from: '2023-06-01T00:00:00+07:00',
    });
    await post('sonv-coordinator', 'users/sse-viewer/grants', {
      role: 'viewer',
      unitId: 'ninh-kieu',
      from: '2023-06-01T00:00:00+07:00',
    });
    await h.settle();
    const token = await h.token('sse-viewer');
    const r = await sseUntilEnd(port, token, 10_000, async () => {
      await post('sonv-coordinator', 'users/sse-viewer/revocations', {
        role: 'viewer',
        unitId: 'ninh-kieu',
        reason: 'Hết nhiệm vụ',
      });
    });
    expect(r.ended).toBe(true);
    expect(r.blocks[r.blocks.length - 1]).toBe('event: end\ndata: {"reason":"grant-revoked"}');
  });

  it('ends an open event stream when its token expires', async () => {
    const token = await h.app.get(TokenService).sign('city-viewer', 2);
    const started = Date.now();
    const r = await sseUntilEnd(port, token, 10_000, async () => undefined);
    expect(r.ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(r.blocks[r.blocks.length - 1]).toBe('event: end\ndata: {"reason":"token-expired"}');
  });
});
