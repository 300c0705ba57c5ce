import fc from 'fast-check';
import { at, endpoint, Endpoint, ids } from './write-endpoints';
import { CITY_PERIOD, legalBasis, PLAN, task, TEST_PLAN, TEST_UNITS, TEST_USER, UNITS_PERIOD } from './write-fixtures';

const plan = {
  planId: 'ke-hoach-moi',
  number: '9/KH',
  issuedOn: '2026-02-01',
  assignedOn: '2026-02-01',
  issuerUnitId: 'so-noi-vu',
  signer: { name: 'Giám đốc', title: 'Giám đốc' },
  legalBasis: [legalBasis],
  title: 'Kế hoạch mới',
  purposes: ['Mục đích'],
  requirements: [],
  sections: [{ code: 'II', title: 'Nhiệm vụ' }],
  budgetDuties: [],
  difficultyChannel: { reportToUnitId: 'so-noi-vu', text: 'Gửi Sở Nội vụ' },
  recipients: [{ key: 'so-ban-nganh', label: 'Các sở', unitIds: ['so-tu-phap'], groups: ['every-department'] }],
  parent: { planId: PLAN, taskCodes: ['II.1.d'] },
};
const plans = ids(TEST_PLAN, PLAN);
const codes = fc.constantFrom('II.1', 'II.9', 'IX.9', 'khong-co');

const periods = ids(UNITS_PERIOD, CITY_PERIOD, `${UNITS_PERIOD}0`);
const reporters = ids('ninh-kieu-tan-an', 'ninh-kieu-an-hoa', 'ninh-kieu-cai-khe');
const onReport = (step: string, valid: object) =>
  endpoint(
    `POST /reporting/periods/:periodId/reports/:unitId/${step}`,
    at([periods, reporters], (p, u) => `reporting/periods/${p}/reports/${u}/${step}`, valid),
  );
const adHoc = {
  regimeId: 'cantho-2023-ldcs-units',
  adHoc: {
    periodId: 'dot-xuat-1',
    title: 'Đột xuất',
    deadline: '2026-04-01T00:00:00+07:00',
    unitIds: ['new-phuong-ninh-kieu'],
  },
};

const users = ids(TEST_USER, 'nguoi-khac');
const units = ids(...TEST_UNITS);
const effective = { effectiveOn: '2026-02-01', legalBasis };
const newUnit = (unitId: string) => ({
  unitId,
  name: `Tổ ${unitId}`,
  kind: 'other',
  level: 'city',
  parentId: 'so-noi-vu',
});
const onUnit = (step: string, valid: object) =>
  endpoint(
    `POST /units/:id/${step}`,
    at([units], (id) => `units/${id}/${step}`, { ...effective, ...valid }),
  );

export const planEndpoints: Endpoint[] = [
  endpoint('POST /plans', fc.constant({ path: 'plans', valid: plan })),
  endpoint(
    'POST /plans/:id/tasks',
    at([plans], (p) => `plans/${p}/tasks`, task('II.2')),
  ),
  endpoint(
    'POST /plans/:id/tasks/:code/amendment',
    fc.tuple(plans, codes).map(([p, c]) => ({
      path: `plans/${p}/tasks/${c}/amendment`,
      valid: { task: { ...task(c), title: 'Nhiệm vụ (sửa)' }, reason: 'Điều chỉnh' },
    })),
  ),
  endpoint(
    'POST /plans/:id/tasks/:code/cancellation',
    fc
      .tuple(ids(TEST_PLAN), codes)
      .map(([p, c]) => ({ path: `plans/${p}/tasks/${c}/cancellation`, valid: { reason: 'Hủy' } })),
  ),
  endpoint(
    'POST /plans/:id/receipts',
    at([plans], (p) => `plans/${p}/receipts`, { recipientKey: 'xa-phuong-thi-tran', unitId: 'ninh-kieu-tan-an' }),
  ),
];

export const reportingEndpoints: Endpoint[] = [
  endpoint(
    'POST /reporting/periods',
    fc.constantFrom(
      { path: 'reporting/periods', valid: { regimeId: 'cantho-2023-ldcs-units', year: 2024 } },
      { path: 'reporting/periods', valid: adHoc },
    ),
  ),
  endpoint(
    'POST /reporting/periods/:periodId/reminders',
    at([periods], (p) => `reporting/periods/${p}/reminders`, { message: 'Đề nghị gửi báo cáo' }),
  ),
  onReport('prefill', { narrative: 'Tự động' }),
  onReport('compilation', { narrative: 'Tổng hợp' }),
  onReport('draft', { indicators: { conferences: 3, budgetEstimated: '15000000' }, narrative: 'Báo cáo' }),
  onReport('submission', {}),
  onReport('return', { reason: 'Thiếu số liệu' }),
  onReport('correction', { indicators: { conferences: 4 }, narrative: 'Báo cáo (sửa)', reason: 'Nhập sai' }),
];

export const userEndpoints: Endpoint[] = [
  endpoint(
    'POST /users',
    fc.constant({
      path: 'users',
      valid: {
        userId: 'nguoi-moi',
        displayName: 'Người mới',
        unitId: 'new-phuong-ninh-kieu',
        email: 'a@b.vn',
        from: '2026-01-01T00:00:00+07:00',
      },
    }),
  ),
  endpoint(
    'POST /users/:id/grants',
    at([users], (u) => `users/${u}/grants`, {
      role: 'unit-head',
      unitId: 'new-phuong-ninh-kieu',
      reason: 'Bổ nhiệm',
      from: '2026-01-01T00:00:00+07:00',
    }),
  ),
  endpoint(
    'POST /users/:id/revocations',
    at([users], (u) => `users/${u}/revocations`, {
      role: 'unit-reporter',
      unitId: 'new-phuong-ninh-kieu',
      reason: 'Chuyển công tác',
    }),
  ),
];

/** Changes to the tree act on the test's own units only (a generated valid change to a real one could end it). */
export const unitEndpoints: Endpoint[] = [
  endpoint(
    'POST /units',
    fc.constant({ path: 'units', valid: { ...newUnit('to-moi'), effectiveOn: '2026-02-01', legalBasis } }),
  ),
  onUnit('renaming', { name: 'Tổ mới tên' }),
  onUnit('recoding', { code: { code: '99999', table: 'gso-dvhc' } }),
  onUnit('reclassification', { kind: 'other', subtype: null, level: 'city' }),
  onUnit('reparenting', { parentId: 'so-tu-phap' }),
  onUnit('split', { successors: [newUnit('to-a'), newUnit('to-b')] }),
  onUnit('part-transfers', { toUnitId: 'to-thu-2', description: 'Một phần' }),
  onUnit('dissolution', {}),
  endpoint(
    'POST /units/mergers',
    fc.constant({
      path: 'units/mergers',
      valid: {
        ...effective,
        predecessors: TEST_UNITS.map((unitId) => ({ unitId, whole: true })),
        continuingUnitId: TEST_UNITS[0],
      },
    }),
  ),
  endpoint(
    'POST /units/level-abolitions',
    fc.constant({ path: 'units/level-abolitions', valid: { ...effective, level: 'district' } }),
  ),
];
