import { expectAppliedTwiceIsIdempotent, projectionSpec, recorded } from '@gl/testing';
import { inspections } from './inspections.projection';

const stream = 'inspection-kt-1';
const planned = recorded(
  'inspection.planned.v1',
  {
    inspectionId: 'kt-1',
    inspectingUnitId: 'so-noi-vu',
    inspectedUnitId: 'ninh-kieu-tan-an',
    planId: 'cantho-2023-ldcs',
    taskCodes: ['IV.2', 'II.4'],
    plannedFrom: '2023-10-16',
    plannedTo: '2023-10-20',
    decision: { number: '120/QĐ-SNV', date: '2023-10-02', issuer: 'Sở Nội vụ' },
    title: 'Kiểm tra',
  },
  { at: 1, stream },
);
const findings = [
  { taskCode: 'IV.2', finding: 'Đúng hạn', rating: 'good' },
  { taskCode: 'II.4', finding: 'Chưa có quy chế', rating: 'unsatisfactory' },
];
const conducted = recorded(
  'inspection.conducted.v1',
  {
    inspectionId: 'kt-1',
    heldOn: '2023-10-17',
    endedOn: '2023-10-17',
    inspectors: [{ name: 'A', title: 'Chuyên viên' }],
    findings,
  },
  { at: 2, stream, revision: 1 },
);
const requested = recorded(
  'inspection.follow-up-requested.v1',
  {
    inspectionId: 'kt-1',
    followUpId: 'kn-1',
    request: 'Ban hành quy chế',
    requestedOn: '2023-10-25',
    dueOn: '2023-11-30',
  },
  { at: 3, stream, revision: 2 },
);
const answered = recorded(
  'inspection.follow-up-answered.v1',
  { inspectionId: 'kt-1', followUpId: 'kn-1', answer: 'Đã ban hành', answeredOn: '2023-11-20', documentNumber: null },
  {
    at: 4,
    stream,
    revision: 3,
    actor: { userId: 'tanan-reporter', unitId: 'ninh-kieu-tan-an', roles: ['unit-reporter'] },
  },
);
const closed = recorded(
  'inspection.closed.v1',
  {
    inspectionId: 'kt-1',
    closedOn: '2023-12-01',
    conclusion: 'Tốt',
    document: { number: '200/KL-SNV', date: '2023-12-01', issuer: 'Sở Nội vụ' },
  },
  { at: 5, stream, revision: 4 },
);

describe('inspections projection', () => {
  it('keeps the findings, the follow-ups with their answers, the closing and every step with its day', () =>
    projectionSpec(inspections)
      .given(planned, conducted, requested)
      .when(answered, closed)
      .then(
        'kt-1',
        expect.objectContaining({
          inspectedUnitId: 'ninh-kieu-tan-an',
          inspectingUnitId: 'so-noi-vu',
          year: 2023,
          status: 'closed',
          findings,
          followUps: [expect.objectContaining({ followUpId: 'kn-1', answeredOn: '2023-11-20', answer: 'Đã ban hành' })],
          closed: expect.objectContaining({ closedOn: '2023-12-01' }),
          history: [
            expect.objectContaining({ type: 'inspection.planned.v1', on: '2023-10-02' }),
            expect.objectContaining({ type: 'inspection.conducted.v1', on: '2023-10-17' }),
            expect.objectContaining({ type: 'inspection.follow-up-requested.v1' }),
            expect.objectContaining({ type: 'inspection.follow-up-answered.v1', by: 'tanan-reporter' }),
            expect.objectContaining({ type: 'inspection.closed.v1', on: '2023-12-01' }),
          ],
        }),
      ));

  it('counts an inspection in the year it was held', () => {
    const heldNextYear = recorded(
      'inspection.conducted.v1',
      { ...conducted.data, heldOn: '2024-01-08', endedOn: '2024-01-08' },
      { at: 2, stream, revision: 1 },
    );
    projectionSpec(inspections)
      .given(planned)
      .when(heldNextYear)
      .then('kt-1', expect.objectContaining({ year: 2024, status: 'conducted' }));
  });

  it('applied twice gives the same result', () =>
    expectAppliedTwiceIsIdempotent(inspections, [planned, conducted, requested, answered, closed]));
});
