import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const regulation = (activityId: string, replaces: string | null, unitId = 'ninh-kieu-tan-an') => ({
  activityId,
  unitId,
  year: 2024,
  details: {
    number: `${activityId}/QĐ-UBND`,
    issuedOn: '2024-02-01',
    effectiveFrom: '2024-02-15',
    signer: 'Chủ tịch UBND phường',
    title: 'Quy chế',
    document: null,
    replaces,
  },
});
const training = (attendedTrainingId: string | null, unitId = 'ninh-kieu-tan-an') => ({
  unitId,
  year: 2023,
  details: {
    organiser: 'Sở Nội vụ',
    targetGroups: ['cadres'],
    startsOn: '2023-11-07',
    endsOn: '2023-11-08',
    trainees: { cadres: 3 },
    materials: [],
    attendedTrainingId,
  },
});
const conference = (unitId: string, heldOn: string) => ({
  unitId,
  year: Number(heldOn.slice(0, 4)),
  details: {
    level: 'commune',
    heldOn,
    place: 'Hội trường',
    chairedBy: 'Chủ tịch',
    participants: { cadres: 10 },
    evidence: null,
  },
});
const task = (code: string, lead: object[]) => ({
  code,
  section: 'II',
  title: 'Nhiệm vụ bổ sung',
  description: '',
  lead,
  performers: [],
  coordinating: [],
  obligation: 'assigned',
  timeFrame: { kind: 'before', date: '2024-01-15' },
  timeWords: 'Trước ngày 15 tháng 01 năm 2024',
});
const plan = (over: object) => ({
  planId: 'ke-hoach-thu',
  assignedOn: '2026-01-05',
  issuerUnitId: 'so-noi-vu',
  signer: { name: 'x', title: 'x' },
  legalBasis: [],
  title: 'Kế hoạch thử',
  purposes: [],
  requirements: [],
  sections: [],
  budgetDuties: [],
  difficultyChannel: { reportToUnitId: 'so-noi-vu', text: '' },
  recipients: [],
  ...over,
});
const adHoc = (unitIds: string[]) => ({
  regimeId: 'cantho-2023-ldcs-units',
  adHoc: { periodId: 'dot-xuat-2026', title: 'Báo cáo đột xuất', deadline: '2026-04-01T00:00:00+07:00', unitIds },
});

/**
 * Issue 12: a refused command writes nothing. Each request below names something that does not
 * exist, or did not on the day it speaks of, or is in no state to take it; each is refused with a
 * problem that says so, and the log's head does not move. On 2 March 2026, after the 2025
 * reorganisation: Phường Tân An and Phường Thới Bình no longer exist, Phường Ninh Kiều does.
 */
