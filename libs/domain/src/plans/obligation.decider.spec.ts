import { deciderSpec } from '@gl/testing';
import {
  decideObligation,
  evolveObligation,
  initialObligation,
  isOverdue,
  Obligation,
  ObligationCommand,
  ObligationError,
} from './obligation.decider';
import { ObligationEvent } from './obligation.events';

const at = (iso: string) => new Date(iso);
const spec = (now = '2023-11-01T03:00:00.000Z') =>
  deciderSpec<ObligationCommand, ObligationEvent, Obligation>(
    { initialState: initialObligation, evolve: (s, e) => evolveObligation(s, e), decide: decideObligation },
    at(now),
  );

const id = 'cantho-2023-ldcs.IV.2.b.ninh-kieu-tan-an.2023';
const assigned: ObligationEvent = {
  type: 'obligation.assigned.v1',
  data: {
    obligationId: id,
    planId: 'cantho-2023-ldcs',
    taskCode: 'IV.2.b',
    unitId: 'ninh-kieu-tan-an',
    role: 'performer',
    kind: 'assigned',
    year: 2023,
    deadline: '2023-11-14T17:00:00.000Z',
    timeWords: 'Hàng năm, trước ngày 15 tháng 11',
    assignedOn: '2023-07-01',
    passedFrom: null,
  },
};
const evidence = {
  documentNumber: '125/BC-UBND',
  documentDate: '2023-11-14',
  attachments: [{ name: 'bao-cao.pdf', sha256: 'a'.repeat(64), size: 48213 }],
};

