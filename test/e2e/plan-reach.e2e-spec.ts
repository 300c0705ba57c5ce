import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { schemaErrors } from '@gl/platform';
import { ObligationAnswer, PlanAnswer, PlanReceiptsAnswer } from '../../apps/api/src/plans/plans.responses';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const detailed = (planId: string, issuerUnitId: string, taskCodes: string[]) => ({
  planId,
  number: '12/KH-UBND',
  issuedOn: '2023-08-01',
  assignedOn: '2023-08-01',
  issuerUnitId,
  signer: { name: 'Chủ tịch UBND (demo)', title: 'Chủ tịch' },
  legalBasis: [],
  title: 'Kế hoạch chi tiết triển khai thi hành Luật',
  purposes: [],
  requirements: [],
  sections: [],
  budgetDuties: [],
  difficultyChannel: { reportToUnitId: issuerUnitId, text: '' },
  recipients: [],
  parent: { planId: PLAN, taskCodes },
});
const task = (code: string, over: object) => ({
  code,
  section: 'II',
  title: 'Hội nghị quán triệt tại phường',
  description: '',
  lead: [],
  performers: [],
  coordinating: [],
  obligation: 'assigned',
  timeFrame: { kind: 'before', date: '2023-12-31' },
  timeWords: 'Trước ngày 31 tháng 12 năm 2023',
  ...over,
});

/**
 * Issue 13, item 5. A plan reaches only its issuer's subtree on its date: the city plan (UBND TP) its
 * tree and the bodies it requests (đề nghị: MTTQ, LĐLĐ, plan II.2.b–c, IV.3); a district's detailed
 * plan "trong phạm vi quản lý" (plan IV.2) its wards. A detailed plan answers the issuer's own duty
 * in the city plan (IV.2–3). A receipt is acknowledged by the unit on its line of "Nơi nhận".
 */