describe('a command that names what does not exist is refused and writes nothing', () => {
  let h: Harness;
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const post = async (who: string, path: string, body: object) =>
    (
      await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as(who))
        .send(body)
        .expect(201)
    ).body;

  beforeAll(async () => {
    h = await startApi({}, new FixedClock('2026-03-02T03:00:00.000Z'));
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-units', year: 2023 });
    await post('tanan-head', 'activities/regulation', {
      ...regulation('qc-cu', null),
      year: 2023,
      details: { ...regulation('qc-cu', null).details, issuedOn: '2023-11-24', effectiveFrom: '2023-12-01' },
    });
    await post('tanan-head', 'activities/regulation', regulation('qc-moi', 'qc-cu'));
    await post('tanan-head', 'activities/regulation', {
      ...regulation('qc-rut', null),
      year: 2023,
      details: { ...regulation('qc-rut', null).details, issuedOn: '2023-05-02', effectiveFrom: '2023-05-02' },
    });
    await post('tanan-head', 'activities/regulation/qc-rut/withdrawal', { reason: 'Ghi nhầm' });
    await post('sonv-coordinator', 'activities/regulation', {
      ...regulation('qc-an-hoa', null, 'ninh-kieu-an-hoa'),
      year: 2023,
      details: { ...regulation('qc-an-hoa', null).details, issuedOn: '2023-05-02', effectiveFrom: '2023-05-02' },
    });
    await post('sonv-coordinator', 'activities/training', { ...training(null, 'so-noi-vu'), activityId: 'th-rut' });
    await post('sonv-coordinator', 'activities/training/th-rut/withdrawal', { reason: 'Ghi nhầm' });
    await h.settle();
  });
  afterAll(() => h.close());

  it.each([
    // The three seen on main: the first two were recorded, the third counted in the figures.
    [
      'a regulation replacing one that does not exist',
      'tanan-head',
      'activities/regulation',
      regulation('qc-x', 'khong-co-quy-che'),
      422,
      'ninh-kieu-tan-an has no regulation khong-co-quy-che',
    ],
    [
      'an ad hoc request to a unit that no longer exists',
      'sonv-coordinator',
      'reporting/periods',
      adHoc(['new-phuong-ninh-kieu', 'ninh-kieu-tan-an']),
      422,
      'unit ninh-kieu-tan-an (Phường Tân An) did not exist on 2026-03-02',
    ],
    [
      'trainees at a training that does not exist',
      'tanan-reporter',
      'activities/training',
      training('khong-co-tap-huan'),
      422,
      'no training khong-co-tap-huan was recorded',
    ],
    // What a regulation replaces: the unit's own, still in force.
    [
      "a regulation replacing another unit's",
      'tanan-head',
      'activities/regulation',
      regulation('qc-x', 'qc-an-hoa'),
      422,
      'ninh-kieu-tan-an has no regulation qc-an-hoa',
    ],
    [
      'a regulation replacing a withdrawn one',
      'tanan-head',
      'activities/regulation',
      regulation('qc-x', 'qc-rut'),
      422,
      'regulation qc-rut was withdrawn',
    ],
    [
      'a regulation replacing one already replaced',
      'tanan-head',
      'activities/regulation',
      regulation('qc-x', 'qc-cu'),
      422,
      'was already replaced by qc-moi on 2024-02-15',
    ],
    [
      'a replacement by a regulation that does not exist',
      'tanan-head',
      'activities/regulation/qc-moi/steps/replacement',
      { details: { byActivityId: 'khong-co', on: '2025-01-01' } },
      422,
      'has no regulation khong-co',
    ],
    [
      'trainees at a withdrawn training',
      'tanan-reporter',
      'activities/training',
      training('th-rut'),
      422,
      'training th-rut was withdrawn',
    ],
    // An activity's unit stood on its day (or in its year, for a budget or a legal review).
    [
      'a conference of a ward after it merged',
      'tanan-reporter',
      'activities/conference',
      conference('ninh-kieu-tan-an', '2025-09-01'),
      422,
      'did not exist on 2025-09-01',
    ],
    [
      'a conference of a ward before it was formed',
      'sonv-coordinator',
      'activities/conference',
      conference('new-phuong-ninh-kieu', '2023-09-01'),
      422,
      'unit new-phuong-ninh-kieu (Phường Ninh Kiều) did not exist on 2023-09-01',
    ],
    [
      'a conference for an obligation assigned after it was held',
      'tanan-reporter',
      'activities/conference',
      { ...conference('ninh-kieu-tan-an', '2023-06-15'), obligationId: `${PLAN}.II.1.d.ninh-kieu-tan-an` },
      422,
      "was assigned on 2023-07-01, after this activity's day (2023-06-15)",
    ],
    [
      'a budget of a ward for a year after it merged',
      'tanan-reporter',
      'activities/budget',
      {
        unitId: 'ninh-kieu-tan-an',
        year: 2026,
        details: { amount: 1, description: 'x', source: { kind: 'state-budget', level: 'commune' } },
      },
      422,
      'did not exist in 2026',
    ],
    // Reporting periods: existing units, the regime's years.
    [
      'an ad hoc request to a unit never recorded',
      'sonv-coordinator',
      'reporting/periods',
      adHoc(['khong-co-don-vi']),
      404,
      'unit khong-co-don-vi was not found',
    ],
    ['an ad hoc request to nobody', 'sonv-coordinator', 'reporting/periods', adHoc([]), 422, 'names at least one unit'],
    [
      'an ad hoc request under the id of a regular period',
      'sonv-coordinator',
      'reporting/periods',
      {
        ...adHoc(['new-phuong-ninh-kieu']),
        adHoc: { ...adHoc([]).adHoc, periodId: 'cantho-2023-ldcs-units_2023', unitIds: ['new-phuong-ninh-kieu'] },
      },
      422,
      'period cantho-2023-ldcs-units_2023 is already open',
    ],
    [
      "a period before the regime's first year",
      'sonv-coordinator',
      'reporting/periods',
      { regimeId: 'cantho-2023-ldcs-units', year: 2022 },
      422,
      'has periods from 2023, not 2022',
    ],
    // Obligations pass to a successor that stands on the day it takes them over.
    [
      'passing to a successor that has itself merged since',
      'sonv-coordinator',
      `obligations/${PLAN}.II.1.d.ninh-kieu-an-phu/passing`,
      { toUnitId: 'ninh-kieu-thoi-binh', reason: 'sắp xếp' },
      422,
      'unit ninh-kieu-thoi-binh (Phường Thới Bình) did not exist on 2026-03-02',
    ],
    // Plans: units named stand on the day; a receipt comes from the line it acknowledges.
    [
      'a task led by a unit never recorded',
      'sonv-coordinator',
      `plans/${PLAN}/tasks`,
      task('II.8', [{ unitId: 'khong-co-don-vi' }]),
      422,
      'no unit khong-co-don-vi is recorded',
    ],
    [
      'a task led by a unit formed after the plan was assigned',
      'sonv-coordinator',
      `plans/${PLAN}/tasks`,
      task('II.8', [{ unitId: 'new-phuong-ninh-kieu' }]),
      422,
      'did not exist on 2023-07-01',
    ],
    [
      'a plan issued by a unit that no longer exists',
      'sonv-coordinator',
      'plans',
      plan({ issuerUnitId: 'ninh-kieu-tan-an' }),
      422,
      'issuerUnitId: unit ninh-kieu-tan-an (Phường Tân An) did not exist on 2026-01-05',
    ],
    [
      'a plan whose difficulties go to no unit',
      'sonv-coordinator',
      'plans',
      plan({ difficultyChannel: { reportToUnitId: 'khong-co-don-vi', text: '' } }),
      422,
      'difficultyChannel.reportToUnitId: no unit khong-co-don-vi',
    ],
    [
      'a receipt from a unit not on that line',
      'tanan-reporter',
      `plans/${PLAN}/receipts`,
      { recipientKey: 'so-ban-nganh', unitId: 'ninh-kieu-tan-an' },
      422,
      'is not on the line',
    ],
  ])('refuses %s', async (_what, who, path, body, status, message) => {
    const before = await head();
    const res = await h
      .http()
      .post(`/api/v1/${path}`)
      .set(await as(who))
      .send(body);
    expect({ status: res.status, detail: res.body.detail }).toEqual({
      status,
      detail: expect.stringContaining(message),
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await head()).toBe(before);
  });

  it("leaves the unit's figures as they were: a refused regulation is not counted", async () => {
    const figures = await h
      .http()
      .get('/api/v1/units/ninh-kieu-tan-an/figures?year=2024')
      .set(await as('tanan-reporter'))
      .set('X-Wait-For-Position', await head())
      .expect(200);
    expect(figures.body.regulations).toMatchObject({ issued: 1 });
  });

  it('still takes what names things that exist: trainees at a recorded training, a plan of a standing unit', async () => {
    await post('sonv-coordinator', 'activities/training', {
      ...training(null, 'so-noi-vu'),
      activityId: 'th-thanh-pho',
    });
    await post('tanan-reporter', 'activities/training', training('th-thanh-pho'));
    await post('sonv-coordinator', 'plans', plan({}));
    await post('tanan-reporter', `plans/${PLAN}/receipts`, {
      recipientKey: 'xa-phuong-thi-tran',
      unitId: 'ninh-kieu-tan-an',
    });
    await post('sonv-coordinator', 'reporting/periods', adHoc(['new-phuong-ninh-kieu']));
    // The same request again is the same request; other content under its id is refused.
    const before = await head();
    await post('sonv-coordinator', 'reporting/periods', adHoc(['new-phuong-ninh-kieu']));
    const other = await h
      .http()
      .post('/api/v1/reporting/periods')
      .set(await as('sonv-coordinator'))
      .send(adHoc(['new-phuong-ninh-kieu', 'so-noi-vu']))
      .expect(422);
    expect(other.body.detail).toContain('period dot-xuat-2026 is already open');
    expect(await head()).toBe(before);
  });
});
