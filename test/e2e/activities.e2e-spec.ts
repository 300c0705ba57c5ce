import {
  ActivityViewSchema,
  BudgetTotalsSchema,
  LegalReviewCompilationSchema,
  RegulationCoverageSchema,
  UnitFiguresSchema,
} from '@gl/application';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { schemaErrors } from '@gl/platform';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';

const PLAN = 'cantho-2023-ldcs';
const sha = 'c0'.repeat(32);

describe("one commune's year of activities over HTTP (Phường Tân An, 2023)", () => {
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

  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it('records the year: conference, trainees at the city training, regulation, difficulty, budget', async () => {
    // The commune's conference for task II.1.d moves its obligation along, but does not complete it.
    const conf = await post('tanan-reporter', 'activities/conference', {
      activityId: 'tan-an-hoi-nghi-2023',
      unitId: 'ninh-kieu-tan-an',
      obligationId: `${PLAN}.II.1.d.ninh-kieu-tan-an`,
      year: 2023,
      details: {
        level: 'commune',
        heldOn: '2023-09-15',
        place: 'Hội trường UBND phường Tân An',
        chairedBy: 'Chủ tịch UBND phường',
        participants: {
          cadres: 12,
          'civil-servants': 9,
          'part-time-commune-hamlet-workers': 15,
          'residents-representatives': 40,
        },
        evidence: {
          documentNumber: '98/BC-UBND',
          documentDate: '2023-09-18',
          attachments: [{ name: 'bien-ban.pdf', sha256: sha, size: 120_311 }],
        },
      },
    });
    const obligation = await get('tanan-reporter', `obligations/${PLAN}.II.1.d.ninh-kieu-tan-an`, conf.position);
    expect(obligation).toMatchObject({
      status: 'in-progress',
      activities: [{ activityId: 'tan-an-hoi-nghi-2023', kind: 'conference' }],
    });

    // The city's training (task II.2.a, Sở Nội vụ), and the commune's trainees sent to it.
    await post('sonv-coordinator', 'activities/training', {
      activityId: 'tap-huan-thanh-pho-2023',
      unitId: 'so-noi-vu',
      obligationId: `${PLAN}.II.2.a.so-noi-vu.2023`,
      year: 2023,
      details: {
        organiser: 'Sở Nội vụ',
        targetGroups: ['cadres', 'civil-servants'],
        startsOn: '2023-11-07',
        endsOn: '2023-11-08',
        trainees: { cadres: 180, 'civil-servants': 240 },
        materials: ['Tài liệu tập huấn Luật Thực hiện dân chủ ở cơ sở'],
      },
    });
    await post('tanan-reporter', 'activities/training', {
      activityId: 'tan-an-cu-di-tap-huan-2023',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: {
        organiser: 'Sở Nội vụ',
        targetGroups: ['cadres'],
        startsOn: '2023-11-07',
        endsOn: '2023-11-08',
        trainees: { cadres: 3, 'civil-servants': 2 },
        materials: [],
        attendedTrainingId: 'tap-huan-thanh-pho-2023',
      },
    });

    // Its own regulation (task II.4), in force from 1 December 2023.
    const reg = await post('tanan-head', 'activities/regulation', {
      activityId: 'tan-an-quy-che-2023',
      unitId: 'ninh-kieu-tan-an',
      obligationId: `${PLAN}.II.4.ninh-kieu-tan-an`,
      year: 2023,
      details: {
        number: '15/QĐ-UBND',
        issuedOn: '2023-11-24',
        effectiveFrom: '2023-12-01',
        signer: 'Chủ tịch UBND phường',
        title: 'Quy chế thực hiện dân chủ ở cơ sở',
        document: { name: 'quy-che.pdf', sha256: sha, size: 88_000 },
        replaces: null,
      },
    });
    const coverage = await get('city-viewer', 'regulations/coverage?kind=commune&asOf=2023-12-31', reg.position);
    // Cần Thơ's 83 communes at the end of 2023: not those of Hậu Giang and Sóc Trăng, which joined the city in 2025.
    expect(coverage.units).toBe(83);
    expect(
      (await get('city-viewer', 'regulations/coverage?kind=commune&asOf=2023-12-31&underId=ninh-kieu')).units,
    ).toBe(11);
    expect(coverage.missing).toHaveLength(coverage.units - 1);
    expect(coverage.covered).toEqual([{ unitId: 'ninh-kieu-tan-an', name: 'Phường Tân An', regulation: '15/QĐ-UBND' }]);
    expect(schemaErrors(RegulationCoverageSchema, coverage)).toEqual([]);
    expect((await get('city-viewer', 'regulations/coverage?kind=commune&asOf=2023-11-30')).covered).toEqual([]);

    // A difficulty raised, and answered by Sở Nội vụ.
    await post('tanan-reporter', 'activities/difficulty', {
      activityId: 'tan-an-vuong-mac-1',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: {
        title: 'Chưa có hướng dẫn lấy ý kiến Nhân dân',
        description: 'Đề nghị hướng dẫn cách tổ chức hội nghị lấy ý kiến ở khu vực.',
        raisedOn: '2023-10-05',
      },
    });
    await post('sonv-coordinator', 'activities/difficulty/tan-an-vuong-mac-1/steps/guidance', {
      details: { guidance: 'Thực hiện theo Điều 25 của Luật; mẫu biên bản gửi kèm.', on: '2023-10-12' },
    });

    // A budget estimated, submitted, approved (adjusted down), allocated and spent.
    await post('tanan-reporter', 'activities/budget', {
      activityId: 'tan-an-kinh-phi-2023',
      unitId: 'ninh-kieu-tan-an',
      obligationId: `${PLAN}.II.1.d.ninh-kieu-tan-an`,
      year: 2023,
      details: {
        amount: 15_000_000,
        description: 'Hội nghị quán triệt Luật tại phường',
        source: { kind: 'state-budget', level: 'district' },
      },
    });
    await post('tanan-reporter', 'activities/budget/tan-an-kinh-phi-2023/steps/submission', {
      details: { to: 'Phòng Tài chính - Kế hoạch quận Ninh Kiều' },
    });
    await post('sonv-coordinator', 'activities/budget/tan-an-kinh-phi-2023/steps/adjustment', {
      details: { amount: 12_500_000, by: 'UBND quận Ninh Kiều', reason: 'Cân đối ngân sách' },
    });
    await post('sonv-coordinator', 'activities/budget/tan-an-kinh-phi-2023/steps/allocation', {
      details: { amount: 12_500_000 },
    });
    const spent = await post('tanan-reporter', 'activities/budget/tan-an-kinh-phi-2023/steps/spending', {
      details: { amount: 11_875_000, note: 'Thuê hội trường, tài liệu' },
    });

    const figures = await get('tanan-reporter', 'units/ninh-kieu-tan-an/figures?year=2023', spent.position);
    expect(figures).toMatchObject({
      conferences: { count: 1, totalParticipants: 76 },
      trainings: { count: 1, totalTrainees: 5 },
      regulations: { issued: 1, inForce: 1 },
      budget: { estimated: '15000000', approved: '12500000', allocated: '12500000', spent: '11875000' },
      difficulties: { open: 0, answered: 1, escalated: 0, decided: 0 },
    });
    expect(schemaErrors(UnitFiguresSchema, figures)).toEqual([]);
    const totals = await get('sonv-coordinator', 'budgets/totals?year=2023&by=task');
    expect(schemaErrors(BudgetTotalsSchema, totals)).toEqual([]);
    expect(totals.rows).toEqual([
      { key: 'II.1.d', estimated: '15000000', approved: '12500000', allocated: '12500000', spent: '11875000' },
    ]);
  });

  it('corrects a conference with a reason: figures change, the original stays in the history', async () => {
    const c = await post('tanan-reporter', 'activities/conference/tan-an-hoi-nghi-2023/correction', {
      changes: {
        participants: {
          cadres: 14,
          'civil-servants': 9,
          'part-time-commune-hamlet-workers': 15,
          'residents-representatives': 40,
        },
      },
      reason: 'Nhập thiếu 2 cán bộ',
    });
    expect(
      (await get('tanan-reporter', 'units/ninh-kieu-tan-an/figures?year=2023', c.position)).conferences
        .totalParticipants,
    ).toBe(78);
    const activity = await get('tanan-reporter', 'activities/conference/tan-an-hoi-nghi-2023');
    expect(activity.corrections).toEqual([
      expect.objectContaining({ reason: 'Nhập thiếu 2 cán bộ', by: 'tanan-reporter' }),
    ]);
    expect(schemaErrors(ActivityViewSchema, activity)).toEqual([]);
    const stream = await h.app.get<EventStore>(EVENT_STORE).readStream('conference-tan-an-hoi-nghi-2023');
    expect(stream.map((e) => e.type)).toEqual(['conference.held.v1', 'activity.corrected.v1']);
    expect((stream[0].data as { participants: { cadres: number } }).participants.cadres).toBe(12);
  });

  it('withdraws a recording with a reason, and the figures leave it out', async () => {
    const w = await post('tanan-reporter', 'activities/training/tan-an-cu-di-tap-huan-2023/withdrawal', {
      reason: 'Ghi nhầm đơn vị',
    });
    expect((await get('tanan-reporter', 'units/ninh-kieu-tan-an/figures?year=2023', w.position)).trainings.count).toBe(
      0,
    );
    const all = await get(
      'tanan-reporter',
      'activities?unitId=ninh-kieu-tan-an&year=2023&includeWithdrawn=true&pageSize=50',
    );
    expect(all.items.find((a: { activityId: string }) => a.activityId === 'tan-an-cu-di-tap-huan-2023').withdrawn).toBe(
      true,
    );
  });

  it('reads activities back per unit, per task and per year', async () => {
    const perTask = await get('sonv-coordinator', `activities?planId=${PLAN}&taskCode=II.1.d&year=2023`);
    expect(perTask.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['budget', 'conference']);
    const perUnit = await get(
      'tanan-reporter',
      'activities?unitId=ninh-kieu-tan-an&year=2023&pageSize=50&includeWithdrawn=true',
    );
    expect(perUnit.total).toBe(5);
    // Each kind as the API documents it: a conference, a training, a regulation, a difficulty, a budget.
    expect(perUnit.items.flatMap((a: unknown) => schemaErrors(ActivityViewSchema, a))).toEqual([]);
    expect((await get('tanan-reporter', 'activities?unitId=ninh-kieu-tan-an&year=2023')).total).toBe(4);
  });

  it('runs the Council resolution (task II.3) and the legal review (task II.5) with its compilation', async () => {
    await post('sonv-coordinator', 'activities/resolution', {
      activityId: 'nghi-quyet-hdnd-2023',
      unitId: 'so-noi-vu',
      obligationId: `${PLAN}.II.3.so-noi-vu`,
      year: 2023,
      details: {
        title: 'Nghị quyết quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở',
        draftedOn: '2023-09-20',
      },
    });
    await post('sonv-coordinator', 'activities/resolution/nghi-quyet-hdnd-2023/steps/consultation', {
      details: { consultedOn: '2023-10-10', with: 'Sở Tư pháp', summary: 'Thẩm định dự thảo' },
    });
    await post('sonv-coordinator', 'activities/resolution/nghi-quyet-hdnd-2023/steps/submission', {
      details: { submittedOn: '2023-11-20', to: 'Thường trực HĐND thành phố' },
    });
    const adopted = await post('sonv-coordinator', 'activities/resolution/nghi-quyet-hdnd-2023/steps/adoption', {
      details: { number: '12/2023/NQ-HĐND', adoptedOn: '2023-12-08' },
    });
    expect(await get('auditor', 'activities/resolution/nghi-quyet-hdnd-2023', adopted.position)).toMatchObject({
      status: 'adopted',
      fields: { number: '12/2023/NQ-HĐND' },
    });

    const doc = {
      number: '05/2021/QĐ-UBND',
      date: '2021-03-01',
      issuer: 'UBND thành phố Cần Thơ',
      title: 'Quy định về tiếp công dân',
    };
    await post('sonv-coordinator', 'activities/legalreview', {
      unitId: 'so-tu-phap',
      obligationId: `${PLAN}.II.5.so-tu-phap`,
      year: 2023,
      details: { documents: [{ ...doc, finding: 'amend', proposal: 'Bổ sung quy định về đối thoại' }] },
    });
    const last = await post('sonv-coordinator', 'activities/legalreview', {
      unitId: 'so-noi-vu',
      year: 2023,
      details: { documents: [{ ...doc, finding: 'keep', proposal: '' }] },
    });
    const list = await get('sonv-coordinator', 'legal-reviews/compilation?year=2023', last.position);
    expect(schemaErrors(LegalReviewCompilationSchema, list)).toEqual([]);
    expect(
      schemaErrors(ActivityViewSchema, await get('auditor', 'activities/resolution/nghi-quyet-hdnd-2023')),
    ).toEqual([]);
    expect(list).toMatchObject({
      reviewingUnits: 2,
      documents: [
        {
          number: '05/2021/QĐ-UBND',
          reviews: expect.arrayContaining([
            { unitId: 'so-tu-phap', finding: 'amend', proposal: 'Bổ sung quy định về đối thoại' },
            { unitId: 'so-noi-vu', finding: 'keep', proposal: '' },
          ]),
        },
      ],
    });
  });

  it('replaces a regulation: the old one stops being in force the day the new one takes effect', async () => {
    const next = await post('tanan-head', 'activities/regulation', {
      activityId: 'tan-an-quy-che-2024',
      unitId: 'ninh-kieu-tan-an',
      year: 2024,
      details: {
        number: '3/QĐ-UBND',
        issuedOn: '2024-02-01',
        effectiveFrom: '2024-02-15',
        signer: 'Chủ tịch UBND phường',
        title: 'Quy chế (thay thế)',
        document: null,
        replaces: 'tan-an-quy-che-2023',
      },
    });
    const replaced = await get('city-viewer', 'activities/regulation/tan-an-quy-che-2023', next.position);
    expect(replaced).toMatchObject({
      status: 'replaced',
      fields: { replacedBy: 'tan-an-quy-che-2024', replacedOn: '2024-02-15' },
    });
    expect(schemaErrors(ActivityViewSchema, replaced)).toEqual([]);
    expect((await get('city-viewer', 'regulations/coverage?kind=commune&asOf=2024-02-14')).covered[0].regulation).toBe(
      '15/QĐ-UBND',
    );
    expect((await get('city-viewer', 'regulations/coverage?kind=commune&asOf=2024-02-15')).covered[0].regulation).toBe(
      '3/QĐ-UBND',
    );
  });

  it('records media items per month for an outlet', async () => {
    const m = await post('sonv-coordinator', 'activities/media', {
      unitId: 'bao-can-tho',
      obligationId: `${PLAN}.II.1.b.bao-can-tho`,
      year: 2023,
      details: {
        outlet: 'Báo Cần Thơ',
        channel: 'newspaper',
        month: '2023-07',
        items: [
          {
            title: 'Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ 1/7',
            link: 'https://baocantho.com.vn/luat-thuc-hien-dan-chu',
            publishedOn: '2023-07-01',
          },
          { title: 'Phát huy quyền làm chủ của Nhân dân', link: null, publishedOn: '2023-07-20' },
        ],
      },
    });
    expect((await get('auditor', 'units/bao-can-tho/figures?year=2023', m.position)).media).toEqual({
      publications: 1,
      items: 2,
    });
    const media = await get('auditor', 'activities?unitId=bao-can-tho&kind=media');
    expect(media.items.flatMap((a: unknown) => schemaErrors(ActivityViewSchema, a))).toEqual([]);
  });

  const conference = {
    level: 'commune',
    heldOn: '2023-09-01',
    place: 'x',
    chairedBy: 'x',
    participants: {},
    evidence: null,
  };
  const attachment = { name: 'bb.pdf', sha256: sha, size: 1 };
  it.each([
    [
      'conference',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { ...conference, heldOn: '2023-13-01' } },
      400,
      'details.heldOn must be a date (YYYY-MM-DD)',
    ],
    [
      'conference',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { ...conference, heldOn: '2023-02-29' } },
      422,
      'heldOn must be a date (YYYY-MM-DD) of the calendar: 2023-02-29 is not one',
    ],
    [
      'conference',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { ...conference, participants: { cadres: -1 } } },
      400,
      'details.participants.cadres must be at least 0',
    ],
    [
      'conference',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { ...conference, participants: { aliens: 3 } } },
      400,
      'property details.participants.aliens should not exist',
    ],
    // Issue 14: 10,000 attachments were taken where a completion takes 50; the same evidence now takes 50 everywhere.
    [
      'conference',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: {
          ...conference,
          evidence: { documentNumber: '1/BC', documentDate: '2023-09-02', attachments: Array(51).fill(attachment) },
        },
      },
      400,
      'details.evidence.attachments must have at most 50 items',
    ],
    [
      'media',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: { outlet: 'x', channel: 'pigeon', month: '2023-07', items: [] },
      },
      400,
      'details.channel must be one of television, radio, newspaper, portal, social-media',
    ],
    [
      'training',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: {
          organiser: 'x',
          targetGroups: ['robots'],
          startsOn: '2023-01-01',
          endsOn: '2023-01-01',
          trainees: {},
          materials: [],
        },
      },
      400,
      'details.targetGroups[0] must be one of cadres',
    ],
    // Issue 14: materials took integers and objects nested deep; they are a list of titles.
    [
      'training',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: {
          organiser: 'x',
          targetGroups: [],
          startsOn: '2023-01-01',
          endsOn: '2023-01-01',
          trainees: {},
          materials: Array(1000).fill(7),
        },
      },
      400,
      'details.materials must have at most 100 items',
    ],
    [
      'training',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: {
          organiser: 'x',
          targetGroups: [],
          startsOn: '2023-01-01',
          endsOn: '2023-01-01',
          trainees: {},
          materials: [1, { a: { b: { c: {} } } }],
        },
      },
      400,
      'details.materials[0] must be one line of text',
    ],
    [
      'regulation',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2023,
        details: {
          number: '',
          issuedOn: '2023-01-01',
          effectiveFrom: '2023-01-01',
          signer: 'x',
          title: 'x',
          document: null,
          replaces: null,
        },
      },
      400,
      'details.number may not be empty',
    ],
    [
      'legalreview',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { documents: [] } },
      400,
      'details.documents must have at least 1 item',
    ],
    [
      'budget',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { amount: '15 triệu', description: 'x' } },
      400,
      'details.amount must be a whole number',
    ],
    [
      'budget',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { amount: 15_000_000, description: 'x' } },
      400,
      'details.source is required',
    ],
    [
      'difficulty',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { title: 'x', raisedOn: '2023-01-01' } },
      400,
      'details.description is required',
    ],
    [
      'resolution',
      { unitId: 'ninh-kieu-tan-an', year: 2023, details: { title: 'x', draftedOn: '2023-01-01', extra: 1 } },
      400,
      'property details.extra should not exist',
    ],
    ['conference', { unitId: 'ninh-kieu-tan-an', details: {} }, 400, 'year is required'],
    [
      'conference',
      { unitId: 'ninh-kieu-tan-an', year: 2023, obligationId: `${PLAN}.II.1.d.ninh-kieu-an-hoa`, details: conference },
      422,
      "is not one of ninh-kieu-tan-an's",
    ],
  ])('refuses a bad %s with problem+json, writing nothing', async (kind, body, status, message) => {
    const before = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    const res = await h
      .http()
      .post(`/api/v1/activities/${kind}`)
      .set(await as('tanan-reporter'))
      .send(body)
      .expect(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain(message);
    expect(await h.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(before);
  });

  it('reads an activity of a kind that is not one as not found', async () => {
    const res = await h
      .http()
      .get('/api/v1/activities/planets/tan-an-hoi-nghi-2023')
      .set(await as('tanan-reporter'))
      .expect(404);
    expect(res.body.detail).toContain('no kind of activity');
  });

  it('has fresh subjects for the refusals below: a submitted budget, an open difficulty, a regulation in force', async () => {
    await post('tanan-reporter', 'activities/budget', {
      activityId: 'b2',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: {
        amount: 1_000_000,
        description: 'Tài liệu',
        source: { kind: 'other', description: 'Quỹ vì người nghèo phường' },
      },
    });
    await post('tanan-reporter', 'activities/budget/b2/steps/submission', {
      details: { to: 'Phòng Tài chính - Kế hoạch' },
    });
    await post('tanan-reporter', 'activities/difficulty', {
      activityId: 'd2',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: { title: 'x', description: 'x', raisedOn: '2023-10-05' },
    });
    await post('tanan-head', 'activities/regulation', {
      activityId: 'r2',
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: {
        number: '9/QĐ-UBND',
        issuedOn: '2023-05-02',
        effectiveFrom: '2023-05-02',
        signer: 'x',
        title: 'Quy chế cũ',
        document: null,
        replaces: null,
      },
    });
  });

  it.each([
    [
      'budget/tan-an-kinh-phi-2023/steps/spending',
      { details: { amount: 1_000_000, note: 'x' } },
      'tanan-reporter',
      422,
      'cannot exceed the allocated',
    ],
    [
      'budget/tan-an-kinh-phi-2023/steps/approval',
      { details: { amount: 1, by: 'x' } },
      'tanan-reporter',
      403,
      'needs the plan-coordinator role',
    ],
    [
      'difficulty/tan-an-vuong-mac-1/steps/decision',
      { details: { decision: 'x', documentNumber: null, on: '2023-10-20' } },
      'sonv-coordinator',
      422,
      'answered cannot take',
    ],
    [
      'conference/tan-an-hoi-nghi-2023/correction',
      { changes: { year: 2024 }, reason: 'x' },
      'tanan-reporter',
      400,
      'property changes.year should not exist',
    ],
    [
      'conference/tan-an-hoi-nghi-2023/correction',
      { changes: {}, reason: 'x' },
      'tanan-reporter',
      400,
      'changes must have at least 1 field',
    ],
    [
      'conference/tan-an-hoi-nghi-2023/correction',
      { changes: { place: 'x' } },
      'tanan-reporter',
      400,
      'reason is required',
    ],
    [
      'budget/tan-an-kinh-phi-2023/correction',
      { changes: { amount: 1 }, reason: 'x' },
      'tanan-reporter',
      400,
      'property changes.amount should not exist',
    ],
    ['conference/tan-an-hoi-nghi-2023/withdrawal', { reason: 'x' }, 'anhoa-reporter', 404, 'was not found'],
    [
      'budget/tan-an-kinh-phi-2023/steps/submission',
      { details: { to: 'x' } },
      'tanan-reporter',
      422,
      'allocated cannot take budget.submitted.v1',
    ],
    [
      'budget/b2/steps/adjustment',
      { details: { amount: -5, by: 'x', reason: 'x' } },
      'sonv-coordinator',
      400,
      'details.amount must be at least 0',
    ],
    [
      'budget/b2/steps/adjustment',
      { details: { amount: 1.5, by: 'x', reason: 'x' } },
      'sonv-coordinator',
      400,
      'details.amount must be a whole number',
    ],
    // Issue 14: a budget step took an unknown note.
    [
      'budget/b2/steps/approval',
      { details: { amount: 5, by: 'x', note: 'x' } },
      'sonv-coordinator',
      400,
      'property details.note should not exist',
    ],
    [
      'budget/tan-an-kinh-phi-2023/steps/allocation',
      { details: { amount: 1 } },
      'sonv-coordinator',
      422,
      'cannot exceed the approved',
    ],
    [
      'difficulty/d2/steps/escalation',
      { details: { note: 'x', on: 'hôm nay' } },
      'sonv-coordinator',
      400,
      'details.on must be a date (YYYY-MM-DD)',
    ],
    [
      'difficulty/d2/steps/guidance',
      { details: { guidance: '', on: '2023-10-20' } },
      'sonv-coordinator',
      400,
      'details.guidance may not be empty',
    ],
    [
      'regulation/r2/steps/amendment',
      { details: { number: '16/QĐ-UBND', issuedOn: '2024-02-30', summary: 'x' } },
      'tanan-head',
      422,
      'issuedOn must be a date (YYYY-MM-DD) of the calendar',
    ],
    [
      'regulation/r2/steps/replacement',
      { details: { byActivityId: '', on: '2024-01-01' } },
      'tanan-head',
      400,
      'details.byActivityId must be an id',
    ],
    [
      'resolution/nghi-quyet-hdnd-2023/steps/return',
      { details: { returnedOn: '2023-12-01', reason: 'x' } },
      'sonv-coordinator',
      422,
      'adopted cannot take',
    ],
    [
      'resolution/nghi-quyet-hdnd-2023/steps/consultation',
      { details: { consultedOn: '2023-10-10', with: 'x', summary: 'x' } },
      'sonv-coordinator',
      422,
      'adopted cannot take',
    ],
    [
      'resolution/nghi-quyet-hdnd-2023/steps/consultation',
      { details: { consultedOn: '2023-10-10', with: '', summary: 'x' } },
      'sonv-coordinator',
      400,
      'details.with may not be empty',
    ],
  ])('refuses %s with problem+json, writing nothing', async (path, body, who, status, message) => {
    const before = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    const res = await h
      .http()
      .post(`/api/v1/activities/${path}`)
      .set(await as(who))
      .send(body)
      .expect(status);
    expect(res.body.detail).toContain(message);
    expect(await h.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(before);
  });

  it('stores only events that match the JSON Schemas served at /api/v1/event-types', async () => {
    const seen = await expectEventsMatchTheirSchemas(h);
    expect(seen.size).toBeGreaterThan(5);
  });
});
