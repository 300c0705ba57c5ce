import fc from 'fast-check';
import { at, endpoint, Endpoint, ids } from './write-endpoints';
import { PLAN } from './write-fixtures';

/** Inspections the property acts on, one in each state a step may find (recorded on 2 March 2026, after the 2025 reorganisation). */
export const INSPECTIONS = {
  planned: 'kt-ke-hoach',
  conducted: 'kt-da-kiem-tra',
  followedUp: 'kt-kien-nghi',
  closed: 'kt-da-dong',
};
const UNIT = 'new-phuong-ninh-kieu';

const plan = (inspectionId: string) => ({
  inspectionId,
  inspectingUnitId: 'so-noi-vu',
  inspectedUnitId: UNIT,
  planId: PLAN,
  taskCodes: ['IV.2.b', 'II.4'],
  plannedFrom: '2026-02-02',
  plannedTo: '2026-02-06',
  decision: { number: '10/QĐ-SNV', date: '2026-01-20', issuer: 'Sở Nội vụ' },
  title: 'Kiểm tra',
});
const conduct = {
  heldOn: '2026-02-03',
  endedOn: '2026-02-04',
  inspectors: [{ name: 'Nguyễn Văn A', title: 'Chuyên viên' }],
  findings: [{ taskCode: 'IV.2.b', finding: 'Đúng hạn', rating: 'good' }],
};
const followUp = { followUpId: 'kn-1', request: 'Bổ sung hồ sơ', requestedOn: '2026-02-10', dueOn: '2026-03-31' };
const close = {
  closedOn: '2026-02-20',
  conclusion: 'Kết luận',
  document: { number: '20/KL-SNV', date: '2026-02-20', issuer: 'Sở Nội vụ' },
};

type Post = (who: string, path: string, body?: object) => Promise<unknown>;

/** Records the inspections, as Sở Nội vụ's coordinator would. */
export const arrangeInspections = async (post: Post): Promise<void> => {
  for (const id of Object.values(INSPECTIONS)) await post('sonv-coordinator', 'inspections', plan(id));
  for (const id of [INSPECTIONS.conducted, INSPECTIONS.followedUp, INSPECTIONS.closed])
    await post('sonv-coordinator', `inspections/${id}/conduct`, conduct);
  await post('sonv-coordinator', `inspections/${INSPECTIONS.followedUp}/follow-ups`, followUp);
  await post('sonv-coordinator', `inspections/${INSPECTIONS.closed}/closing`, close);
};

const inspections = ids(...Object.values(INSPECTIONS));
export const inspectionEndpoints: Endpoint[] = [
  endpoint(
    'POST /inspections',
    fc.constantFrom(
      { path: 'inspections', valid: plan('kt-moi') },
      { path: 'inspections', valid: plan(INSPECTIONS.planned) },
    ),
  ),
  endpoint(
    'POST /inspections/:id/conduct',
    at([inspections], (id) => `inspections/${id}/conduct`, conduct),
  ),
  endpoint(
    'POST /inspections/:id/follow-ups',
    at([inspections], (id) => `inspections/${id}/follow-ups`, { ...followUp, followUpId: 'kn-2' }),
  ),
  endpoint(
    'POST /inspections/:id/follow-ups/:followUpId/answer',
    at([inspections, ids('kn-1')], (id, f) => `inspections/${id}/follow-ups/${f}/answer`, {
      answer: 'Đã bổ sung',
      answeredOn: '2026-02-25',
      documentNumber: '3/BC',
    }),
  ),
  endpoint(
    'POST /inspections/:id/closing',
    at([inspections], (id) => `inspections/${id}/closing`, close),
  ),
];
