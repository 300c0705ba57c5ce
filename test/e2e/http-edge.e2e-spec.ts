import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';
import { DAY } from './support/write-fixtures';

const PROBLEM = /^application\/problem\+json/;
const U64_MAX = '18446744073709551615';

/**
 * Issue 14, item 3: hostile input at the HTTP edge answers a 4xx problem+json, never a 5xx, and
 * writes nothing. Each case shows its answer and the log's head where it was.
 */
describe('the HTTP edge under hostile input', () => {
  let h: Harness;
  let coordinator: string;
  let auditor: string;
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const get = (path: string, token = coordinator) => h.http().get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    h = await startApi({ SEAL_INTERVAL_MS: '0' }, new FixedClock(DAY));
    coordinator = await h.token('sonv-coordinator');
    auditor = await h.token('auditor');
  });
  afterAll(() => h.close());

  describe('log positions are unsigned 64-bit, everywhere a caller sends one', () => {
    it('reads an empty page after any position up to 2^64 - 1, and resumes where it was asked', async () => {
      for (const after of ['9223372036854775807', '9223372036854775808', U64_MAX]) {
        const res = await get(`/api/v1/events?after=${after}`).expect(200);
        expect(res.body).toMatchObject({ items: [], next: after });
        await get(`/api/v1/events?after=${after}&categories=obligation`).expect(200);
        await get(`/api/v1/audit/events?after=${after}`, auditor).expect(200);
      }
    });

    it('shows a dashboard and a read model as of a position beyond the head (everything recorded so far)', async () => {
      const res = await get(`/api/v1/dashboards/so-noi-vu?year=2023&asOfPosition=${U64_MAX}`).expect(200);
      expect(res.body.asOfPosition).toBe(U64_MAX);
      const doc = await get(`/api/v1/audit/read-models/units/so-noi-vu?asOfPosition=${U64_MAX}`, auditor);
      expect([200, 404]).toContain(doc.status);
    });

    it.each([
      ['/api/v1/events?after=18446744073709551616'],
      ['/api/v1/events?after=-1'],
      ['/api/v1/events?after=0x10'],
      ['/api/v1/events?after=1e3'],
      ['/api/v1/events?after=01'],
      ['/api/v1/events?after=%201'],
      ['/api/v1/dashboards/so-noi-vu?year=2023&asOfPosition=18446744073709551616'],
      ['/api/v1/dashboards/so-noi-vu?year=2023&asOfPosition=-5'],
      ['/api/v1/audit/read-models/units/so-noi-vu?asOfPosition=99999999999999999999'],
      ['/api/v1/audit/read-models/units/so-noi-vu?asOfPosition=abc'],
    ])('refuses %s with 400 problem+json', async (path) => {
      const before = await head();
      const res = await get(path, path.includes('/audit/') ? auditor : coordinator).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.type).toMatch(/^\/problems\/(invalid-position|validation-failed)$/);
      expect(res.body.detail).toMatch(/log position/);
      expect(await head()).toBe(before);
    });

    it('refuses X-Wait-For-Position of 2^64 with 400 problem+json', async () => {
      const res = await get('/api/v1/units').set('X-Wait-For-Position', '18446744073709551616').expect(400);
      expect(res.body).toMatchObject({ type: '/problems/invalid-position', status: 400 });
    });
  });
});
