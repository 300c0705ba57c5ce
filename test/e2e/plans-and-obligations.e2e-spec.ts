import { EVENT_STORE, EventStore } from '@gl/event-store';
import { READ_STORE, ReadStore } from '@gl/read-models';
import { ObligationFanOut, OpenYearsHandler, OpenYears, RegistryLoader, systemScope } from '@gl/application';
import { SYSTEM_ACTOR } from '@gl/domain';
import { FixedClock } from '@gl/testing';
import { CommandBus } from '@nestjs/cqrs';
import { schemaErrors } from '@gl/platform';
import {
  ObligationAnswer,
  ObligationListAnswer,
  PlanAnswer,
  PlanListAnswer,
} from '../../apps/api/src/plans/plans.responses';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';

const PLAN = 'cantho-2023-ldcs';
const OBLIGATION = `${PLAN}.II.1.d.ninh-kieu-tan-an`;

describe('the plan and its obligations over HTTP', () => {
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });

  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it('holds the imported plan with its 15 tasks (IV.2 is two duties: the detailed plan and the yearly report), recipients and budget duties', async () => {
    const list = await h
      .http()
      .get('/api/v1/plans')
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ planId: PLAN, taskCount: 15 })]);
    expect(schemaErrors(PlanListAnswer, list.body)).toEqual([]);
    const plan = await h
      .http()
      .get(`/api/v1/plans/${PLAN}`)
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(schemaErrors(PlanAnswer, plan.body)).toEqual([]);
    expect(plan.body.issued).toMatchObject({
      signer: { name: 'Trần Việt Trường' },
      difficultyChannel: { reportToUnitId: 'so-noi-vu' },
    });
    expect(plan.body.issued.recipients).toHaveLength(13);
    expect(plan.body.issued.budgetDuties).toHaveLength(3);
    expect(plan.body.tasks['II.1.d']).toMatchObject({
      timeWords: 'Quý III và quý IV năm 2023',
      obligation: 'assigned',
    });
  });

  it('has one II.1.d obligation per commune of the 2023 tree, and one II.4 per department, district, commune, public service unit and enterprise', async () => {
    const auditor = await as('auditor');
    const count = async (q: string) =>
      (await h.http().get(`/api/v1/obligations?${q}&pageSize=1`).set(auditor).expect(200)).body.total;
    // Cần Thơ's 2023 tree only: Hậu Giang's and Sóc Trăng's units stand outside it until 2025.
    const units = async (kind: string) =>
      (
        await h
          .http()
          .get(`/api/v1/units?asOf=2023-07-01&kind=${kind}&underId=ubnd-can-tho&pageSize=1`)
          .set(auditor)
          .expect(200)
      ).body.total;
    expect(await count(`planId=${PLAN}&taskCode=II.1.d`)).toBe(83);
    const kinds = [
      'department',
      'district',
      'commune',
      'public-service-unit',
      'state-enterprise',
      'non-state-enterprise',
    ];
    let expected = 0;
    for (const k of kinds) expected += await units(k);
    expect(await count(`planId=${PLAN}&taskCode=II.4`)).toBe(expected);
    expect(expected).toBe(117);
    expect(await count(`planId=${PLAN}&taskCode=II.2.b`)).toBe(1);
  });

  it('shows a commune its own inbox, and hides it from another commune', async () => {
    const inbox = await h
      .http()
      .get('/api/v1/units/ninh-kieu-tan-an/inbox?pageSize=100')
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(inbox.body.items.map((o: { taskCode: string; role: string }) => `${o.taskCode}:${o.role}`).sort()).toEqual([
      'II.1.a:coordinating',
      'II.1.b:coordinating',
      'II.1.d:lead',
      'II.3:coordinating',
      'II.4:lead',
      'II.6:coordinating',
      'IV.2.a:performer',
      'IV.2.b:performer',
    ]);
    expect(schemaErrors(ObligationListAnswer, inbox.body)).toEqual([]);
    await h
      .http()
      .get('/api/v1/units/ninh-kieu-tan-an/inbox')
      .set(await as('anhoa-reporter'))
      .expect(404);
    await h
      .http()
      .get(`/api/v1/obligations/${OBLIGATION}`)
      .set(await as('anhoa-reporter'))
      .expect(404);
    await h
      .http()
      .post(`/api/v1/obligations/${OBLIGATION}/acknowledgement`)
      .set(await as('anhoa-reporter'))
      .expect(404);
    const theirs = await h
      .http()
      .get('/api/v1/obligations?pageSize=100')
      .set(await as('anhoa-reporter'))
      .expect(200);
    expect(theirs.body.items.every((o: { unitId: string }) => o.unitId === 'ninh-kieu-an-hoa')).toBe(true);
  });

  it('lists overdue obligations: deadlines of 2023 have passed', async () => {
    const overdue = await h
      .http()
      .get('/api/v1/obligations?unitId=ninh-kieu-tan-an&overdue=true&pageSize=100')
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(overdue.body.items.map((o: { taskCode: string }) => o.taskCode).sort()).toEqual([
      'II.1.a',
      'II.1.d',
      'II.3',
      'II.4',
      'IV.2.b',
    ]);
    expect(overdue.body.items.every((o: { overdue: boolean }) => o.overdue)).toBe(true);
    expect(schemaErrors(ObligationListAnswer, overdue.body)).toEqual([]);
    const period = await h
      .http()
      .get('/api/v1/obligations?unitId=ninh-kieu-tan-an&deadlineFrom=2023-11-01&deadlineTo=2023-12-01')
      .set(await as('tanan-reporter'))
      .expect(200);
    expect(period.body.items.map((o: { taskCode: string }) => o.taskCode)).toEqual(['IV.2.b']);
  });

  it('carries one commune obligation through its whole life', async () => {
    const reporter = await as('tanan-reporter');
    const coordinator = await as('sonv-coordinator');
    const step = async (who: Record<string, string>, path: string, body?: object) =>
      (
        await h
          .http()
          .post(`/api/v1/obligations/${OBLIGATION}/${path}`)
          .set(who)
          .send(body ?? {})
          .expect(201)
      ).body.position as string;
    const read = async (position: string) =>
      (
        await h
          .http()
          .get(`/api/v1/obligations/${OBLIGATION}`)
          .set(reporter)
          .set('X-Wait-For-Position', position)
          .expect(200)
      ).body;

    expect((await read(await step(reporter, 'acknowledgement'))).status).toBe('acknowledged');
    expect(
      (await read(await step(reporter, 'progress', { percent: 40, note: 'Đã chuẩn bị tài liệu hội nghị' }))).percent,
    ).toBe(40);
    await step(reporter, 'extension-requests', {
      until: '2030-01-01T00:00:00+07:00',
      reason: 'Chờ lịch của Phòng Nội vụ',
    });
    const extended = await read(
      await step(coordinator, 'extension-decision', { approve: true, reason: 'Đồng ý gia hạn' }),
    );
    expect(extended).toMatchObject({ deadline: '2029-12-31T17:00:00.000Z', overdue: false, extensionPending: null });
    await step(coordinator, 'reminders', { message: 'Đề nghị UBND phường khẩn trương tổ chức hội nghị' });
    await step(coordinator, 'explanation-requests', { question: 'Lý do chưa tổ chức hội nghị trong năm 2023?' });
    expect(
      (await read(await step(reporter, 'explanation', { answer: 'Do trùng lịch tiếp xúc cử tri' }))).explanationPending,
    ).toBe(false);
    const evidence = {
      documentNumber: '125/BC-UBND',
      documentDate: '2024-01-10',
      attachments: [{ name: 'bien-ban.pdf', sha256: 'ab'.repeat(32), size: 183_442 }],
    };
    expect(await read(await step(reporter, 'completion', { evidence }))).toMatchObject({
      status: 'completed',
      onTime: true,
      reminders: 1,
    });
    expect((await read(await step(coordinator, 'return', { reason: 'Thiếu danh sách đại biểu' }))).status).toBe(
      'in-progress',
    );
    const done = await read(
      await step(reporter, 'completion', { evidence: { ...evidence, documentNumber: '126/BC-UBND' } }),
    );
    expect(done.status).toBe('completed');
    expect(schemaErrors(ObligationAnswer, done)).toEqual([]);
    expect(done.history.map((x: { type: string }) => x.type.replace(/^obligation\.|\.v1$/g, ''))).toEqual([
      'assigned',
      'acknowledged',
      'progress-updated',
      'extension-requested',
      'extension-approved',
      'reminded',
      'explanation-requested',
      'explanation-given',
      'completed',
      'returned',
      'completed',
    ]);
    const [last] = await h.app
      .get<EventStore>(EVENT_STORE)
      .readStream(`obligation-${OBLIGATION}`, { direction: 'backward', maxCount: 1 });
    expect(last.metadata.actor).toEqual({
      userId: 'tanan-reporter',
      unitId: 'ninh-kieu-tan-an',
      roles: ['unit-reporter'],
    });
  });

  it.each([
    ['progress', { percent: 150, note: '' }, 'percent must be at most 100'],
    [
      'completion',
      {
        evidence: {
          documentNumber: '1',
          documentDate: '2024-01-01',
          attachments: [{ name: 'x', sha256: 'zz', size: 1 }],
        },
      },
      'evidence.attachments[0].sha256 must be a SHA-256 (64 lower-case hex digits)',
    ],
    [
      'completion',
      { evidence: { documentNumber: '1', documentDate: '01/01/2024', attachments: [] } },
      'evidence.documentDate must be a date (YYYY-MM-DD)',
    ],
    ['extension-requests', { until: 'next week', reason: 'x' }, 'until must be an instant (ISO 8601 with a zone)'],
    ['reminders', { message: 'x', urgent: true }, 'property urgent should not exist'],
  ])('refuses bad input to %s with 400, writing nothing', async (path, body, message) => {
    const before = await h.app.get<EventStore>(EVENT_STORE).headPosition();
    const res = await h
      .http()
      .post(`/api/v1/obligations/${PLAN}.II.4.ninh-kieu-tan-an/${path}`)
      .set(await as('sonv-coordinator'))
      .send(body)
      .expect(400);
    expect(res.body.detail).toContain(message);
    expect(await h.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(before);
  });

  it("leaves the coordinator's steps to the coordinator (403) and the unit's to the unit", async () => {
    const res = await h
      .http()
      .post(`/api/v1/obligations/${PLAN}.II.4.ninh-kieu-tan-an/cancellation`)
      .set(await as('tanan-reporter'))
      .send({ reason: 'x' })
      .expect(403);
    expect(res.body.type).toBe('/problems/not-permitted');
    await h
      .http()
      .post(`/api/v1/obligations/${PLAN}.II.4.ninh-kieu-tan-an/progress`)
      .set(await as('auditor'))
      .send({ percent: 1, note: '' })
      .expect(403);
  });

  it('opens the yearly tasks of later years when the clock says so, and a second run creates nothing', async () => {
    await h.settle();
    const clock = new FixedClock('2025-01-01T00:30:00+07:00');
    const handler = new OpenYearsHandler(
      h.app.get(EVENT_STORE),
      h.app.get(READ_STORE),
      clock,
      h.app.get(ObligationFanOut),
      h.app.get(CommandBus),
      h.app.get(RegistryLoader),
    );
    const ctx = { actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'test' };
    const first = await handler.execute(new OpenYears(ctx));
    // Who owes a yearly duty: the units standing on the day it falls due (IV.2: 14 November).
    // 2024: II.2.a–c and IV.1 once each, IV.2 for 19 departments, 9 districts and 80 communes (the Ninh Kiều
    // merger took effect on 1 November 2024); 2025: 14 departments after the March mergers, no district
    // (the level ended on 1 July 2025), and the new city's 103 communes.
    expect(first).toEqual({ created: 4 + (19 + 9 + 80) + 4 + (14 + 103), existing: 0 });
    expect(await handler.execute(new OpenYears(ctx))).toEqual({ created: 0, existing: first.created });
    await h.settle();
    const reads = h.app.get<ReadStore>(READ_STORE);
    // Phường Tân An ended on 1 July 2025 (NQ 1668): the 2025 report is owed by Phường Ninh Kiều, which took it whole.
    expect(await reads.get('obligations', `${PLAN}.IV.2.b.ninh-kieu-tan-an.2025`)).toBeNull();
    expect(await reads.get('obligations', `${PLAN}.IV.2.b.new-phuong-ninh-kieu.2025`)).toMatchObject({
      year: 2025,
      deadline: '2025-11-14T17:00:00.000Z',
      assignedOn: '2025-07-01',
    });
    expect(await reads.get('obligations', `${PLAN}.IV.2.b.ninh-kieu.2025`)).toBeNull();
  });

  it('stores only events that match the JSON Schemas served at /api/v1/event-types', async () => {
    const seen = await expectEventsMatchTheirSchemas(h);
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe('detailed plans and amendments', () => {
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const detailed = (issuerUnitId: string, taskCodes = ['II.1.d', 'II.4']) => ({
    planId: `${issuerUnitId}-2023`,
    number: '45/KH-UBND',
    issuedOn: '2023-08-01',
    assignedOn: '2023-08-01',
    issuerUnitId,
    signer: { name: 'Chủ tịch UBND phường (demo)', title: 'Chủ tịch' },
    legalBasis: [],
    title: 'Kế hoạch chi tiết triển khai thi hành Luật',
    purposes: [],
    requirements: [],
    sections: [],
    budgetDuties: [],
    difficultyChannel: { reportToUnitId: 'so-noi-vu', text: '' },
    recipients: [],
    parent: { planId: PLAN, taskCodes },
  });

  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it("records a commune's detailed plan linked to the city plan's tasks", async () => {
    await h
      .http()
      .post('/api/v1/plans')
      .set(await as('tanan-head'))
      .send(detailed('ninh-kieu-tan-an'))
      .expect(201);
    await h.settle();
    const plan = await h
      .http()
      .get('/api/v1/plans/ninh-kieu-tan-an-2023')
      .set(await as('tanan-head'))
      .expect(200);
    // Plan IV.2: the detailed plan answers the commune's own obligations under the tasks it implements.
    expect(plan.body.issued.parent).toEqual({
      planId: PLAN,
      taskCodes: ['II.1.d', 'II.4'],
      fulfils: [
        { taskCode: 'II.1.d', obligationId: `${PLAN}.II.1.d.ninh-kieu-tan-an` },
        { taskCode: 'II.4', obligationId: `${PLAN}.II.4.ninh-kieu-tan-an` },
      ],
    });
  });

  it('refuses a detailed plan for another commune (404), for a task the city plan lacks (404), and a city plan by a unit (403)', async () => {
    await h
      .http()
      .post('/api/v1/plans')
      .set(await as('anhoa-reporter'))
      .send(detailed('ninh-kieu-tan-an'))
      .expect(404);
    const missing = await h
      .http()
      .post('/api/v1/plans')
      .set(await as('anhoa-reporter'))
      .send(detailed('ninh-kieu-an-hoa', ['II.9']))
      .expect(404);
    expect(missing.body.type).toBe('/problems/task-not-found');
    await h
      .http()
      .post('/api/v1/plans')
      .set(await as('anhoa-reporter'))
      .send({ ...detailed('ninh-kieu-an-hoa'), parent: undefined })
      .expect(403);
  });

  it('cancels a task with a reason, and its open obligations with it', async () => {
    const res = await h
      .http()
      .post(`/api/v1/plans/${PLAN}/tasks/II.2.c/cancellation`)
      .set(await as('sonv-coordinator'))
      .send({ reason: 'Liên đoàn Lao động đã tổ chức' })
      .expect(201);
    expect(res.body.obligations).toEqual({ cancelled: 1 });
    await h.settle();
    const o = await h
      .http()
      .get(`/api/v1/obligations/${PLAN}.II.2.c.ldld-can-tho.2023`)
      .set(await as('auditor'))
      .expect(200);
    expect(o.body.status).toBe('cancelled');
    const plan = await h
      .http()
      .get(`/api/v1/plans/${PLAN}`)
      .set(await as('auditor'))
      .expect(200);
    expect(plan.body.amendments).toEqual([
      expect.objectContaining({
        type: 'plan.task-cancelled.v1',
        code: 'II.2.c',
        reason: 'Liên đoàn Lao động đã tổ chức',
      }),
    ]);
    expect(schemaErrors(PlanAnswer, plan.body)).toEqual([]);
    expect(schemaErrors(ObligationAnswer, o.body)).toEqual([]);
  });

  it('adds a task by amendment and fans it out at once', async () => {
    const res = await h
      .http()
      .post(`/api/v1/plans/${PLAN}/tasks`)
      .set(await as('sonv-coordinator'))
      .send({
        code: 'II.7',
        section: 'II',
        title: 'Sơ kết 6 tháng',
        description: '',
        lead: [{ group: 'every-district-peoples-committee' }],
        performers: [],
        coordinating: [],
        obligation: 'assigned',
        timeFrame: { kind: 'before', date: '2024-01-15' },
        timeWords: 'Trước ngày 15 tháng 01 năm 2024',
      })
      .expect(201);
    expect(res.body.obligations).toEqual({ created: 9, existing: 0 });
  });

  it("takes a task's time frame only in one of its shapes (400, writing nothing), and keeps what discharges the duty", async () => {
    const coordinator = await as('sonv-coordinator');
    const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
    const task = {
      code: 'II.8',
      section: 'II',
      title: 'Kế hoạch chi tiết của các sở',
      description: '',
      lead: [{ group: 'every-department' }],
      performers: [],
      coordinating: [],
      obligation: 'assigned',
      timeWords: 'Quý IV năm 2023',
    };
    const before = await head();
    for (const [timeFrame, message] of [
      [{ kind: 'quarters', year: 2023, quarters: [5], join: 'or' }, 'timeFrame.quarters[0] must be at most 4'],
      [{ kind: 'weekly' }, 'timeFrame must be a time frame whose kind is quarters, month, before'],
      [{ kind: 'before', date: '15/11/2023' }, 'timeFrame.date must be a date (YYYY-MM-DD)'],
      [{ kind: 'ongoing', from: 2023 }, 'property timeFrame.from should not exist'],
    ] as const) {
      const res = await h
        .http()
        .post(`/api/v1/plans/${PLAN}/tasks`)
        .set(coordinator)
        .send({ ...task, timeFrame })
        .expect(400);
      expect(res.body.detail).toContain(message);
    }
    expect(await head()).toBe(before);
    const ok = await h
      .http()
      .post(`/api/v1/plans/${PLAN}/tasks`)
      .set(coordinator)
      .send({
        ...task,
        timeFrame: { kind: 'quarters', year: 2023, quarters: [4], join: 'and' },
        dischargedBy: 'detailed-plan',
      })
      .expect(201);
    const plan = await h
      .http()
      .get(`/api/v1/plans/${PLAN}`)
      .set(coordinator)
      .set('X-Wait-For-Position', ok.body.position)
      .expect(200);
    expect(plan.body.tasks['II.8']).toMatchObject({
      dischargedBy: 'detailed-plan',
      timeFrame: { kind: 'quarters', quarters: [4] },
      cancelled: false,
    });
  });

  it('acknowledges receipt of the plan for a unit on the distribution list', async () => {
    await h
      .http()
      .post(`/api/v1/plans/${PLAN}/receipts`)
      .set(await as('tanan-reporter'))
      .send({ recipientKey: 'xa-phuong-thi-tran', unitId: 'ninh-kieu-tan-an' })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/plans/${PLAN}/receipts`)
      .set(await as('tanan-reporter'))
      .send({ recipientKey: 'xa-phuong-thi-tran', unitId: 'ninh-kieu-an-hoa' })
      .expect(404);
    await h.settle();
    const plan = await h
      .http()
      .get(`/api/v1/plans/${PLAN}`)
      .set(await as('auditor'))
      .expect(200);
    expect(plan.body.acknowledgements['xa-phuong-thi-tran']).toEqual([
      expect.objectContaining({ unitId: 'ninh-kieu-tan-an' }),
    ]);
  });
});

describe('obligations after the 2025 reorganisation', () => {
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });

  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(() => h.close());

  it('passes an obligation only to a recorded successor, which then holds it', async () => {
    const from = `${PLAN}.II.1.d.ninh-kieu-xuan-khanh`;
    const wrong = await h
      .http()
      .post(`/api/v1/obligations/${from}/passing`)
      .set(await as('sonv-coordinator'))
      .send({ toUnitId: 'new-phuong-cai-khe', reason: 'sắp xếp' })
      .expect(422);
    expect(wrong.body.detail).toMatch(/is not a successor/);
    const res = await h
      .http()
      .post(`/api/v1/obligations/${from}/passing`)
      .set(await as('sonv-coordinator'))
      .send({
        toUnitId: 'new-phuong-ninh-kieu',
        reason: 'Nghị quyết 1668/NQ-UBTVQH15: phường Xuân Khánh nhập vào phường Ninh Kiều',
      })
      .expect(201);
    const next = await h
      .http()
      .get(`/api/v1/obligations/${PLAN}.II.1.d.new-phuong-ninh-kieu`)
      .set(await as('sonv-coordinator'))
      .set('X-Wait-For-Position', res.body.position)
      .expect(200);
    expect(next.body).toMatchObject({
      unitId: 'new-phuong-ninh-kieu',
      passedFrom: from,
      status: 'open',
      deadline: '2023-12-31T17:00:00.000Z',
    });
    const old = await h
      .http()
      .get(`/api/v1/obligations/${from}`)
      .set(await as('sonv-coordinator'))
      .expect(200);
    expect(old.body).toMatchObject({ status: 'passed', passedTo: 'new-phuong-ninh-kieu' });
    expect(schemaErrors(ObligationAnswer, old.body)).toEqual([]);
  });
});
