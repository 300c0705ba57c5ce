import { deciderSpec } from '@gl/testing';
import { Activity, ActivityCommand, decideActivity, evolveActivity, initialActivity } from './activity.decider';
import { ActivityEvent } from './activity.events';
import { ActivityError } from './activity-rules';

const spec = () =>
  deciderSpec<ActivityCommand, ActivityEvent, Activity>({
    initialState: initialActivity,
    evolve: evolveActivity,
    decide: (c, s) => decideActivity(c, s),
  });
const header = {
  activityId: 'a1',
  unitId: 'ninh-kieu-tan-an',
  obligationId: null,
  planId: null,
  taskCode: null,
  year: 2023,
};
const conference: ActivityEvent = {
  type: 'conference.held.v1',
  data: {
    ...header,
    level: 'commune',
    heldOn: '2023-09-15',
    place: 'Hội trường UBND phường Tân An',
    chairedBy: 'Chủ tịch UBND phường',
    participants: { cadres: 12, 'residents-representatives': 40 },
    evidence: null,
  },
};
const budget: ActivityEvent = {
  type: 'budget.estimated.v1',
  data: {
    ...header,
    amount: 15_000_000,
    description: 'Hội nghị quán triệt',
    source: { kind: 'state-budget', level: 'district' },
  },
};
const step = (type: string, data: object) => ({
  type: 'Do' as const,
  event: { type, data: { activityId: 'a1', ...data } } as ActivityEvent,
});
const doing = (event: ActivityEvent) => ({ type: 'Do' as const, event });

