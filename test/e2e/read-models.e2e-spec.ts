import { EVENT_STORE, EventStore, NO_STREAM } from '@gl/event-store';
import { READ_STORE, ReadStore } from '@gl/read-models';
import { schemaErrors } from '@gl/platform';
import { newEvent } from '@gl/testing';
import { ProjectionsAnswer } from '../../apps/api/src/operations/projections.responses';
import { Harness, startApi } from './support/api-harness';

describe('read models in the api process (embedded mode)', () => {
  let h: Harness;
  let auth: string;

  beforeAll(async () => {
    h = await startApi({ READ_WAIT_MAX_MS: '3000' });
    auth = `Bearer ${await h.token('auditor')}`;
  });
  afterAll(() => h.close());

  it('runs the projections on start and reports them ready', async () => {
    const res = await h.http().get('/health/ready').expect(200);
    expect(res.body.info.projections).toMatchObject({
      status: 'up',
      'stream-catalogue': { generation: 1, lagEvents: 0 },
    });
  });

  it('lets a client read its own write: waits for the position, then answers', async () => {
    const events = h.app.get<EventStore>(EVENT_STORE);
    const written = await events.appendToStream(
      'note-cantho2023',
      [newEvent('note.written.v1', { text: 'Ghi chú 1' }), newEvent('note.amended.v1', { reason: 'Bổ sung nhiệm vụ' })],
      NO_STREAM,
    );
    const res = await h
      .http()
      .get('/api/v1/projections')
      .set('Authorization', auth)
      .set('X-Wait-For-Position', written.position)
      .expect(200);
    expect(schemaErrors(ProjectionsAnswer, res.body)).toEqual([]);
    const catalogue = res.body.items.find((p: { name: string }) => p.name === 'stream-catalogue');
    expect(BigInt(catalogue.live.position)).toBeGreaterThanOrEqual(BigInt(written.position));
    const doc = await h.app.get<ReadStore>(READ_STORE).get('stream-catalogue', 'note-cantho2023');
    expect(doc).toMatchObject({ events: 2, lastType: 'note.amended.v1', category: 'note' });
  });

  it('answers 503 problem+json with Retry-After when the position is not reached in time', async () => {
    const res = await h
      .http()
      .get('/api/v1/projections')
      .set('Authorization', auth)
      .set('X-Wait-For-Position', '999999999')
      .set('X-Wait-Timeout-Ms', '50')
      .expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({ type: '/problems/read-model-behind', status: 503, position: '999999999' });
  });

  it.each([
    ['X-Wait-For-Position', 'yesterday', '/problems/invalid-position'],
    ['X-Wait-For-Position', '-5', '/problems/invalid-position'],
  ])('refuses %s: %s with 400', async (header, value, type) => {
    const res = await h.http().get('/api/v1/projections').set('Authorization', auth).set(header, value).expect(400);
    expect(res.body).toMatchObject({ type, status: 400 });
  });

  it('refuses a wait timeout that is not a whole number of milliseconds', async () => {
    const res = await h
      .http()
      .get('/api/v1/projections')
      .set('Authorization', auth)
      .set('X-Wait-For-Position', '1')
      .set('X-Wait-Timeout-Ms', 'soon')
      .expect(400);
    expect(res.body.detail).toContain('x-wait-timeout-ms');
  });

  it('exposes checkpoints and lag as Prometheus metrics', async () => {
    const res = await h.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/gl_projection_lag_events\{projection="stream-catalogue",generation="1"\} 0/);
    expect(res.text).toMatch(/gl_projection_lag_seconds\{projection="stream-catalogue",generation="1"\} 0/);
    expect(res.text).toMatch(/gl_event_store_head_position \d+/);
  });

  it('has its read models back after a restart, and counts nothing twice', async () => {
    await h.restart();
    auth = `Bearer ${await h.token('auditor')}`;
    const events = h.app.get<EventStore>(EVENT_STORE);
    const more = await events.appendToStream(
      'note-cantho2023',
      [newEvent('note.amended.v1', { reason: 'Gia hạn' })],
      1,
    );
    await h
      .http()
      .get('/api/v1/projections')
      .set('Authorization', auth)
      .set('X-Wait-For-Position', more.position)
      .expect(200);
    expect(await h.app.get<ReadStore>(READ_STORE).get('stream-catalogue', 'note-cantho2023')).toMatchObject({
      events: 3,
    });
  });
});
