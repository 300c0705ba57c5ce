import { EVENT_STORE, EventStore, NO_STREAM } from '@gl/event-store';
import { RAW_EVENT_STORE } from '@gl/platform';
import { newEvent } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';

// Issue 13, items 6 and 8.
describe('business days of activity steps, their order, and budget sources over HTTP', () => {
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const post = async (who: string, path: string, body: object, status = 201) =>
    (
      await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as(who))
        .send(body)
        .expect(status)
    ).body;
  const get = async (who: string, path: string, position?: string) =>
    (
      await h
        .http()
        .get(`/api/v1/${path}`)
        .set(await as(who))
        .set('X-Wait-For-Position', position ?? '0')
        .expect(200)
    ).body;
  const store = () => h.app.get<EventStore>(EVENT_STORE);

  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  // Plan II.3: "Trình Hội đồng nhân dân thành phố ban hành Nghị quyết quyết định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở".
  it("keeps the resolution's submission day as business time, and refuses an adoption dated before it, writing nothing", async () => {
    const path = 'activities/resolution/nq-thu-tu';
    await post('sonv-coordinator', 'activities/resolution', {
      activityId: 'nq-thu-tu',
      unitId: 'so-noi-vu',
      year: 2023,
      details: {
        title: 'Nghị quyết quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
        draftedOn: '2023-09-20',
      },
    });
    await post('sonv-coordinator', `${path}/steps/consultation`, {
      details: { consultedOn: '2023-10-10', with: 'Sở Tư pháp', summary: 'Thẩm định dự thảo' },
    });
    await post('sonv-coordinator', `${path}/steps/submission`, {
      details: { submittedOn: '2023-11-20', to: 'Thường trực HĐND thành phố' },
    });
    const events = await store().readStream('resolution-nq-thu-tu');
    expect(events.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['resolution.drafted.v1', '2023-09-19T17:00:00.000Z'],
      ['resolution.consulted.v1', '2023-10-09T17:00:00.000Z'],
      ['resolution.submitted.v1', '2023-11-19T17:00:00.000Z'],
    ]);

    const before = await store().headPosition();
    const res = await h
      .http()
      .post(`/api/v1/${path}/steps/adoption`)
      .set(await as('sonv-coordinator'))
      .send({ details: { number: '12/2023/NQ-HĐND', adoptedOn: '2023-11-19' } })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain('adoptedOn (2023-11-19) is before the submission (submittedOn) (2023-11-20)');
    expect(await store().headPosition()).toBe(before);

    const adopted = await post('sonv-coordinator', `${path}/steps/adoption`, {
      details: { number: '12/2023/NQ-HĐND', adoptedOn: '2023-12-08' },
    });
    const doc = await get('auditor', 'activities/resolution/nq-thu-tu', adopted.position);
    expect(doc).toMatchObject({
      status: 'adopted',
      steps: [
        { type: 'resolution.consulted.v1', on: '2023-10-10' },
        { type: 'resolution.submitted.v1', on: '2023-11-20' },
        { type: 'resolution.adopted.v1', on: '2023-12-08' },
      ],
    });
  });

  // Plan II.5: "… hoặc ban hành mới các văn bản quy phạm pháp luật".
  it('records a legal review proposing a new document, with no number or date, and compiles it apart', async () => {
    const r = await post('sonv-coordinator', 'activities/legalreview', {
      unitId: 'so-tu-phap',
      year: 2023,
      details: {
        documents: [
          {
            number: null,
            date: null,
            issuer: 'HĐND thành phố',
            title: 'Nghị quyết về dân chủ ở cơ sở trong doanh nghiệp',
            finding: 'issue-new',
            proposal: 'Ban hành mới',
          },
          {
            number: '05/2021/QĐ-UBND',
            date: '2021-03-01',
            issuer: 'UBND thành phố Cần Thơ',
            title: 'Quy định về tiếp công dân',
            finding: 'amend',
            proposal: 'Bổ sung',
          },
        ],
      },
    });
    const compiled = await get('sonv-coordinator', 'legal-reviews/compilation?year=2023', r.position);
    expect(compiled.documents).toEqual([
      expect.objectContaining({ number: '05/2021/QĐ-UBND' }),
      expect.objectContaining({
        number: null,
        date: null,
        title: 'Nghị quyết về dân chủ ở cơ sở trong doanh nghiệp',
        reviews: [expect.objectContaining({ finding: 'issue-new' })],
      }),
    ]);
    await post(
      'sonv-coordinator',
      'activities/legalreview',
      {
        unitId: 'so-tu-phap',
        year: 2023,
        details: {
          documents: [
            {
              number: null,
              date: null,
              issuer: 'UBND thành phố',
              title: 'Quy định',
              finding: 'amend',
              proposal: 'Sửa',
            },
          ],
        },
      },
      422,
    );
  });

  // Plan III.1: "… từ ngân sách Nhà nước theo phân cấp ngân sách Nhà nước hiện hành … và các nguồn khác theo quy định của pháp luật".
  it('totals budgets by source and by level, an old-shape estimate as unspecified, money as decimal strings', async () => {
    await post('tanan-reporter', 'activities/budget', {
      activityId: 'kp-phuong',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: { amount: 15_000_000, description: 'Hội nghị', source: { kind: 'state-budget', level: 'commune' } },
    });
    await post('tanan-reporter', 'activities/budget', {
      activityId: 'kp-quan',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: { amount: 9_000_000, description: 'Tài liệu', source: { kind: 'state-budget', level: 'district' } },
    });
    await post('tanan-reporter', 'activities/budget', {
      activityId: 'kp-khac',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: {
        amount: 2_500_000,
        description: 'Khen thưởng',
        source: { kind: 'other', description: 'Tài trợ của doanh nghiệp' },
      },
    });
    // An estimate written before sources were asked for: schema version 1, straight into the store underneath.
    const raw = h.app.get<EventStore>(RAW_EVENT_STORE);
    await raw.appendToStream(
      'budget-kp-cu',
      [
        newEvent(
          'budget.estimated.v1',
          {
            activityId: 'kp-cu',
            unitId: 'ninh-kieu-tan-an',
            obligationId: null,
            planId: null,
            taskCode: null,
            year: 2023,
            amount: 1_000_000,
            description: 'Ghi trước đây',
          },
          { schemaVersion: 1 },
        ),
      ],
      NO_STREAM,
    );
    const head = await store().headPosition();

    const bySource = await get('sonv-coordinator', 'budgets/totals?year=2023&by=source', head);
    expect(bySource.rows.map((r: { key: string; estimated: string }) => [r.key, r.estimated])).toEqual([
      ['other', '2500000'],
      ['state-budget', '24000000'],
      ['unspecified', '1000000'],
    ]);
    expect(bySource.total.estimated).toBe('27500000');
    const byLevel = await get('sonv-coordinator', 'budgets/totals?year=2023&by=level');
    expect(byLevel.rows.map((r: { key: string; estimated: string }) => [r.key, r.estimated])).toEqual([
      ['commune', '15000000'],
      ['district', '9000000'],
      ['other', '2500000'],
      ['unspecified', '1000000'],
    ]);
    await h
      .http()
      .get('/api/v1/budgets/totals?year=2023&by=colour')
      .set(await as('sonv-coordinator'))
      .expect(400);

    const old = await get('tanan-reporter', 'activities/budget/kp-cu');
    expect(old).toMatchObject({
      fields: { amount: '1000000', source: { kind: 'unspecified' } },
      money: { estimated: '1000000', approved: null, allocated: '0', spent: '0' },
    });
    const list = await get('tanan-reporter', 'activities?unitId=ninh-kieu-tan-an&kind=budget&year=2023');
    for (const a of list.items) {
      expect(typeof a.fields.amount).toBe('string');
      expect(Object.values(a.money).every((v) => v === null || typeof v === 'string')).toBe(true);
    }

    // The district budget level ended on 2025-07-01: not a source for 2026; nothing is written.
    const before = await store().headPosition();
    const refused = await h
      .http()
      .post('/api/v1/activities/budget')
      .set(await as('sonv-coordinator'))
      .send({
        unitId: 'so-noi-vu',
        year: 2026,
        details: { amount: 1, description: 'x', source: { kind: 'state-budget', level: 'district' } },
      })
      .expect(422);
    expect(refused.body.detail).toContain('district level was abolished on 2025-07-01');
    expect(await store().headPosition()).toBe(before);
  });

  it('stores only events that match the JSON Schemas served at /api/v1/event-types', async () => {
    expect((await expectEventsMatchTheirSchemas(h)).size).toBeGreaterThan(3);
  });
});
