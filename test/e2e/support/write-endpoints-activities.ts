import fc from 'fast-check';
import { at, endpoint, Endpoint, ids } from './write-endpoints';
import { ACTIVITIES, conference, OBLIGATIONS, PLAN, training } from './write-fixtures';

const KINDS = ['conference', 'media', 'training', 'resolution', 'regulation', 'legalreview', 'budget', 'difficulty'];
const tanAn = { unitId: 'ninh-kieu-tan-an', year: 2023 };
const doc = {
  number: '05/2021/QĐ-UBND',
  date: '2021-03-01',
  issuer: 'UBND thành phố',
  title: 'Quy định',
  finding: 'amend',
  proposal: 'Bổ sung',
};

/** A valid body of each kind (unless what it names has moved on since). */
const RECORD: Record<string, object> = {
  conference: conference(),
  media: {
    ...tanAn,
    details: {
      outlet: 'Báo Cần Thơ',
      channel: 'newspaper',
      month: '2023-07',
      items: [{ title: 'Tin', link: 'https://example.vn/a', publishedOn: '2023-07-01' }],
    },
  },
  training: { ...training('ninh-kieu-tan-an'), details: { ...training().details, attendedTrainingId: 'th-1' } },
  resolution: { unitId: 'so-noi-vu', year: 2023, details: { title: 'Nghị quyết', draftedOn: '2023-09-20' } },
  regulation: {
    ...tanAn,
    details: {
      number: '3/QĐ',
      issuedOn: '2024-02-01',
      effectiveFrom: '2024-02-15',
      signer: 'Chủ tịch',
      title: 'Quy chế',
      document: null,
      replaces: 'qc-hieu-luc',
    },
  },
  legalreview: { unitId: 'so-noi-vu', year: 2023, details: { documents: [doc] } },
  budget: {
    ...tanAn,
    obligationId: `${PLAN}.II.1.d.ninh-kieu-tan-an`,
    details: { amount: 5_000_000, description: 'Hội nghị', source: { kind: 'state-budget', level: 'commune' } },
  },
  difficulty: { ...tanAn, details: { title: 'Vướng mắc', description: 'Chưa rõ', raisedOn: '2023-10-05' } },
};

/** A valid body of each step, by `kind/step`. */
const STEPS: Record<string, object> = {
  'resolution/consultation': { consultedOn: '2023-10-10', with: 'Sở Tư pháp', summary: 'Thẩm định' },
  'resolution/submission': { submittedOn: '2023-11-20', to: 'HĐND thành phố' },
  'resolution/adoption': { number: '12/2023/NQ-HĐND', adoptedOn: '2023-12-08' },
  'resolution/return': { returnedOn: '2023-12-01', reason: 'Chưa đủ' },
  'regulation/amendment': { number: '16/QĐ', issuedOn: '2024-01-10', summary: 'Sửa Điều 3' },
  'regulation/replacement': { byActivityId: 'qc-hieu-luc', on: '2024-01-01' },
  'budget/submission': { to: 'Phòng Tài chính' },
  'budget/approval': { amount: 800_000, by: 'UBND quận' },
  'budget/adjustment': { amount: 700_000, by: 'UBND quận', reason: 'Cân đối' },
  'budget/allocation': { amount: 500_000 },
  'budget/spending': { amount: 100_000, note: 'Thuê hội trường' },
  'difficulty/guidance': { guidance: 'Theo Điều 25', on: '2023-10-12' },
  'difficulty/escalation': { note: 'Xin ý kiến', on: '2023-10-13' },
  'difficulty/decision': { decision: 'Quyết định', documentNumber: null, on: '2023-10-20' },
};

const CORRECTIONS: Record<string, object> = {
  conference: { place: 'Hội trường mới' },
  media: { outlet: 'Báo Cần Thơ (sửa)' },
  training: { organiser: 'Sở Nội vụ' },
  budget: { description: 'Tài liệu' },
  difficulty: { title: 'Vướng mắc (sửa)' },
  regulation: { title: 'Quy chế (sửa)' },
  resolution: { title: 'Nghị quyết (sửa)' },
  legalreview: { documents: [doc] },
};

const anyActivity = ids(...Object.values(ACTIVITIES).flat());
/** An activity of the kind mostly, sometimes one of another kind or none at all. */
const activityOf = (kind: string) => fc.oneof(ids(...(ACTIVITIES[kind] ?? [])), anyActivity);
const kindAndId = fc.constantFrom(...KINDS).chain((kind) => fc.tuple(fc.constant(kind), activityOf(kind)));
const obligation = ids(...Object.values(OBLIGATIONS), `${PLAN}.II.1.d.new-phuong-ninh-kieu`);
const onObligation = (step: string, valid: object) =>
  endpoint(
    `POST /obligations/:id/${step}`,
    at([obligation], (id) => `obligations/${id}/${step}`, valid),
  );

/** Each kind, each step and each kind's correction has its own route (its body documented exactly); a withdrawal is one for all. */
export const activityEndpoints: Endpoint[] = [
  ...KINDS.map((kind) =>
    endpoint(`POST /activities/${kind}`, fc.constant({ path: `activities/${kind}`, valid: RECORD[kind] })),
  ),
  ...Object.keys(STEPS).map((ks) => {
    const [kind, step] = ks.split('/');
    return endpoint(
      `POST /activities/${kind}/:id/steps/${step}`,
      activityOf(kind).map((id) => ({ path: `activities/${kind}/${id}/steps/${step}`, valid: { details: STEPS[ks] } })),
    );
  }),
  ...KINDS.map((kind) =>
    endpoint(
      `POST /activities/${kind}/:id/correction`,
      activityOf(kind).map((id) => ({
        path: `activities/${kind}/${id}/correction`,
        valid: { changes: CORRECTIONS[kind], reason: 'Nhập sai' },
      })),
    ),
  ),
  endpoint(
    'POST /activities/:kind/:id/withdrawal',
    kindAndId.map(([kind, id]) => ({ path: `activities/${kind}/${id}/withdrawal`, valid: { reason: 'Ghi nhầm' } })),
  ),
];

export const obligationEndpoints: Endpoint[] = [
  onObligation('acknowledgement', {}),
  onObligation('answer', { answer: 'Đã phối hợp', answeredOn: '2023-12-05', documentNumber: '45/CV-MTTQ' }),
  onObligation('declination', { reason: 'Không thuộc thẩm quyền' }),
  onObligation('progress', { percent: 50, note: 'Đang làm' }),
  onObligation('completion', {
    evidence: {
      documentNumber: '2/BC',
      documentDate: '2023-11-20',
      attachments: [{ name: 'bb.pdf', sha256: 'c0'.repeat(32), size: 100 }],
    },
  }),
  onObligation('extension-requests', { until: '2027-06-01T00:00:00+07:00', reason: 'Chờ' }),
  onObligation('extension-decision', { approve: true, reason: 'Đồng ý' }),
  onObligation('return', { reason: 'Thiếu hồ sơ' }),
  onObligation('cancellation', { reason: 'Không còn phù hợp' }),
  onObligation('passing', { toUnitId: 'new-phuong-ninh-kieu', reason: 'Sắp xếp' }),
  onObligation('reminders', { message: 'Đề nghị khẩn trương' }),
  onObligation('explanation-requests', { question: 'Vì sao chậm?' }),
  onObligation('explanation', { answer: 'Do sắp xếp đơn vị' }),
];
