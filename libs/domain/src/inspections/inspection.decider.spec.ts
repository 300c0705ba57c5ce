import { deciderSpec } from '@gl/testing';
import {
  decideInspection,
  evolveInspection,
  initialInspection,
  Inspection,
  InspectionCommand,
  InspectionExists,
  InspectionNotFound,
  InvalidInspection,
} from './inspection.decider';
import { InspectionEvent, inspectionDayOf } from './inspection.events';

// Plan I.2.d ("thường xuyên kiểm tra, đôn đốc"), II.6 ("theo dõi, kiểm tra") and IV.1 (Sở Nội vụ "theo dõi, kiểm tra, đôn đốc … xã, phường, thị trấn").
const spec = (now = '2023-12-20T03:00:00.000Z') =>
  deciderSpec<InspectionCommand, InspectionEvent, Inspection>(
    { initialState: initialInspection, evolve: evolveInspection, decide: decideInspection },
    new Date(now),
  );
const id = { inspectionId: 'kt-1' };
const decision = { number: '120/QĐ-SNV', date: '2023-10-02', issuer: 'Sở Nội vụ' };
const plannedData = {
  ...id,
  inspectingUnitId: 'so-noi-vu',
  inspectedUnitId: 'ninh-kieu-tan-an',
  planId: 'cantho-2023-ldcs',
  taskCodes: ['IV.2', 'II.4'],
  plannedFrom: '2023-10-16',
  plannedTo: '2023-10-20',
  decision,
  title: 'Kiểm tra việc thực hiện Luật',
};
const planned: InspectionEvent = { type: 'inspection.planned.v1', data: plannedData };
const conductedData = {
  ...id,
  heldOn: '2023-10-17',
  endedOn: '2023-10-18',
  inspectors: [{ name: 'Nguyễn Văn A', title: 'Chuyên viên' }],
  findings: [
    { taskCode: 'IV.2', finding: 'Báo cáo đúng hạn', rating: 'good' as const },
    { taskCode: 'II.4', finding: 'Chưa ban hành quy chế', rating: 'unsatisfactory' as const },
  ],
};
const conducted: InspectionEvent = { type: 'inspection.conducted.v1', data: conductedData };
const requestedData = {
  ...id,
  followUpId: 'kn-1',
  request: 'Ban hành quy chế dân chủ',
  requestedOn: '2023-10-25',
  dueOn: '2023-11-30',
};
const requested: InspectionEvent = { type: 'inspection.follow-up-requested.v1', data: requestedData };
const answeredData = {
  ...id,
  followUpId: 'kn-1',
  answer: 'Đã ban hành Quyết định 5/QĐ-UBND',
  answeredOn: '2023-11-20',
  documentNumber: '5/QĐ-UBND',
};
const answered: InspectionEvent = { type: 'inspection.follow-up-answered.v1', data: answeredData };
const closedData = {
  ...id,
  closedOn: '2023-12-01',
  conclusion: 'Thực hiện cơ bản tốt',
  document: { number: '200/KL-SNV', date: '2023-12-01', issuer: 'Sở Nội vụ' },
};
const closed: InspectionEvent = { type: 'inspection.closed.v1', data: closedData };

