import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LatestSealSchema } from '@gl/event-store';
import { SealScheduler, schemaErrors } from '@gl/platform';
import { RecordVerificationAnswer } from '../../apps/api/src/audit/audit.responses';
import { Harness, startApi } from './support/api-harness';

/** The seal JSON as a query parameter: base64url. */
const asPin = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('seals kept outside the system: seals/latest and a pinned verify over HTTP', () => {
  let h: Harness;
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const sqlite = () => new Database(join(h.dir, 'events.db'));
  const verifyAs = async (query = '') => {
    const { body } = await h
      .http()
      .get(`/api/v1/audit/verify${query}`)
      .set(await as('auditor'))
      .expect(200);
    expect(schemaErrors(RecordVerificationAnswer, body)).toEqual([]);
    return body;
  };

  beforeAll(async () => (h = await startApi()));
  afterAll(() => h.close());

  it('answers 404 problem+json before the first seal', async () => {
    const res = await h
      .http()
      .get('/api/v1/audit/seals/latest')
      .set(await as('auditor'))
      .expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/no-seal-yet', status: 404 });
  });

  it('names the gap when the last event of a stream is deleted and no seal covers it', async () => {
    expect(await verifyAs()).toMatchObject({ ok: true, gaps: { applies: true, firstGap: null }, seals: { seals: 0 } });
    const db = sqlite();
    const row = db
      .prepare("SELECT * FROM events WHERE stream = 'user-tanan-head' ORDER BY revision DESC LIMIT 1")
      .get() as Record<string, unknown>;
    db.prepare('DELETE FROM events WHERE position = ?').run(row.position);
    const broken = await verifyAs();
    expect(broken).toMatchObject({
      ok: false,
      firstBad: null,
      gaps: { firstGap: { from: String(row.position), to: String(row.position), atTail: false } },
    });
    // Put back as it was: the record holds again, for the tests below.
    db.prepare(
      `INSERT INTO events (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map(() => '?')
        .join(', ')})`,
    ).run(...Object.values(row));
    db.close();
    expect(await verifyAs()).toMatchObject({ ok: true });
  });

  it('gives the newest seal and a signed log head to auditors, the coordinator and integration clients', async () => {
    const sealed = (await h.app.get(SealScheduler).sealNow())!;
    const res = await h
      .http()
      .get('/api/v1/audit/seals/latest')
      .set(await as('auditor'))
      .expect(200);
    expect(schemaErrors(LatestSealSchema, res.body)).toEqual([]);
    expect(res.body).toEqual({
      seal: sealed,
      position: expect.stringMatching(/^\d+$/),
      revision: 0,
      head: {
        position: res.body.position,
        sealedUpTo: sealed.upTo,
        signedAt: expect.any(String),
        keyId: sealed.keyId,
        signature: expect.any(String),
      },
    });
    // A client checks the head as it would anywhere: canonical JSON of flat strings is their keys sorted.
    const { keyId, position, sealedUpTo, signedAt, signature } = res.body.head;
    const key = await h
      .http()
      .get('/api/v1/audit/seal-key')
      .set(await as('integration-portal'))
      .expect(200);
    const text = JSON.stringify({ keyId, position, sealedUpTo, signedAt });
    expect(
      verify(null, Buffer.from(text), createPublicKey(key.body.publicKeyPem), Buffer.from(signature, 'base64')),
    ).toBe(true);
    await h
      .http()
      .get('/api/v1/audit/seals/latest')
      .set(await as('integration-portal'))
      .expect(200);
    await h
      .http()
      .get('/api/v1/audit/seals/latest')
      .set(await as('sonv-coordinator'))
      .expect(200);
    const refused = await h
      .http()
      .get('/api/v1/audit/seals/latest')
      .set(await as('city-viewer'))
      .expect(403);
    expect(refused.body.type).toBe('/problems/not-permitted');
    await h
      .http()
      .get('/api/v1/audit/seals/latest')
      .set(await as('tanan-reporter'))
      .expect(403);
  });

  it('verifies with pins, and fails them once the newest seal is deleted, which plain verify passes', async () => {
    const answer = (
      await h
        .http()
        .get('/api/v1/audit/seals/latest')
        .set(await as('auditor'))
        .expect(200)
    ).body;
    const ok = await verifyAs(`?pin=${asPin(answer)}&pin=${asPin(answer.seal)}`);
    expect(ok).toMatchObject({
      ok: true,
      pins: [
        { ok: true, sealRevision: 0, headPosition: answer.head.position },
        { ok: true, headPosition: null },
      ],
    });
    const junk = await h
      .http()
      .get(`/api/v1/audit/verify?pin=${asPin({ seal: { after: '0' } })}`)
      .set(await as('auditor'))
      .expect(400);
    expect(junk.body).toMatchObject({
      type: '/problems/invalid-pin',
      detail: 'pin 1: seal: upTo must be a log position',
    });
    const forged = await verifyAs(`?pin=${asPin({ ...answer.seal, count: answer.seal.count - 1 })}`);
    expect(forged).toMatchObject({ ok: false, pins: [{ ok: false, problem: 'signature' }] });

    const db = sqlite();
    db.prepare("DELETE FROM events WHERE stream = 'seal-log'").run();
    // Deleted alone, the seal leaves a hole at the end of SQLite's numbering…
    expect(await verifyAs()).toMatchObject({ ok: false, gaps: { firstGap: { from: answer.position, atTail: true } } });
    // …which a careful forger closes: then nothing in the log itself shows that a seal went.
    db.prepare("UPDATE sqlite_sequence SET seq = (SELECT MAX(position) FROM events) WHERE name = 'events'").run();
    db.close();
    expect(await verifyAs()).toMatchObject({
      ok: true,
      firstBad: null,
      gaps: { firstGap: null },
      seals: { seals: 0, firstBad: null },
    });
    const pinned = await verifyAs(`?pin=${asPin(answer)}&pin=${asPin(answer.seal)}`);
    expect(pinned).toMatchObject({
      ok: false,
      pins: [
        {
          ok: false,
          problem: 'short',
          detail: expect.stringContaining(`before the pinned head ${answer.head.position}`),
        },
        { ok: false, problem: 'missing' },
      ],
    });
  });

  it('describes seals/latest and the pin of verify in OpenAPI', async () => {
    const doc = (await h.http().get('/docs-json').expect(200)).body;
    const answer = (path: string) => doc.paths[path].get.responses[200].content['application/json'].schema;
    expect(doc.paths['/api/v1/audit/seals/latest'].get.responses).toMatchObject({
      200: expect.anything(),
      404: expect.anything(),
    });
    expect(answer('/api/v1/audit/seals/latest')).toMatchObject({
      required: ['seal', 'position', 'revision', 'head'],
      properties: { seal: { required: expect.arrayContaining(['root', 'signature']) } },
    });
    expect(doc.paths['/api/v1/audit/verify'].get.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'pin',
          in: 'query',
          schema: expect.objectContaining({ type: 'array', maxItems: 20 }),
        }),
      ]),
    );
    expect(answer('/api/v1/audit/verify').properties.pins).toMatchObject({
      type: 'array',
      items: { required: expect.arrayContaining(['ok', 'problem', 'sealRevision']) },
    });
  });
});
