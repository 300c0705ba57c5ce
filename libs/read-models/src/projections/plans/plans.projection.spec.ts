import { expectAppliedTwiceIsIdempotent, projectionSpec, recorded } from '@gl/testing';
import { obligations } from './obligations.projection';
import { plans } from './plans.projection';

const issued = recorded(
  'plan.issued.v1',
  { planId: 'p1', title: 'Kế hoạch', assignedOn: '2023-07-01', recipients: [] },
  { at: 1, stream: 'plan-p1' },
);
const task = {
  code: 'II.1.d',
  title: 'Hội nghị',
  lead: [],
  performers: [],
  coordinating: [],
  timeFrame: { kind: 'ongoing' },
};
const added = recorded('plan.task-added.v1', { planId: 'p1', task }, { at: 2, stream: 'plan-p1', revision: 1 });
const cancelled = recorded(
  'plan.task-cancelled.v1',
  { planId: 'p1', code: 'II.1.d', reason: 'gộp' },
  { at: 3, stream: 'plan-p1', revision: 2, recordedAt: '2023-09-01T00:00:00.000Z' },
);

const oid = 'p1.II.1.d.tan-an';
const assigned = recorded(
  'obligation.assigned.v1',
  {
    obligationId: oid,
    planId: 'p1',
    taskCode: 'II.1.d',
    unitId: 'tan-an',
    role: 'lead',
    kind: 'assigned',
    year: null,
    deadline: '2023-12-31T17:00:00.000Z',
    timeWords: 'Quý III và quý IV năm 2023',
    assignedOn: '2023-07-01',
    passedFrom: null,
  },
  { at: 10, stream: `obligation-${oid}`, recordedAt: '2023-07-01T01:00:00.000Z' },
);
const reminded = recorded(
  'obligation.reminded.v1',
  { obligationId: oid, message: 'Đôn đốc' },
  { at: 11, stream: `obligation-${oid}`, revision: 1 },
);
const completed = recorded(
  'obligation.completed.v1',
  {
    obligationId: oid,
    evidence: { documentNumber: '1/BC', documentDate: '2023-11-30', attachments: [] },
    onTime: true,
  },
  { at: 12, stream: `obligation-${oid}`, revision: 2, recordedAt: '2023-11-30T03:00:00.000Z' },
);

describe('plans projection', () => {
  it('keeps tasks with their cancellations, and the amendments with reasons', () =>
    projectionSpec(plans)
      .given(issued, added)
      .when(cancelled)
      .then(
        'p1',
        expect.objectContaining({
          tasks: { 'II.1.d': { ...task, cancelled: true } },
          amendments: [
            { type: 'plan.task-cancelled.v1', code: 'II.1.d', reason: 'gộp', at: '2023-09-01T00:00:00.000Z' },
          ],
        }),
      ));

  it('applied twice gives the same result', () => expectAppliedTwiceIsIdempotent(plans, [issued, added, cancelled]));

  const receipt = recorded(
    'plan.receipt-acknowledged.v1',
    { planId: 'p1', recipientKey: 'xa-phuong-thi-tran', unitId: 'ninh-kieu-tan-an', at: '2023-09-01T03:00:00.000Z' },
    {
      at: 4,
      stream: 'plan-p1',
      revision: 3,
      actor: { userId: 'tanan-head', unitId: 'ninh-kieu-tan-an', roles: ['unit-head'] },
    },
  );

  it('keeps who acknowledged each receipt, and when (Nơi nhận)', () =>
    projectionSpec(plans)
      .given(issued)
      .when(receipt)
      .then(
        'p1',
        expect.objectContaining({
          acknowledgements: {
            'xa-phuong-thi-tran': [{ unitId: 'ninh-kieu-tan-an', at: '2023-09-01T03:00:00.000Z', by: 'tanan-head' }],
          },
        }),
      ));

  it('applied twice gives the same result, with receipts', () =>
    expectAppliedTwiceIsIdempotent(plans, [issued, added, receipt, cancelled]));
});

describe('obligations projection', () => {
  it('is the row of the unit inbox: status, deadline, completion and reminders', () =>
    projectionSpec(obligations)
      .given(assigned, reminded)
      .when(completed)
      .then(
        oid,
        expect.objectContaining({
          unitId: 'tan-an',
          status: 'completed',
          percent: 100,
          completedAt: '2023-11-30T03:00:00.000Z',
          onTime: true,
          reminders: 1,
          deadline: '2023-12-31T17:00:00.000Z',
        }),
      ));

  it('applied twice gives the same result', () =>
    expectAppliedTwiceIsIdempotent(obligations, [assigned, reminded, completed]));
});
