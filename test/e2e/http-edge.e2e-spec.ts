import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';
import { DAY } from './support/write-fixtures';

const PROBLEM = /^application\/problem\+json/;
const U64_MAX = '18446744073709551615';
const PROGRESS = 'obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-an-hoa/progress';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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
  const post = (path: string, body: string, type = 'application/json') =>
    h.http().post(`/api/v1/${path}`).set('Authorization', `Bearer ${coordinator}`).set('Content-Type', type).send(body);
  /** The answer is a problem of this type and status, and the log's head did not move. */
  const refused = async (
    send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }>,
    status: number,
    type: string,
  ) => {
    const before = await head();
    const res = await send();
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type });
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(await head()).toBe(before);
    return res;
  };

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

  describe('bodies', () => {
    const nested = (depth: number) => `{"percent":10,"note":${'['.repeat(depth - 1)}"x"${']'.repeat(depth - 1)}}`;

    it('refuses JSON nested 3,000 deep with 400, fast, before anything reads it', async () => {
      const started = Date.now();
      const res = await refused(() => post(PROGRESS, nested(3000)), 400, '/problems/too-deeply-nested');
      expect(res.body).toMatchObject({
        maxDepth: 32,
        detail: 'the body nests objects and arrays deeper than 32 levels',
      });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('reads a body at the depth limit, and refuses one level more', async () => {
      expect((await post(PROGRESS, nested(32))).body.type).toBe('/problems/validation-failed');
      await refused(() => post(PROGRESS, nested(33)), 400, '/problems/too-deeply-nested');
    });

    it.each([
      ['text/plain'],
      ['application/x-www-form-urlencoded'],
      ['application/json; charset=latin1'],
      ['application/xml'],
    ])('refuses a write sent as %s with 415', async (type) => {
      const res = await refused(() => post(PROGRESS, '{"percent":10}', type), 415, '/problems/unsupported-media-type');
      expect(res.body.detail).toMatch(/a write takes a JSON body in UTF-8/);
      expect(res.body.errors).toBeUndefined();
    });

    it('refuses a write without a Content-Type with 415, and takes a body-less step without one', async () => {
      await refused(
        () =>
          h
            .http()
            .post(`/api/v1/${PROGRESS}`)
            .set('Authorization', `Bearer ${coordinator}`)
            .set('Content-Length', '14')
            .serialize((b: string) => b)
            .send('{"percent":10}' as never)
            .unset('Content-Type'),
        415,
        '/problems/unsupported-media-type',
      );
      const res = await h
        .http()
        .post('/api/v1/obligations/khong-co/acknowledgement')
        .set('Authorization', `Bearer ${coordinator}`);
      expect(res.status).toBe(404);
    });

    it('refuses a body over BODY_LIMIT_BYTES with 413', async () => {
      await refused(
        () => post(PROGRESS, JSON.stringify({ percent: 10, note: 'x'.repeat(1100 * 1024) })),
        413,
        '/problems/body-too-large',
      );
    });

    it.each([['\\u0000'], ['\\u0007'], ['\\u001b'], ['\\u007f'], ['\\u0085'], ['\\r']])(
      'refuses %s (JSON-escaped) in a long text, naming the field',
      async (bad) => {
        const res = await refused(
          () => post(PROGRESS, `{"percent":10,"note":"Đang${bad}làm"}`),
          400,
          '/problems/invalid-text',
        );
        expect(res.body).toMatchObject({ field: 'note', in: 'body' });
        expect(res.body.detail).toMatch(/^note contains U\+00[0-9A-F]{2}: a control character/);
      },
    );

    it('stores tab, LF and CRLF in a long text', async () => {
      const res = await post(PROGRESS, JSON.stringify({ percent: 20, note: 'Dòng 1\r\nDòng 2\n\tDòng 3' })).expect(201);
      const events = await get(`/api/v1/audit/streams/${res.body.stream}`, auditor).expect(200);
      expect(JSON.stringify(events.body)).toContain('Dòng 1\\r\\nDòng 2\\n\\tDòng 3');
    });

    it('refuses a line break in a single-line field (a name)', async () => {
      const res = await refused(
        () =>
          post(
            'users',
            JSON.stringify({
              userId: 'nguoi-moi',
              displayName: 'Người\nmới',
              unitId: 'new-phuong-ninh-kieu',
              email: 'a@b.vn',
              from: '2026-01-01T00:00:00+07:00',
            }),
          ),
        400,
        '/problems/invalid-text',
      );
      expect(res.body).toMatchObject({ field: 'displayName', codePoint: 'U+000A' });
    });

    it('refuses a control character in X-Reason, which is stored too', async () => {
      const res = await refused(
        () => post(PROGRESS, '{"percent":30,"note":"x"}').set('X-Reason', encodeURIComponent('Lý do\u0000')),
        400,
        '/problems/invalid-text',
      );
      expect(res.body).toMatchObject({ field: 'X-Reason', in: 'header' });
    });

    it.each([['__proto__'], ['constructor'], ['prototype']])(
      'refuses %s as an unknown field, at the top and deep down',
      async (key) => {
        let res = await refused(
          () => post(PROGRESS, `{"percent":10,"${key}":{"polluted":true}}`),
          400,
          '/problems/validation-failed',
        );
        expect(res.body.errors).toEqual([`property ${key} should not exist`]);
        res = await refused(
          () =>
            post(
              'obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-an-hoa/completion',
              `{"evidence":{"documentNumber":"2/BC","documentDate":"2023-11-20","attachments":[{"${key}":{"x":1},"name":"a.pdf"}]}}`,
            ),
          400,
          '/problems/validation-failed',
        );
        expect(res.body.errors).toEqual([`property evidence.attachments[0].${key} should not exist`]);
      },
    );
    it('refuses an array or an object larger than JSON_MAX_ITEMS (1000) before validating it', async () => {
      const res = await refused(
        () => post(PROGRESS, JSON.stringify({ percent: 10, note: 'x', extra: Array(100_000).fill(1) })),
        400,
        '/problems/validation-failed',
      );
      expect(res.body.errors).toEqual(['extra must contain no more than 1000 elements']);
    });

    it('refuses a body sent to a step that takes none, and takes {} or nothing there', async () => {
      const ack = 'obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-an-hoa/acknowledgement';
      const res = await refused(() => post(ack, '{"note":"x","percent":1}'), 400, '/problems/validation-failed');
      expect(res.body.errors).toEqual(['property note should not exist', 'property percent should not exist']);
      await refused(() => post(ack, '[1]'), 400, '/problems/validation-failed');
      expect((await post(ack, '{}')).status).not.toBe(400);
    });
  });

  describe('URLs and headers', () => {
    it('answers a URL over URL_LIMIT_BYTES (8 KiB) with 414', async () => {
      const res = await refused(() => get(`/api/v1/events?types=${'a'.repeat(9000)}`), 414, '/problems/uri-too-long');
      expect(res.body.limitBytes).toBe(8192);
    });

    it("answers a 20,000-character query string with 431 problem+json, not Node's bare status line", async () => {
      const res = await refused(
        () => get(`/api/v1/events?types=${'a'.repeat(20_000)}`),
        431,
        '/problems/headers-too-large',
      );
      expect(res.body).toMatchObject({ status: 431, limitBytes: 16_384 });
      expect(res.body.requestId).toMatch(UUID_V4);
    });

    it('answers headers over HEADER_LIMIT_BYTES with 431 problem+json', async () => {
      await refused(
        () => get('/api/v1/units').set('X-Padding', 'p'.repeat(17_000)),
        431,
        '/problems/headers-too-large',
      );
    });

    it('refuses a control character in a query or a path parameter', async () => {
      let res = await refused(() => get('/api/v1/audit/events?stream=a%00b', auditor), 400, '/problems/invalid-text');
      expect(res.body).toMatchObject({ field: 'stream', in: 'query' });
      res = await refused(() => post('obligations/a%0Ab/progress', '{"percent":10}'), 400, '/problems/invalid-text');
      expect(res.body).toMatchObject({ in: 'path', codePoint: 'U+000A' });
    });
  });

  describe('request and correlation ids', () => {
    it('echoes a sane X-Request-Id, and puts it in the problem; X-Correlation-Id likewise', async () => {
      const res = await get('/api/v1/nothing-here')
        .set('X-Request-Id', 'gw-7:abc.1')
        .set('X-Correlation-Id', 'case/42')
        .expect(404);
      expect(res.headers['x-request-id']).toBe('gw-7:abc.1');
      expect(res.headers['x-correlation-id']).toBe('case/42');
      expect(res.body).toMatchObject({ requestId: 'gw-7:abc.1', correlationId: 'case/42' });
    });

    it('makes a UUID v4 for a missing or insane X-Request-Id, and the request id is the correlation id when none is given', async () => {
      for (const given of [undefined, 'x'.repeat(129), 'a b', 'ý']) {
        const req = get('/api/v1/units');
        const res = await (given === undefined ? req : req.set('X-Request-Id', given)).expect(200);
        expect(res.headers['x-request-id']).toMatch(UUID_V4);
        expect(res.headers['x-correlation-id']).toBe(res.headers['x-request-id']);
      }
    });

    it('records the correlation id on the events a write appends', async () => {
      const res = await post(PROGRESS, JSON.stringify({ percent: 40, note: 'Đang làm' })).set('X-Request-Id', 'req-40');
      expect(res.body).toMatchObject({ revision: expect.any(Number) });
      const history = await get(`/api/v1/audit/streams/${res.body.stream}`, auditor).expect(200);
      expect(JSON.stringify(history.body)).toContain('"correlationId":"req-40"');
    });

    it('puts both ids in problems of the body parser too', async () => {
      const res = await post(PROGRESS, '{"percent":').set('X-Request-Id', 'bad-json-1').expect(400);
      expect(res.body).toMatchObject({
        type: '/problems/malformed-json',
        requestId: 'bad-json-1',
        correlationId: 'bad-json-1',
      });
    });
  });

  describe('exports (issue 14, item 7)', () => {
    const FORMULA = "=2+5+cmd|' /C calc'!A0";

    it('neutralises a reason that Excel would run as a formula in the CSV export', async () => {
      const res = await post(PROGRESS, JSON.stringify({ percent: 50, note: 'Đang làm' }))
        .set('X-Reason', encodeURIComponent(FORMULA))
        .expect(201);
      const csv = await get(`/api/v1/audit/export.csv?stream=${res.body.stream}`, auditor).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const line = csv.text.split('\n').find((l) => l.startsWith(`${res.body.position},`))!;
      expect(line).toContain(`,"'${FORMULA}",`);
      expect(csv.text).not.toMatch(/(^|,)=2\+5/m);
    });

    it('serves the NDJSON export as application/x-ndjson, the reason as recorded', async () => {
      const res = await get('/api/v1/audit/export.ndjson?types=obligation.progress', auditor).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="audit.ndjson"');
      const reasons = res.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).metadata.reason);
      expect(reasons).toContain(FORMULA);
    });

    it("documents every export's content type in OpenAPI", async () => {
      const doc = (await h.http().get('/docs-json').expect(200)).body;
      const produces = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content);
      expect(produces('/api/v1/audit/export.csv')).toEqual(['text/csv']);
      expect(produces('/api/v1/audit/export.ndjson')).toEqual(['application/x-ndjson']);
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      expect(produces('/api/v1/reporting/periods/{periodId}/compliance.xlsx')).toEqual([xlsx]);
      expect(produces('/api/v1/reporting/periods/{periodId}/reports/{unitId}/report.xlsx')).toEqual([xlsx]);
    });
  });
});
