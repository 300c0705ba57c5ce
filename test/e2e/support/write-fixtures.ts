/**
 * What the refused-writes property acts on, recorded once on 2 March 2026 (after the 2025
 * reorganisation): activities, obligations, reports, a user, units and a plan in each state a
 * step may find them in, beside the ids of things that never existed or have ended.
 */
export const PLAN = 'cantho-2023-ldcs';
export const TEST_PLAN = 'ke-hoach-thu';
export const UNITS_PERIOD = 'cantho-2023-ldcs-units_2023';
export const CITY_PERIOD = 'cantho-2023-ldcs-city_2023';
export const DAY = '2026-03-02T03:00:00.000Z';

export const DEMO_USERS = [
  'sonv-coordinator',
  'sonv-director',
  'ninhkieu-reporter',
  'ninhkieu-head',
  'tanan-reporter',
  'tanan-head',
  'anhoa-reporter',
  'city-viewer',
  'auditor',
  'integration-portal',
];

/** References a body or a path may carry: to nothing, to units that have ended (Tân An and Thới Bình merged in 2025), and to units that stand but may not fit. */
export const REFS = [
  'khong-co',
  'khong-co-don-vi',
  'ninh-kieu-tan-an',
  'ninh-kieu-thoi-binh',
  'new-phuong-ninh-kieu',
  'so-noi-vu',
  'bo-noi-vu',
];

export const ACTIVITIES: Record<string, string[]> = {
  budget: ['ns-du-toan', 'ns-da-nop', 'ns-da-duyet'],
  difficulty: ['kk-mo', 'kk-tra-loi'],
  resolution: ['nq-du-thao'],
  regulation: ['qc-hieu-luc', 'qc-cu', 'qc-moi'],
  conference: ['hn-1', 'hn-rut'],
  training: ['th-1'],
};

export const OBLIGATIONS = {
  open: `${PLAN}.II.1.d.ninh-kieu-an-hoa`,
  completed: `${PLAN}.II.4.ninh-kieu-tan-an`,
  cancelled: `${PLAN}.II.1.d.ninh-kieu-cai-khe`,
  passed: `${PLAN}.II.1.d.ninh-kieu-xuan-khanh`,
  pending: `${PLAN}.II.1.d.ninh-kieu-tan-an`,
  /** Requests (đề nghị) to the Fatherland Front: answered or declined, never completed. */
  request: `${PLAN}.II.2.b.mttq-can-tho.2023`,
  requestOpen: `${PLAN}.IV.3.mttq-can-tho`,
};

export const TEST_UNITS = ['to-thu', 'to-thu-2'];
export const TEST_USER = 'nguoi-thu';

export const legalBasis = { number: '01/QĐ-UBND', date: '2026-01-02', issuer: 'UBND thành phố Cần Thơ' };

type Post = (who: string, path: string, body?: object) => Promise<unknown>;

const budget = (activityId: string) => ({
  activityId,
  unitId: 'ninh-kieu-tan-an',
  year: 2023,
  details: { amount: 1_000_000, description: 'Tài liệu', source: { kind: 'state-budget', level: 'commune' } },
});
const regulation = (activityId: string, replaces: string | null, effectiveFrom: string) => ({
  activityId,
  unitId: 'ninh-kieu-tan-an',
  year: 2023,
  details: {
    number: `${activityId}/QĐ`,
    issuedOn: '2023-05-02',
    effectiveFrom,
    signer: 'Chủ tịch',
    title: 'Quy chế',
    document: null,
    replaces,
  },
});
export const conference = (unitId = 'ninh-kieu-tan-an') => ({
  unitId,
  year: 2023,
  details: {
    level: 'commune',
    heldOn: '2023-09-15',
    place: 'Hội trường',
    chairedBy: 'Chủ tịch',
    participants: { cadres: 12 },
    evidence: null,
  },
});
export const training = (unitId = 'so-noi-vu') => ({
  unitId,
  year: 2023,
  details: {
    organiser: 'Sở Nội vụ',
    targetGroups: ['cadres'],
    startsOn: '2023-11-07',
    endsOn: '2023-11-08',
    trainees: { cadres: 30 },
    materials: [],
    attendedTrainingId: null,
  },
});