describe('activities', () => {
  it('records a conference with its participants by group', () =>
    spec().given().when(doing(conference)).then(conference));

  // The shape of each field (groups, whole numbers, unknown fields, money) is its schema's, checked at the edge: apps/api/src/activities/activities.bodies.spec.ts.
  it.each<[string, ActivityEvent, RegExp]>([
    [
      'an impossible day',
      { ...conference, data: { ...conference.data, heldOn: '2023-02-29' } },
      /heldOn must be a date \(YYYY-MM-DD\) of the calendar/,
    ],
    [
      'an impossible day deep inside',
      {
        ...conference,
        data: { ...conference.data, evidence: { documentNumber: '1/BC', documentDate: '2023-04-31', attachments: [] } },
      },
      /evidence.documentDate must be a date/,
    ],
    [
      'a media item outside its month',
      {
        type: 'media.items-published.v1',
        data: {
          ...header,
          outlet: 'Báo Cần Thơ',
          channel: 'newspaper',
          month: '2023-09',
          items: [{ title: 'Tin', link: null, publishedOn: '2023-10-01' }],
        },
      },
      /items\[0\] was not published in 2023-09/,
    ],
    [
      'a finding other than keep without a proposal',
      {
        type: 'legalreview.recorded.v1',
        data: {
          ...header,
          documents: [
            {
              number: '1/2020/QĐ-UBND',
              date: '2020-01-01',
              issuer: 'UBND TP',
              title: 'Quy định',
              finding: 'amend',
              proposal: '  ',
            },
          ],
        },
      },
      /documents\[0\]\.proposal is required unless the finding is keep/,
    ],
    [
      'a training that ends before it starts',
      {
        type: 'training.held.v1',
        data: {
          ...header,
          organiser: 'Sở Nội vụ',
          targetGroups: ['cadres'],
          startsOn: '2023-11-02',
          endsOn: '2023-11-01',
          trainees: {},
          materials: [],
          attendedTrainingId: null,
        },
      },
      /ends on or after/,
    ],
  ])('refuses %s', (_what, event, message) => spec().given().when(doing(event)).thenThrows(ActivityError, message));

  it('stores a field left out that may be empty as null, as the published schema has it', () => {
    const regulation = {
      ...header,
      number: '15/QĐ-UBND',
      issuedOn: '2023-11-24',
      effectiveFrom: '2023-12-01',
      signer: 'Chủ tịch',
      title: 'Quy chế',
    };
    spec()
      .given()
      .when(doing({ type: 'regulation.issued.v1', data: regulation }))
      .then({ type: 'regulation.issued.v1', data: { ...regulation, document: null, replaces: null } });
    const media = { ...header, outlet: 'Báo', channel: 'newspaper' as const, month: '2023-07' };
    spec()
      .given()
      .when(
        doing({
          type: 'media.items-published.v1',
          data: { ...media, items: [{ title: 'Tin', publishedOn: '2023-07-01' }] },
        }),
      )
      .then({
        type: 'media.items-published.v1',
        data: { ...media, items: [{ title: 'Tin', link: null, publishedOn: '2023-07-01' }] },
      });
    const { evidence: _e, ...held } = conference.data as { evidence: unknown };
    spec()
      .given()
      .when(doing({ ...conference, data: held } as ActivityEvent))
      .then(conference);
  });

  it('runs a budget from estimate to spending, never allocating or spending more than allowed', () => {
    const submitted: ActivityEvent = { type: 'budget.submitted.v1', data: { activityId: 'a1', to: 'Sở Tài chính' } };
    const approved: ActivityEvent = {
      type: 'budget.approved.v1',
      data: { activityId: 'a1', amount: 12_000_000, by: 'UBND thành phố' },
    };
    spec()
      .given(budget, submitted, approved)
      .when(step('budget.allocated.v1', { amount: 13_000_000 }))
      .thenThrows(ActivityError, /cannot exceed the approved/);
    const allocated: ActivityEvent = { type: 'budget.allocated.v1', data: { activityId: 'a1', amount: 12_000_000 } };
    spec()
      .given(budget, submitted, approved, allocated)
      .when(step('budget.spent.v1', { amount: 12_000_001, note: 'x' }))
      .thenThrows(ActivityError, /cannot exceed the allocated/);
    const s = spec()
      .given(budget, submitted, approved, allocated, {
        type: 'budget.spent.v1',
        data: { activityId: 'a1', amount: 9_500_000, note: 'Thuê hội trường' },
      })
      .state();
    expect(s.money).toEqual({ estimated: 15_000_000, approved: 12_000_000, allocated: 12_000_000, spent: 9_500_000 });
    spec()
      .given(budget)
      .when(step('budget.approved.v1', { amount: 1, by: 'x' }))
      .thenThrows(ActivityError, /estimated cannot take/);
  });

  it('takes a resolution from draft to adoption, and a difficulty from escalation to decision', () => {
    const drafted: ActivityEvent = {
      type: 'resolution.drafted.v1',
      data: { ...header, unitId: 'so-noi-vu', title: 'Nghị quyết …', draftedOn: '2023-10-01' },
    };
    spec()
      .given(drafted)
      .when(step('resolution.adopted.v1', { number: '10/2023/NQ-HĐND', adoptedOn: '2023-12-08' }))
      .thenThrows(ActivityError, /drafted cannot take/);
    const submitted: ActivityEvent = {
      type: 'resolution.submitted.v1',
      data: { activityId: 'a1', submittedOn: '2023-11-20', to: 'HĐND thành phố' },
    };
    expect(
      spec()
        .given(drafted, submitted, {
          type: 'resolution.adopted.v1',
          data: { activityId: 'a1', number: '10/2023/NQ-HĐND', adoptedOn: '2023-12-08' },
        })
        .state(),
    ).toMatchObject({ status: 'adopted', fields: { number: '10/2023/NQ-HĐND' } });
    const raised: ActivityEvent = {
      type: 'difficulty.raised.v1',
      data: { ...header, title: 'Thiếu kinh phí', description: 'Chưa được bố trí kinh phí', raisedOn: '2023-10-02' },
    };
    spec()
      .given(raised)
      .when(step('difficulty.decided.v1', { decision: 'x', documentNumber: null, on: '2023-10-10' }))
      .thenThrows(ActivityError, /open cannot take/);
  });

  it("fills what a correction's parts leave out, and nothing it does not change", () => {
    const media: ActivityEvent = {
      type: 'media.items-published.v1',
      data: {
        ...header,
        outlet: 'Báo',
        channel: 'newspaper',
        month: '2023-07',
        items: [{ title: 'Tin', link: null, publishedOn: '2023-07-01' }],
      },
    };
    spec()
      .given(media)
      .when(
        step('activity.corrected.v1', {
          kind: 'media',
          changes: { items: [{ title: 'Tin (sửa)', publishedOn: '2023-07-02' }] },
          reason: 'Sửa',
        }),
      )
      .then({
        type: 'activity.corrected.v1',
        data: {
          activityId: 'a1',
          kind: 'media',
          changes: { items: [{ title: 'Tin (sửa)', link: null, publishedOn: '2023-07-02' }] },
          reason: 'Sửa',
        },
      });
    spec()
      .given(media)
      .when(step('activity.corrected.v1', { kind: 'media', changes: { month: '2023-08' }, reason: 'Sửa' }))
      .thenThrows(ActivityError, /items\[0\] was not published in 2023-08/);
  });

  it('corrects recorded figures with a reason, keeps them valid, and refuses anything after a withdrawal', () => {
    const corrected: ActivityEvent = {
      type: 'activity.corrected.v1',
      data: {
        activityId: 'a1',
        kind: 'conference',
        changes: { participants: { cadres: 14, 'residents-representatives': 40 } },
        reason: 'Nhập sai số cán bộ',
      },
    };
    spec()
      .given(conference)
      .when(
        step('activity.corrected.v1', {
          kind: 'conference',
          changes: corrected.data.changes,
          reason: 'Nhập sai số cán bộ',
        }),
      )
      .then(corrected);
    expect(spec().given(conference, corrected).state().fields.participants).toEqual({
      cadres: 14,
      'residents-representatives': 40,
    });
    spec()
      .given(conference)
      .when(step('activity.corrected.v1', { kind: 'conference', changes: { unitId: 'x' }, reason: 'r' }))
      .thenThrows(ActivityError, /unitId cannot be corrected/);
    spec()
      .given(conference)
      .when(step('activity.corrected.v1', { kind: 'conference', changes: {}, reason: 'r' }))
      .thenThrows(ActivityError, /changes at least one field/);
    spec()
      .given(conference, {
        type: 'activity.withdrawn.v1',
        data: { activityId: 'a1', kind: 'conference', reason: 'ghi trùng' },
      })
      .when(step('activity.corrected.v1', { kind: 'conference', changes: { place: 'x' }, reason: 'r' }))
      .thenThrows(ActivityError, /was withdrawn/);
  });
});
