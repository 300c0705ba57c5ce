import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { loadConfig } from '@gl/platform';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';

describe('API foundation over HTTP (embedded SQLite)', () => {
  let app: NestExpressApplication;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-e2e-'));
    app = await createApiApp(
      loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test', SEED_ON_EMPTY: 'false' }),
    );
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers liveness', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready when the event store answers, and says where the log is', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up', headPosition: '0' } } });
  });

  it('is not ready when the event store is gone', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const ping = jest.spyOn(store, 'ping').mockRejectedValueOnce(new Error('disk unplugged'));
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body.status).toBe('error');
    expect(res.body.error.eventStore).toEqual({ status: 'down', message: 'disk unplugged' });
    ping.mockRestore();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.info.title).toBe('Grassroots Ledger API');
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    const ui = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('documents Idempotency-Key on every write and on no read, and only the parameters an operation reads', async () => {
    const doc = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { parameters?: { name?: string; $ref?: string }[] }>>,
    ).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    const takesKey = ({ op }: { op: { parameters?: { name?: string; $ref?: string }[] } }) =>
      (op.parameters ?? []).some(
        (p) => p.$ref === '#/components/parameters/IdempotencyKey' || p.name?.toLowerCase() === 'idempotency-key',
      );
    const writes = operations.filter((o) => ['post', 'put', 'patch', 'delete'].includes(o.method));
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.filter((o) => !takesKey(o)).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(operations.filter((o) => o.method === 'get' && takesKey(o)).map((o) => o.path)).toEqual([]);
    const names = (path: string) => (doc.paths[path].get.parameters as { name: string }[]).map((p) => p.name);
    expect(names('/api/v1/events/stream')).not.toContain('limit');
    expect(names('/api/v1/audit/export.csv')).not.toContain('limit');
    expect(names('/api/v1/events')).toContain('limit');
  });

  it('documents what every read of the tree, the people, the audit trail and the dashboards answers', async () => {
    const doc = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
    const reads = [
      '/api/v1/units',
      '/api/v1/units/tree',
      '/api/v1/units/{id}',
      '/api/v1/units/{id}/lineage',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/me',
      '/api/v1/events',
      '/api/v1/event-types',
      '/api/v1/audit/events',
      '/api/v1/audit/streams/{stream}',
      '/api/v1/audit/verify',
      '/api/v1/audit/seal-key',
      '/api/v1/audit/seals/latest',
      '/api/v1/audit/read-models/{collection}/{id}',
      '/api/v1/dashboards/{unitId}',
      '/api/v1/projections',
    ];
    for (const path of reads)
      expect([path, doc.paths[path].get.responses[200].content['application/json'].schema]).toEqual([
        path,
        expect.objectContaining({ type: 'object' }),
      ]);
    // The tree has no fixed depth: its node is a component that refers to itself.
    expect(doc.components.schemas.UnitTreeNode.properties.children.items).toEqual({
      $ref: '#/components/schemas/UnitTreeNode',
    });
    expect(JSON.stringify(doc)).not.toContain('"$id"');
  });

  it('answers an unknown route with problem+json', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      instance: '/api/v1/nothing-here',
    });
  });

  it('answers malformed JSON with problem+json, before any handler runs', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send('{"name": "Cần Thơ",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/malformed-json', status: 400 });
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(1100 * 1024) }))
      .expect(413);
    expect(res.body).toMatchObject({ type: '/problems/body-too-large', status: 413 });
  });

  it('sets security headers', async () => {
    const res = await request(app.getHttpServer()).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('API shutdown', () => {
  it('closes the event store when the application closes (SIGTERM path)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gl-e2e-'));
    const app = await createApiApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' }));
    await app.init();
    const { RAW_EVENT_STORE } = await import('@gl/platform');
    const raw = app.get(RAW_EVENT_STORE) as { db: { open: boolean } };
    expect(raw.db.open).toBe(true);
    await app.close();
    expect(raw.db.open).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