describe("a plan reaches only its issuer's subtree; detailed plans answer a duty; receipts by the unit itself", () => {
  let h: Harness;
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const post = (who: string, path: string, body: object) =>
    as(who).then((a) => h.http().post(`/api/v1/${path}`).set(a).send(body));

  beforeAll(async () => {
    h = await startApi({}, new FixedClock('2023-09-01T03:00:00.000Z'));
  });
  afterAll(() => h.close());

  it('completes the duty to issue a detailed plan with the plan itself (IV.2: "xây dựng Kế hoạch chi tiết ... trong phạm vi quản lý")', async () => {
    const res = await post('ninhkieu-head', 'plans', detailed('ninh-kieu-2023', 'ninh-kieu', ['IV.2.a']));
    expect(res.status).toBe(201);
    await h.settle();
    const plan = await h
      .http()
      .get('/api/v1/plans/ninh-kieu-2023')
      .set(await as('ninhkieu-head'))
      .expect(200);
    expect(plan.body.issued.parent).toEqual({
      planId: PLAN,
      taskCodes: ['IV.2.a'],
      fulfils: [{ taskCode: 'IV.2.a', obligationId: `${PLAN}.IV.2.a.ninh-kieu` }],
    });
    expect(schemaErrors(PlanAnswer, plan.body)).toEqual([]);
    // The duty to issue it is done: Ninh Kiều's IV.2.a obligation is completed, the plan its evidence; the
    // yearly report (IV.2.b) is a duty of its own, still owed.
    const duty = await h
      .http()
      .get(`/api/v1/obligations/${PLAN}.IV.2.a.ninh-kieu`)
      .set(await as('auditor'))
      .expect(200);
    expect(duty.body).toMatchObject({ detailedPlans: ['ninh-kieu-2023'], status: 'completed', onTime: true });
    expect(schemaErrors(ObligationAnswer, duty.body)).toEqual([]);
    expect(duty.body.history.map((x: { type: string }) => x.type)).toEqual(
      expect.arrayContaining(['obligation.detailed-plan-recorded.v1', 'obligation.completed.v1']),
    );
    const report = await h
      .http()
      .get(`/api/v1/obligations/${PLAN}.IV.2.b.ninh-kieu.2023`)
      .set(await as('auditor'))
      .expect(200);
    expect(report.body.status).toBe('open');
  });

  it("refuses a detailed plan for a task of the city plan its issuer owes nothing under (II.1.d is the communes')", async () => {
    const before = await head();
    const res = await post('ninhkieu-head', 'plans', detailed('ninh-kieu-2023-b', 'ninh-kieu', ['II.1.d']));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/ninh-kieu has no obligation under task II\.1\.d/);
    expect(await head()).toBe(before);
  });

  it("refuses a district plan's task for a ward of another district and a city department (observed: 201), writing nothing", async () => {
    const before = await head();
    const res = await post(
      'ninhkieu-head',
      'plans/ninh-kieu-2023/tasks',
      task('II.1', { lead: [{ unitId: 'cai-rang-ba-lang' }], performers: [{ unitId: 'so-tu-phap' }] }),
    );
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/cai-rang-ba-lang .*is not under ninh-kieu on 2023-08-01/);
    expect(await head()).toBe(before);
    const performer = await post(
      'ninhkieu-head',
      'plans/ninh-kieu-2023/tasks',
      task('II.1', { lead: [{ unitId: 'ninh-kieu-tan-an' }], performers: [{ unitId: 'so-tu-phap' }] }),
    );
    expect(performer.status).toBe(422);
    expect(performer.body.detail).toMatch(/so-tu-phap/);
    expect(await head()).toBe(before);
    await h.settle();
    const none = await h
      .http()
      .get('/api/v1/obligations?planId=ninh-kieu-2023')
      .set(await as('auditor'))
      .expect(200);
    expect(none.body.total).toBe(0);
  });

  it("takes a district plan's task for its own wards", async () => {
    const res = await post(
      'ninhkieu-head',
      'plans/ninh-kieu-2023/tasks',
      task('II.1', {
        lead: [{ unitId: 'ninh-kieu-tan-an' }],
        performers: [{ group: 'every-commune-peoples-committee' }],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.obligations).toEqual({ created: 11, existing: 0 });
  });

  it('lets the city plan request the Fatherland Front, and refuses a Ministry department as a task unit', async () => {
    const ok = await post(
      'sonv-coordinator',
      `plans/${PLAN}/tasks`,
      task('II.7', { lead: [{ unitId: 'mttq-can-tho' }], obligation: 'requested' }),
    );
    expect(ok.status).toBe(201);
    const before = await head();
    const res = await post(
      'sonv-coordinator',
      `plans/${PLAN}/tasks`,
      task('II.8', { lead: [{ unitId: 'bo-noi-vu-vu-chinh-quyen-dia-phuong' }] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/bo-noi-vu-vu-chinh-quyen-dia-phuong .*is not under ubnd-can-tho/);
    expect(await head()).toBe(before);
  });

  it("refuses Tân An's receipt as a Ministry department (Nơi nhận: Vụ Chính quyền địa phương - Bộ Nội vụ; observed: 201)", async () => {
    const before = await head();
    const asItself = await post('tanan-head', `plans/${PLAN}/receipts`, {
      recipientKey: 'vu-chinh-quyen-dia-phuong',
      unitId: 'ninh-kieu-tan-an',
    });
    expect(asItself.status).toBe(422);
    expect(asItself.body.detail).toMatch(/is not on the line/);
    const asTheMinistry = await post('tanan-head', `plans/${PLAN}/receipts`, {
      recipientKey: 'vu-chinh-quyen-dia-phuong',
      unitId: 'bo-noi-vu-vu-chinh-quyen-dia-phuong',
    });
    expect(asTheMinistry.status).toBe(404);
    expect(await head()).toBe(before);
  });

  it("lists, per line of Nơi nhận, who acknowledged (when, by whom) and who has not, groups expanded on the plan's date", async () => {
    await post('tanan-head', `plans/${PLAN}/receipts`, {
      recipientKey: 'xa-phuong-thi-tran',
      unitId: 'ninh-kieu-tan-an',
    }).then((r) => expect(r.status).toBe(201));
    await post('sonv-coordinator', `plans/${PLAN}/receipts`, { recipientKey: 'mttq', unitId: 'mttq-can-tho' }).then(
      (r) => expect(r.status).toBe(201),
    );
    await h.settle();
    const res = await h
      .http()
      .get(`/api/v1/plans/${PLAN}/receipts`)
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(res.body).toMatchObject({ planId: PLAN, on: '2023-07-01' });
    expect(res.body.lines).toHaveLength(13);
    const communes = res.body.lines.find((l: { key: string }) => l.key === 'xa-phuong-thi-tran');
    expect(communes).toMatchObject({
      label: 'TT. HĐND, UBND xã, phường, thị trấn',
      groups: ['every-commune-peoples-committee'],
      units: 83,
    });
    expect(communes.acknowledged).toEqual([
      { unitId: 'ninh-kieu-tan-an', name: 'Phường Tân An', at: '2023-09-01T03:00:00.000Z', by: 'tanan-head' },
    ]);
    expect(communes.pending).toHaveLength(82);
    expect(communes.pending).toContainEqual({ unitId: 'ninh-kieu-an-hoa', name: 'Phường An Hòa' });
    const front = res.body.lines.find((l: { key: string }) => l.key === 'mttq');
    expect(front).toMatchObject({
      units: 1,
      pending: [],
      acknowledged: [expect.objectContaining({ unitId: 'mttq-can-tho', by: 'sonv-coordinator' })],
    });
    const ministry = res.body.lines.find((l: { key: string }) => l.key === 'vu-chinh-quyen-dia-phuong');
    expect(ministry).toMatchObject({
      units: 1,
      acknowledged: [],
      pending: [{ unitId: 'bo-noi-vu-vu-chinh-quyen-dia-phuong', name: expect.any(String) }],
    });
    expect(res.body.totals).toEqual({ units: expect.any(Number), acknowledged: 2, pending: expect.any(Number) });
    expect(schemaErrors(PlanReceiptsAnswer, res.body)).toEqual([]);
  });

  it('answers 404 for the receipts of a plan that does not exist', async () => {
    await h
      .http()
      .get('/api/v1/plans/khong-co/receipts')
      .set(await as('tanan-reporter'))
      .expect(404);
  });
});
