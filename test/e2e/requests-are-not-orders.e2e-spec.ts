import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { schemaErrors } from '@gl/platform';
import { ObligationAnswer, ObligationListAnswer } from '../../apps/api/src/plans/plans.responses';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';

const PLAN = 'cantho-2023-ldcs';
const FRONT = `${PLAN}.II.2.b.mttq-can-tho.2023`;
const LABOUR = `${PLAN}.II.2.c.ldld-can-tho.2023`;

/**
 * Plan, II.2.b: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố tổ chức tập huấn chuyên sâu …";
 * II.2.c: "Đề nghị Liên đoàn Lao động thành phố …"; IV.3: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam
 * thành phố; Liên đoàn Lao động thành phố … xây dựng Kế hoạch". The People's Committee assigns (giao)
 * to its own bodies and requests (đề nghị) of these, which it does not direct (Luật MTTQ Việt Nam
 * 2015, Điều 1 and 4): a request is answered or declined, never overdue, never red, owes no explanation.
 */
describe('requests (đề nghị) are not orders (giao)', () => {
  let h: Harness;
  const clock = new FixedClock('2024-01-15T03:00:00.000Z');
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const post = async (who: string, path: string, body: object = {}) =>
    h
      .http()
      .post(`/api/v1/${path}`)
      .set(await as(who))
      .send(body);

  beforeAll(async () => {
    h = await startApi({}, clock);
    await post('sonv-coordinator', 'users', {
      userId: 'mttq-reporter',
      displayName: 'Cán bộ MTTQ (demo)',
      unitId: 'mttq-can-tho',
      from: '2023-06-01T00:00:00+07:00',
    });
    await post('sonv-coordinator', 'users/mttq-reporter/grants', {
      role: 'unit-reporter',
      unitId: 'mttq-can-tho',
      from: '2023-06-01T00:00:00+07:00',
    });
    await h.settle();
  });
  afterAll(() => h.close());

  it('lists no request among the overdue on 15 January 2024, though the plan wished them done in Q4 2023', async () => {
    for (const [task, id] of [
      ['II.2.b', FRONT],
      ['II.2.c', LABOUR],
    ]) {
      const page = (
        await h
          .http()
          .get(`/api/v1/obligations?taskCode=${task}`)
          .set(await as('auditor'))
          .expect(200)
      ).body;
      expect(page.items).toEqual([expect.objectContaining({ obligationId: id, kind: 'requested', overdue: false })]);
      expect(schemaErrors(ObligationListAnswer, page)).toEqual([]);
      const overdue = (
        await h
          .http()
          .get(`/api/v1/obligations?taskCode=${task}&overdue=true`)
          .set(await as('auditor'))
          .expect(200)
      ).body.items;
      expect(overdue).toEqual([]);
    }
  });

  it('never shows the Front red for a request: requests stand apart, awaiting an answer', async () => {
    const d = (
      await h
        .http()
        .get('/api/v1/dashboards/mttq-can-tho?year=2023')
        .set(await as('auditor'))
        .expect(200)
    ).body;
    expect(d.own).toMatchObject({
      rag: 'green',
      obligations: { overdue: 0 },
      requests: { total: 2, awaiting: 2, answered: 0, declined: 0 },
    });
  });

  it('refuses to require an explanation (giải trình) of the Front, or to complete or extend a request, writing nothing', async () => {
    const before = await head();
    const asked = await post('sonv-coordinator', `obligations/${FRONT}/explanation-requests`, {
      question: 'Vì sao chưa tổ chức?',
    });
    expect(asked.status).toBe(422);
    expect(asked.body.detail).toMatch(/request \(đề nghị\), not an order/);
    const completed = await post('mttq-reporter', `obligations/${FRONT}/completion`, {
      evidence: { documentNumber: '1/BC', documentDate: '2023-12-01', attachments: [] },
    });
    expect(completed.status).toBe(422);
    const extended = await post('mttq-reporter', `obligations/${FRONT}/extension-requests`, {
      until: '2024-06-30T00:00:00+07:00',
      reason: 'Chưa bố trí được',
    });
    expect(extended.status).toBe(422);
    expect(await head()).toBe(before);
  });

  it('takes reminders, and the answer: đã phản hồi', async () => {
    expect(
      (
        await post('sonv-coordinator', `obligations/${FRONT}/reminders`, {
          message: 'Đề nghị MTTQ thành phố thông tin kết quả tập huấn',
        })
      ).status,
    ).toBe(201);
    const answered = await post('mttq-reporter', `obligations/${FRONT}/answer`, {
      answer: 'Đã tổ chức tập huấn cho 320 cán bộ Mặt trận các cấp',
      answeredOn: '2023-12-20',
      documentNumber: '45/BC-MTTQ',
    });
    expect(answered.status).toBe(201);
    const o = (
      await h
        .http()
        .get(`/api/v1/obligations/${FRONT}`)
        .set(await as('auditor'))
        .set('X-Wait-For-Position', answered.body.position)
        .expect(200)
    ).body;
    expect(o).toMatchObject({
      status: 'answered',
      overdue: false,
      answer: { answer: expect.stringContaining('320'), answeredOn: '2023-12-20', documentNumber: '45/BC-MTTQ' },
    });
    expect(schemaErrors(ObligationAnswer, o)).toEqual([]);
    const d = (
      await h
        .http()
        .get('/api/v1/dashboards/mttq-can-tho?year=2023')
        .set(await as('auditor'))
        .expect(200)
    ).body;
    expect(d.own.requests).toEqual({ total: 2, answered: 1, declined: 0, awaiting: 1 });
    // An order is completed with evidence, not answered.
    const order = await post('tanan-reporter', `obligations/${PLAN}.II.1.d.ninh-kieu-tan-an/answer`, {
      answer: 'x',
      answeredOn: '2023-12-20',
    });
    expect(order.status).toBe(422);
  });

  it('lets a requested body decline, with its reason', async () => {
    const declined = await post('sonv-coordinator', `obligations/${LABOUR}/declination`, {
      reason: 'Đã lồng ghép vào hội nghị công đoàn',
    });
    expect(declined.status).toBe(201);
    const o = (
      await h
        .http()
        .get(`/api/v1/obligations/${LABOUR}`)
        .set(await as('auditor'))
        .set('X-Wait-For-Position', declined.body.position)
        .expect(200)
    ).body;
    expect(o).toMatchObject({ status: 'declined', answer: { declined: 'Đã lồng ghép vào hội nghị công đoàn' } });
    expect(schemaErrors(ObligationAnswer, o)).toEqual([]);
  });

  it('takes the Front\'s own plan as its answer to IV.3 ("Đề nghị … xây dựng Kế hoạch")', async () => {
    const plan = await post('mttq-reporter', 'plans', {
      planId: 'mttq-can-tho-2023',
      number: '30/KH-MTTQ',
      issuedOn: '2023-09-15',
      assignedOn: '2023-09-15',
      issuerUnitId: 'mttq-can-tho',
      signer: { name: 'Chủ tịch Ủy ban MTTQ (demo)', title: 'Chủ tịch' },
      legalBasis: [],
      title: 'Kế hoạch triển khai thi hành Luật',
      purposes: [],
      requirements: [],
      sections: [],
      budgetDuties: [],
      difficultyChannel: { reportToUnitId: 'mttq-can-tho', text: '' },
      recipients: [],
      parent: { planId: PLAN, taskCodes: ['IV.3'] },
    });
    expect(plan.status).toBe(201);
    const o = (
      await h
        .http()
        .get(`/api/v1/obligations/${PLAN}.IV.3.mttq-can-tho`)
        .set(await as('auditor'))
        .set('X-Wait-For-Position', plan.body.position)
        .expect(200)
    ).body;
    expect(o).toMatchObject({ status: 'answered', answer: { documentNumber: '30/KH-MTTQ', answeredOn: '2023-09-15' } });
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023, 2024] }),
    ).toBeGreaterThan(100);
  });
});