/** Records the fixtures through the API, as the people who would. */
export const arrange = async (post: Post): Promise<void> => {
  for (const id of ACTIVITIES.budget) await post('tanan-reporter', 'activities/budget', budget(id));
  await post('tanan-reporter', 'activities/budget/ns-da-nop/steps/submission', { details: { to: 'Phòng Tài chính' } });
  await post('tanan-reporter', 'activities/budget/ns-da-duyet/steps/submission', {
    details: { to: 'Phòng Tài chính' },
  });
  await post('sonv-coordinator', 'activities/budget/ns-da-duyet/steps/approval', {
    details: { amount: 900_000, by: 'UBND quận' },
  });
  const difficulty = {
    unitId: 'ninh-kieu-tan-an',
    year: 2023,
    details: { title: 'Vướng mắc', description: 'Chưa có hướng dẫn', raisedOn: '2023-10-05' },
  };
  await post('tanan-reporter', 'activities/difficulty', { ...difficulty, activityId: 'kk-mo' });
  await post('tanan-reporter', 'activities/difficulty', { ...difficulty, activityId: 'kk-tra-loi' });
  await post('sonv-coordinator', 'activities/difficulty/kk-tra-loi/steps/guidance', {
    details: { guidance: 'Theo Điều 25', on: '2023-10-12' },
  });
  await post('sonv-coordinator', 'activities/resolution', {
    activityId: 'nq-du-thao',
    unitId: 'so-noi-vu',
    year: 2023,
    details: { title: 'Nghị quyết', draftedOn: '2023-09-20' },
  });
  await post('tanan-head', 'activities/regulation', regulation('qc-hieu-luc', null, '2023-05-02'));
  await post('tanan-head', 'activities/regulation', regulation('qc-cu', null, '2023-05-02'));
  await post('tanan-head', 'activities/regulation', regulation('qc-moi', 'qc-cu', '2023-06-01'));
  await post('tanan-reporter', 'activities/conference', { ...conference(), activityId: 'hn-1' });
  await post('tanan-reporter', 'activities/conference', { ...conference(), activityId: 'hn-rut' });
  await post('tanan-reporter', 'activities/conference/hn-rut/withdrawal', { reason: 'Ghi nhầm' });
  await post('sonv-coordinator', 'activities/training', { ...training(), activityId: 'th-1' });

  const evidence = { documentNumber: '1/BC', documentDate: '2023-11-20', attachments: [] };
  await post('tanan-reporter', `obligations/${OBLIGATIONS.completed}/completion`, { evidence });
  await post('sonv-coordinator', `obligations/${OBLIGATIONS.cancelled}/cancellation`, { reason: 'Không còn phù hợp' });
  await post('sonv-coordinator', `obligations/${OBLIGATIONS.passed}/passing`, {
    toUnitId: 'new-phuong-ninh-kieu',
    reason: 'Sắp xếp đơn vị hành chính',
  });
  await post('tanan-reporter', `obligations/${OBLIGATIONS.pending}/extension-requests`, {
    until: '2027-01-01T00:00:00+07:00',
    reason: 'Chờ sắp xếp',
  });
  await post('sonv-coordinator', `obligations/${OBLIGATIONS.pending}/explanation-requests`, {
    question: 'Vì sao chậm?',
  });

  await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-units', year: 2023 });
  await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-city', year: 2023 });
  await post('tanan-reporter', `reporting/periods/${UNITS_PERIOD}/reports/ninh-kieu-tan-an/draft`, {
    indicators: { conferences: 1 },
    narrative: 'Báo cáo',
  });
  await post('tanan-head', `reporting/periods/${UNITS_PERIOD}/reports/ninh-kieu-tan-an/submission`);
  await post('anhoa-reporter', `reporting/periods/${UNITS_PERIOD}/reports/ninh-kieu-an-hoa/draft`, {
    indicators: { conferences: 2 },
    narrative: 'Báo cáo',
  });

  await post('sonv-coordinator', 'users', {
    userId: TEST_USER,
    displayName: 'Người thử',
    unitId: 'new-phuong-ninh-kieu',
    from: '2026-01-01T00:00:00+07:00',
  });
  await post('sonv-coordinator', `users/${TEST_USER}/grants`, {
    role: 'unit-reporter',
    unitId: 'new-phuong-ninh-kieu',
    from: '2026-01-01T00:00:00+07:00',
  });
  for (const unitId of TEST_UNITS) {
    await post('sonv-coordinator', 'units', {
      unitId,
      name: `Tổ ${unitId}`,
      kind: 'other',
      level: 'city',
      parentId: 'so-noi-vu',
      effectiveOn: '2026-01-02',
      legalBasis,
    });
  }
  await post('sonv-coordinator', 'plans', {
    planId: TEST_PLAN,
    assignedOn: '2026-01-05',
    issuerUnitId: 'so-noi-vu',
    signer: { name: 'Giám đốc', title: 'Giám đốc' },
    legalBasis: [],
    title: 'Kế hoạch thử',
    purposes: [],
    requirements: [],
    sections: [],
    budgetDuties: [],
    difficultyChannel: { reportToUnitId: 'so-noi-vu', text: '' },
    recipients: [{ key: 'so-ban-nganh', label: 'Các sở, ban, ngành', unitIds: [], groups: ['every-department'] }],
  });
  await post('sonv-coordinator', `plans/${TEST_PLAN}/tasks`, task('II.1'));
};

export const task = (code: string) => ({
  code,
  section: 'II',
  title: 'Nhiệm vụ thử',
  description: '',
  lead: [{ unitId: 'so-noi-vu' }],
  performers: [],
  coordinating: [],
  obligation: 'assigned',
  timeFrame: { kind: 'before', date: '2026-12-31' },
  timeWords: 'Trước ngày 31 tháng 12 năm 2026',
});