describe('an inspection (kiểm tra; plan I.2.d, II.6, IV.1)', () => {
  it('is planned with its decision, the tasks in scope and the dates', () =>
    spec()
      .given()
      .when({ type: 'PlanInspection', ...plannedData })
      .then(planned));

  it('is conducted on or after the planned start, with a finding and a rating per task in scope', () =>
    spec()
      .given(planned)
      .when({ type: 'RecordConduct', ...conductedData })
      .then(conducted));

  it('asks the inspected unit for a follow-up (kiến nghị), which it answers after the request', () => {
    spec()
      .given(planned, conducted)
      .when({ type: 'RequestFollowUp', ...requestedData })
      .then(requested);
    spec()
      .given(planned, conducted, requested)
      .when({ type: 'AnswerFollowUp', ...answeredData })
      .then(answered);
  });

  it('is closed with its conclusion (kết luận) once every follow-up is answered', () => {
    spec()
      .given(planned, conducted, requested, answered)
      .when({ type: 'CloseInspection', ...closedData })
      .then(closed);
    expect(spec().given(planned, conducted, requested, answered, closed).state()).toMatchObject({
      status: 'closed',
      findings: conductedData.findings,
      followUps: [{ followUpId: 'kn-1', answeredOn: '2023-11-20' }],
    });
  });

  it('dates each event on its business day', () =>
    expect([planned, conducted, requested, answered, closed].map(inspectionDayOf)).toEqual([
      '2023-10-02',
      '2023-10-17',
      '2023-10-25',
      '2023-11-20',
      '2023-12-01',
    ]));

  it('is planned once', () =>
    spec()
      .given(planned)
      .when({ type: 'PlanInspection', ...plannedData })
      .thenThrows(InspectionExists));
  it('takes no step before it is planned', () =>
    spec()
      .given()
      .when({ type: 'RecordConduct', ...conductedData })
      .thenThrows(InspectionNotFound));

  it.each<[string, InspectionEvent[], InspectionCommand, RegExp]>([
    [
      'a unit inspecting itself',
      [],
      { type: 'PlanInspection', ...plannedData, inspectedUnitId: 'so-noi-vu' },
      /does not inspect itself/,
    ],
    ['no task in scope', [], { type: 'PlanInspection', ...plannedData, taskCodes: [] }, /at least one task/],
    [
      'a planned end before its start',
      [],
      { type: 'PlanInspection', ...plannedData, plannedTo: '2023-10-15' },
      /before plannedFrom/,
    ],
    [
      'a decision dated after the planned start',
      [],
      { type: 'PlanInspection', ...plannedData, decision: { ...decision, date: '2023-10-17' } },
      /after the planned start/,
    ],
    [
      'a date that is not on the calendar',
      [],
      { type: 'PlanInspection', ...plannedData, plannedFrom: '2023-02-30' },
      /real date/,
    ],
    // "conducted on/after planned start"
    [
      'an inspection held before its planned start',
      [planned],
      { type: 'RecordConduct', ...conductedData, heldOn: '2023-10-15' },
      /before the planned start/,
    ],
    [
      'an inspection held in the future',
      [planned],
      { type: 'RecordConduct', ...conductedData, endedOn: '2024-01-05' },
      /after today/,
    ],
    ['conducting twice', [planned, conducted], { type: 'RecordConduct', ...conductedData }, /already conducted/],
    [
      'a finding on a task outside the scope',
      [planned],
      { type: 'RecordConduct', ...conductedData, findings: [{ taskCode: 'II.1.d', finding: 'x', rating: 'good' }] },
      /does not cover/,
    ],
    ['no finding', [planned], { type: 'RecordConduct', ...conductedData, findings: [] }, /at least one finding/],
    [
      'an unknown rating',
      [planned],
      {
        type: 'RecordConduct',
        ...conductedData,
        findings: [{ taskCode: 'IV.2', finding: 'x', rating: 'excellent' as never }],
      },
      /rating must be/,
    ],
    ['no inspector', [planned], { type: 'RecordConduct', ...conductedData, inspectors: [] }, /at least one inspector/],
    [
      'a follow-up before the inspection was conducted',
      [planned],
      { type: 'RequestFollowUp', ...requestedData },
      /after the inspection was conducted/,
    ],
    [
      'a follow-up dated before the inspection',
      [planned, conducted],
      { type: 'RequestFollowUp', ...requestedData, requestedOn: '2023-10-16' },
      /before the inspection was held/,
    ],
    [
      'a follow-up due before it is requested',
      [planned, conducted],
      { type: 'RequestFollowUp', ...requestedData, dueOn: '2023-10-24' },
      /before requestedOn/,
    ],
    [
      'the same follow-up twice',
      [planned, conducted, requested],
      { type: 'RequestFollowUp', ...requestedData },
      /already requested/,
    ],
    // "follow-up answered after requested"
    [
      'an answer before the request',
      [planned, conducted, requested],
      { type: 'AnswerFollowUp', ...answeredData, answeredOn: '2023-10-24' },
      /before the follow-up was requested/,
    ],
    [
      'an answer to no follow-up',
      [planned, conducted],
      { type: 'AnswerFollowUp', ...answeredData },
      /requested no follow-up/,
    ],
    [
      'answering twice',
      [planned, conducted, requested, answered],
      { type: 'AnswerFollowUp', ...answeredData },
      /already answered/,
    ],
    // "closed after conducted"
    [
      'closing before it was conducted',
      [planned],
      { type: 'CloseInspection', ...closedData },
      /after it was conducted/,
    ],
    [
      'closing before it ended',
      [planned, conducted],
      { type: 'CloseInspection', ...closedData, closedOn: '2023-10-17' },
      /before the inspection ended/,
    ],
    [
      'closing with a follow-up unanswered',
      [planned, conducted, requested],
      { type: 'CloseInspection', ...closedData },
      /not answered yet/,
    ],
    [
      'closing before the last answer',
      [planned, conducted, requested, answered],
      { type: 'CloseInspection', ...closedData, closedOn: '2023-11-19' },
      /before the last follow-up was answered/,
    ],
    [
      'any step after closing',
      [planned, conducted, closed],
      { type: 'RequestFollowUp', ...requestedData },
      /takes no further step/,
    ],
  ])('refuses %s', (_what, past, command, message) =>
    spec()
      .given(...past)
      .when(command)
      .thenThrows(InvalidInspection, message),
  );
});