describe('an obligation', () => {
  it('is acknowledged once', () => {
    spec()
      .given(assigned)
      .when({ type: 'Acknowledge', obligationId: id, unitId: 'ninh-kieu-tan-an' })
      .then({ type: 'obligation.acknowledged.v1', data: { obligationId: id, unitId: 'ninh-kieu-tan-an' } });
    spec()
      .given(assigned, { type: 'obligation.acknowledged.v1', data: { obligationId: id, unitId: 'ninh-kieu-tan-an' } })
      .when({ type: 'Acknowledge', obligationId: id, unitId: 'ninh-kieu-tan-an' })
      .then();
  });

  it('is on time when completed at 23:30 on 14 November, Vietnam time', () =>
    spec('2023-11-14T16:30:00.000Z')
      .given(assigned)
      .when({ type: 'Complete', obligationId: id, evidence })
      .then({ type: 'obligation.completed.v1', data: { obligationId: id, evidence, onTime: true } }));

  it('is late when completed at 00:30 on 15 November, Vietnam time, although UTC says the 14th', () =>
    spec('2023-11-14T17:30:00.000Z')
      .given(assigned)
      .when({ type: 'Complete', obligationId: id, evidence })
      .then({ type: 'obligation.completed.v1', data: { obligationId: id, evidence, onTime: false } }));

  it('is overdue from the deadline, by the clock, until it is completed', () => {
    const s = spec().given(assigned).state();
    expect(isOverdue(s, at('2023-11-14T16:59:59.000Z'))).toBe(false);
    expect(isOverdue(s, at('2023-11-14T17:00:00.000Z'))).toBe(true);
    const done = spec()
      .given(assigned, { type: 'obligation.completed.v1', data: { obligationId: id, evidence, onTime: false } })
      .state();
    expect(isOverdue(done, at('2024-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('gets more time when an extension is approved', () => {
    const requested: ObligationEvent = {
      type: 'obligation.extension-requested.v1',
      data: { obligationId: id, until: '2023-11-30T17:00:00.000Z', reason: 'chờ số liệu' },
    };
    spec()
      .given(assigned, requested)
      .when({ type: 'DecideExtension', obligationId: id, approve: true, reason: 'đồng ý' })
      .then({
        type: 'obligation.extension-approved.v1',
        data: { obligationId: id, until: '2023-11-30T17:00:00.000Z', reason: 'đồng ý' },
      });
    const s = spec()
      .given(assigned, requested, {
        type: 'obligation.extension-approved.v1',
        data: { obligationId: id, until: '2023-11-30T17:00:00.000Z', reason: 'đồng ý' },
      })
      .state();
    expect(s.deadline).toBe('2023-11-30T17:00:00.000Z');
    expect(isOverdue(s, at('2023-11-20T00:00:00.000Z'))).toBe(false);
  });

  it.each<[string, ObligationCommand, RegExp]>([
    [
      'an extension that does not move the deadline later',
      { type: 'RequestExtension', obligationId: id, until: '2023-11-01T00:00:00.000Z', reason: 'x' },
      /later/,
    ],
    ['a progress of 120%', { type: 'UpdateProgress', obligationId: id, percent: 120, note: '' }, /0 to 100/],
    [
      'evidence without a document number',
      { type: 'Complete', obligationId: id, evidence: { ...evidence, documentNumber: ' ' } },
      /document number/,
    ],
    [
      'an attachment not named by its SHA-256',
      {
        type: 'Complete',
        obligationId: id,
        evidence: { ...evidence, attachments: [{ name: 'x', sha256: 'abc', size: 1 }] },
      },
      /SHA-256/,
    ],
    [
      'a decision on no request',
      { type: 'DecideExtension', obligationId: id, approve: true, reason: 'x' },
      /no extension was requested/,
    ],
    ['returning work not completed', { type: 'ReturnForRework', obligationId: id, reason: 'x' }, /only completed work/],
    ['an answer nobody asked for', { type: 'Explain', obligationId: id, answer: 'x' }, /no explanation was requested/],
  ])('refuses %s', (_what, command, message) =>
    spec().given(assigned).when(command).thenThrows(ObligationError, message),
  );

  it('is returned for rework after completion, and completed again', () => {
    const completed: ObligationEvent = {
      type: 'obligation.completed.v1',
      data: { obligationId: id, evidence, onTime: true },
    };
    const returned: ObligationEvent = {
      type: 'obligation.returned.v1',
      data: { obligationId: id, reason: 'thiếu biên bản' },
    };
    spec()
      .given(assigned, completed)
      .when({ type: 'ReturnForRework', obligationId: id, reason: 'thiếu biên bản' })
      .then(returned);
    expect(spec().given(assigned, completed, returned).state().status).toBe('in-progress');
    spec()
      .given(assigned, completed)
      .when({ type: 'Remind', obligationId: id, message: 'x' })
      .thenThrows(ObligationError, /is completed/);
  });

  it('passes to a successor with the same plan, task and year', () =>
    spec()
      .given(assigned)
      .when({ type: 'PassToSuccessor', obligationId: id, toUnitId: 'new-phuong-ninh-kieu', reason: 'sắp xếp 2025' })
      .then({
        type: 'obligation.passed-to-successor.v1',
        data: {
          obligationId: id,
          toUnitId: 'new-phuong-ninh-kieu',
          newObligationId: 'cantho-2023-ldcs.IV.2.b.new-phuong-ninh-kieu.2023',
          reason: 'sắp xếp 2025',
        },
      }));

  it('records reminders and requests for explanation, and the answer', () => {
    spec()
      .given(assigned)
      .when({ type: 'Remind', obligationId: id, message: 'Đề nghị báo cáo đúng hạn' })
      .then({ type: 'obligation.reminded.v1', data: { obligationId: id, message: 'Đề nghị báo cáo đúng hạn' } });
    const asked: ObligationEvent = {
      type: 'obligation.explanation-requested.v1',
      data: { obligationId: id, question: 'Vì sao chậm?' },
    };
    spec()
      .given(assigned, asked)
      .when({ type: 'Explain', obligationId: id, answer: 'Chờ số liệu của các ấp' })
      .then({ type: 'obligation.explanation-given.v1', data: { obligationId: id, answer: 'Chờ số liệu của các ấp' } });
  });
});

describe('a request (đề nghị, plan II.2.b: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố tổ chức tập huấn …")', () => {
  const rid = 'cantho-2023-ldcs.II.2.b.mttq-can-tho.2023';
  const requested: ObligationEvent = {
    type: 'obligation.assigned.v1',
    data: {
      ...assigned.data,
      obligationId: rid,
      taskCode: 'II.2.b',
      unitId: 'mttq-can-tho',
      role: 'lead',
      kind: 'requested',
      deadline: '2023-12-31T17:00:00.000Z',
      timeWords: 'Quý IV năm 2023',
    },
  } as ObligationEvent;

  it('is never overdue, whatever the clock says', () =>
    expect(isOverdue(spec().given(requested).state(), at('2024-06-01T00:00:00.000Z'))).toBe(false));

  it('is answered, with the answer recorded', () =>
    spec()
      .given(requested)
      .when({ type: 'AnswerRequest', obligationId: rid, answer: 'Đã tổ chức', answeredOn: '2023-12-20' })
      .then({
        type: 'obligation.request-answered.v1',
        data: { obligationId: rid, answer: 'Đã tổ chức', answeredOn: '2023-12-20', documentNumber: null },
      }));

  it('is declined, with a reason, and is then closed', () => {
    spec()
      .given(requested)
      .when({ type: 'DeclineRequest', obligationId: rid, reason: 'Đã lồng ghép' })
      .then({ type: 'obligation.request-declined.v1', data: { obligationId: rid, reason: 'Đã lồng ghép' } });
    spec()
      .given(requested, { type: 'obligation.request-declined.v1', data: { obligationId: rid, reason: 'x' } })
      .when({ type: 'AnswerRequest', obligationId: rid, answer: 'y', answeredOn: '2023-12-20' })
      .thenThrows(ObligationError, /declined/);
  });

  it('owes no explanation, and is not completed or extended like an order', () => {
    spec()
      .given(requested)
      .when({ type: 'RequestExplanation', obligationId: rid, question: 'Vì sao?' })
      .thenThrows(ObligationError, /not an order/);
    spec()
      .given(requested)
      .when({ type: 'Complete', obligationId: rid, evidence })
      .thenThrows(ObligationError, /answered or declined/);
    spec()
      .given(requested)
      .when({ type: 'RequestExtension', obligationId: rid, until: '2024-06-30T00:00:00+07:00', reason: 'x' })
      .thenThrows(ObligationError, /not an order/);
  });

  it('is the only kind that is answered', () =>
    spec()
      .given(assigned)
      .when({ type: 'AnswerRequest', obligationId: id, answer: 'x', answeredOn: '2023-12-20' })
      .thenThrows(ObligationError, /order/));
});

// Plan IV.2 (line 122): "xây dựng Kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý" is a
// duty of its own (IV.2.a, no time in the plan); the detailed plan issued under it is the duty done.
describe('the duty to issue a detailed plan (IV.2.a)', () => {
  const dutyId = 'cantho-2023-ldcs.IV.2.a.ninh-kieu';
  const duty: ObligationEvent = {
    type: 'obligation.assigned.v1',
    data: {
      obligationId: dutyId,
      planId: 'cantho-2023-ldcs',
      taskCode: 'IV.2.a',
      unitId: 'ninh-kieu',
      role: 'performer',
      kind: 'assigned',
      year: null,
      deadline: null,
      timeWords: '(Kế hoạch không quy định thời gian)',
      assignedOn: '2023-07-01',
      passedFrom: null,
    },
  };
  const record = (completesDuty: boolean, planId = 'kh-ninh-kieu-2023'): ObligationCommand => ({
    type: 'RecordDetailedPlan',
    obligationId: dutyId,
    planId,
    number: '85/KH-UBND',
    issuedOn: '2023-07-20',
    completesDuty,
  });
  const recorded = (planId = 'kh-ninh-kieu-2023'): ObligationEvent => ({
    type: 'obligation.detailed-plan-recorded.v1',
    data: { obligationId: dutyId, planId, number: '85/KH-UBND', issuedOn: '2023-07-20' },
  });

  it('is completed by the detailed plan, with the plan as its evidence', () =>
    spec()
      .given(duty)
      .when(record(true))
      .then(recorded(), {
        type: 'obligation.completed.v1',
        data: {
          obligationId: dutyId,
          evidence: { documentNumber: '85/KH-UBND', documentDate: '2023-07-20', attachments: [] },
          onTime: true,
        },
      }));

  it('is only recorded on a duty that is not to issue one (the plan implements it, the work is still owed)', () =>
    spec().given(duty).when(record(false)).then(recorded()));

  it('stays completed when a second detailed plan is recorded, and records the same plan once', () => {
    spec()
      .given(duty, recorded(), {
        type: 'obligation.completed.v1',
        data: { obligationId: dutyId, evidence, onTime: true },
      })
      .when(record(true, 'kh-ninh-kieu-2024'))
      .then(recorded('kh-ninh-kieu-2024'));
    spec().given(duty, recorded()).when(record(true)).then();
  });
});
