import { deciderSpec } from '@gl/testing';
import { Activity, ActivityCommand, decideActivity, evolveActivity, initialActivity } from './activity.decider';
import { ActivityEvent } from './activity.events';
import { ActivityError } from './activity-rules';
import { ACTIVITY_UPCASTERS } from './activity.upcasters';

const spec = () =>
  deciderSpec<ActivityCommand, ActivityEvent, Activity>({
    initialState: initialActivity,
    evolve: evolveActivity,
    decide: (c, s) => decideActivity(c, s),
  });
const header = {
  activityId: 'b1',
  unitId: 'ninh-kieu-tan-an',
  obligationId: null,
  planId: null,
  taskCode: null,
  year: 2023,
};
const estimate = (source: unknown, year = 2023) =>
  ({
    type: 'budget.estimated.v1',
    data: { ...header, year, amount: 15_000_000, description: 'Hội nghị quán triệt', source },
  }) as ActivityEvent;
const doing = (event: ActivityEvent) => ({ type: 'Do' as const, event });

// Plan III.1: "Kinh phí thực hiện Kế hoạch này được bố trí từ ngân sách Nhà nước theo phân cấp ngân sách Nhà nước
// hiện hành trong dự toán chi thường xuyên hàng năm và các nguồn khác theo quy định của pháp luật."
describe('a budget estimate names its source (plan III.1)', () => {
  it.each([
    ['the city budget', { kind: 'state-budget', level: 'city' }],
    ['the district budget, in 2025', { kind: 'state-budget', level: 'district' }, 2025],
    ['the commune budget', { kind: 'state-budget', level: 'commune' }],
    ['another lawful source', { kind: 'other', description: 'Tài trợ của doanh nghiệp' }],
  ])('records %s', (_w, source, year = 2023) =>
    spec()
      .given()
      .when(doing(estimate(source, year as number)))
      .then(estimate(source, year as number)),
  );

  // No source, a level that is not one, an other source without its description: the schema's, at the edge (activities.bodies.spec.ts).
  it.each<[string, unknown, number, RegExp]>([
    [
      'the district budget after the district level was abolished (2025-07-01)',
      { kind: 'state-budget', level: 'district' },
      2026,
      /district level was abolished on 2025-07-01/,
    ],
    ['an unspecified source on a new estimate', { kind: 'unspecified' }, 2023, /source kind is state-budget or other/],
  ])('refuses %s', (_w, source, year, message) =>
    spec()
      .given()
      .when(doing(estimate(source, year)))
      .thenThrows(ActivityError, message),
  );

  it('corrects the source with a reason; an older estimate read as unspecified can still have its description corrected', () => {
    const old = estimate({ kind: 'unspecified' });
    const correction = (changes: object) =>
      doing({
        type: 'activity.corrected.v1',
        data: { activityId: 'b1', kind: 'budget', changes, reason: 'Bổ sung nguồn' },
      } as ActivityEvent);
    spec()
      .given(old)
      .when(correction({ description: 'Hội nghị' }))
      .then({
        type: 'activity.corrected.v1',
        data: { activityId: 'b1', kind: 'budget', changes: { description: 'Hội nghị' }, reason: 'Bổ sung nguồn' },
      });
    spec()
      .given(old)
      .when(correction({ source: { kind: 'unspecified' } }))
      .thenThrows(ActivityError, /source kind is state-budget or other/);
    expect(
      spec()
        .given(old, {
          type: 'activity.corrected.v1',
          data: {
            activityId: 'b1',
            kind: 'budget',
            changes: { source: { kind: 'state-budget', level: 'commune' } },
            reason: 'Bổ sung nguồn',
          },
        })
        .state().fields.source,
    ).toEqual({ kind: 'state-budget', level: 'commune' });
  });
});

describe('budget.estimated.v1 written in the old shape (schema version 1, no source)', () => {
  const upcaster = ACTIVITY_UPCASTERS.find((u) => u.type === 'budget.estimated.v1' && u.fromVersion === 1)!;
  const stored = Object.freeze({ ...header, amount: 15_000_000, description: 'Hội nghị quán triệt' });

  it('reads with source unspecified, the rest unchanged, the stored data untouched', () => {
    expect(upcaster.upcast(stored)).toEqual({ ...stored, source: { kind: 'unspecified' } });
    expect(stored).not.toHaveProperty('source');
  });

  it('folds into a budget whose figures are as before', () => {
    const s = [{ type: 'budget.estimated.v1', data: upcaster.upcast(stored) } as ActivityEvent].reduce(
      evolveActivity,
      initialActivity(),
    );
    expect(s).toMatchObject({
      status: 'estimated',
      money: { estimated: 15_000_000 },
      fields: { source: { kind: 'unspecified' } },
    });
  });
});
