import { deciderSpec } from '@gl/testing';
import { decidePlan, evolvePlan, initialPlan, Plan, PlanCommand, PlanError } from './plan.decider';
import { PlanEvent, TaskDefinition } from './plan.events';

const spec = () =>
  deciderSpec<PlanCommand, PlanEvent, Plan>({ initialState: initialPlan, evolve: evolvePlan, decide: decidePlan });
const issued: PlanEvent = {
  type: 'plan.issued.v1',
  data: {
    planId: 'p1',
    number: null,
    issuedOn: null,
    assignedOn: '2023-07-01',
    issuerUnitId: 'ubnd-can-tho',
    signer: { name: 'Trần Việt Trường', title: 'Chủ tịch' },
    legalBasis: [],
    title: 'Kế hoạch',
    purposes: [],
    requirements: [],
    sections: [],
    budgetDuties: [],
    difficultyChannel: { reportToUnitId: 'so-noi-vu', text: '' },
    recipients: [
      {
        key: 'xa-phuong-thi-tran',
        label: 'TT. HĐND, UBND xã, phường, thị trấn',
        unitIds: [],
        groups: ['every-commune-peoples-committee'],
      },
    ],
    parent: null,
  },
};
const task: TaskDefinition = {
  code: 'II.1.d',
  section: 'II.1',
  title: 'Hội nghị tại xã',
  description: '',
  lead: [{ group: 'every-commune-peoples-committee' }],
  performers: [],
  coordinating: [],
  obligation: 'assigned',
  timeFrame: { kind: 'quarters', year: 2023, quarters: [3, 4], join: 'and' },
  timeWords: 'Quý III và quý IV năm 2023',
};

describe('a plan', () => {
  it('adds a task', () =>
    spec()
      .given(issued)
      .when({ type: 'AddTask', planId: 'p1', task })
      .then({ type: 'plan.task-added.v1', data: { planId: 'p1', task } }));

  it.each<[string, PlanCommand, RegExp]>([
    ['a task twice', { type: 'AddTask', planId: 'p1', task }, /exists/],
    ['a bad code', { type: 'AddTask', planId: 'p1', task: { ...task, code: '2.1.d' } }, /not a task code/],
    [
      'a task for nobody',
      { type: 'AddTask', planId: 'p1', task: { ...task, code: 'II.9', lead: [] } },
      /needs a lead or performers/,
    ],
    [
      'a fifth quarter',
      {
        type: 'AddTask',
        planId: 'p1',
        task: { ...task, code: 'II.9', timeFrame: { kind: 'quarters', year: 2023, quarters: [5], join: 'or' } },
      },
      /quarters are 1 to 4/,
    ],
    ['an amendment without a reason', { type: 'ChangeTask', planId: 'p1', task, reason: '' }, /needs a reason/],
    [
      'a receipt from someone not on the list',
      { type: 'AcknowledgeReceipt', planId: 'p1', recipientKey: 'nobody', unitId: 'x' },
      /no recipient/,
    ],
  ])('refuses %s', (_what, command, message) =>
    spec()
      .given(issued, { type: 'plan.task-added.v1', data: { planId: 'p1', task } })
      .when(command)
      .thenThrows(PlanError, message),
  );

  it('cancels a task with a reason, and records a receipt once per unit', () => {
    const s = spec()
      .given(
        issued,
        { type: 'plan.task-added.v1', data: { planId: 'p1', task } },
        { type: 'plan.task-cancelled.v1', data: { planId: 'p1', code: 'II.1.d', reason: 'gộp nhiệm vụ' } },
      )
      .state();
    expect(s.tasks['II.1.d'].cancelled).toBe(true);
    const receipt: PlanEvent = {
      type: 'plan.receipt-acknowledged.v1',
      data: {
        planId: 'p1',
        recipientKey: 'xa-phuong-thi-tran',
        unitId: 'ninh-kieu-tan-an',
        at: '2023-11-14T03:00:00.000Z',
      },
    };
    spec()
      .given(issued)
      .when({
        type: 'AcknowledgeReceipt',
        planId: 'p1',
        recipientKey: 'xa-phuong-thi-tran',
        unitId: 'ninh-kieu-tan-an',
      })
      .then(receipt);
    spec()
      .given(issued, receipt)
      .when({
        type: 'AcknowledgeReceipt',
        planId: 'p1',
        recipientKey: 'xa-phuong-thi-tran',
        unitId: 'ninh-kieu-tan-an',
      })
      .then();
  });

  describe('a detailed plan (kế hoạch chi tiết, plan IV.2–3)', () => {
    const detailed = (parent: object): PlanCommand =>
      ({
        type: 'IssuePlan',
        ...(issued.data as object),
        planId: 'ninh-kieu-2023',
        issuerUnitId: 'ninh-kieu',
        recipients: [],
        parent,
      }) as unknown as PlanCommand;
    const fulfils = [{ taskCode: 'IV.2', obligationId: 'p1.IV.2.ninh-kieu.2023' }];

    it("records the issuer's obligation it answers under each parent task", () => {
      const parent = { planId: 'p1', taskCodes: ['IV.2'], fulfils };
      spec()
        .given()
        .when(detailed(parent))
        .then({ type: 'plan.issued.v1', data: expect.objectContaining({ planId: 'ninh-kieu-2023', parent }) as never });
    });

    it.each<[string, object, RegExp]>([
      [
        'for a task under which its issuer owes nothing',
        { planId: 'p1', taskCodes: ['IV.2', 'II.1.d'], fulfils },
        /ninh-kieu has no obligation under task II\.1\.d/,
      ],
      ['that names no parent task', { planId: 'p1', taskCodes: [], fulfils: [] }, /names the tasks/],
      [
        'that names a parent task twice',
        { planId: 'p1', taskCodes: ['IV.2', 'IV.2'], fulfils },
        /each parent task once/,
      ],
    ])('is refused %s', (_what, parent, message) =>
      spec().given().when(detailed(parent)).thenThrows(PlanError, message),
    );
  });
});
