import { expectAppliedTwiceIsIdempotent, projectionSpec, recorded } from '@gl/testing';
import { activities } from './activities.projection';

const header = {
  activityId: 'c1',
  unitId: 'ninh-kieu-tan-an',
  obligationId: 'o1',
  planId: 'p1',
  taskCode: 'II.1.d',
  year: 2023,
};
const held = recorded(
  'conference.held.v1',
  {
    ...header,
    level: 'commune',
    heldOn: '2023-09-15',
    place: 'Hội trường',
    chairedBy: 'Chủ tịch',
    participants: { cadres: 12 },
    evidence: null,
  },
  { at: 1, stream: 'conference-c1', recordedAt: '2023-09-16T01:00:00.000Z' },
);
const corrected = recorded(
  'activity.corrected.v1',
  { activityId: 'c1', kind: 'conference', changes: { participants: { cadres: 14 } }, reason: 'Nhập sai' },
  { at: 2, stream: 'conference-c1', revision: 1, recordedAt: '2023-09-20T01:00:00.000Z' },
);

describe('activities projection', () => {
  it('shows the corrected figures and keeps the correction with its reason', () =>
    projectionSpec(activities)
      .given(held)
      .when(corrected)
      .then(
        'c1',
        expect.objectContaining({
          kind: 'conference',
          unitId: 'ninh-kieu-tan-an',
          taskCode: 'II.1.d',
          year: 2023,
          status: 'recorded',
          fields: expect.objectContaining({ participants: { cadres: 14 } }),
          corrections: [expect.objectContaining({ reason: 'Nhập sai', changes: { participants: { cadres: 14 } } })],
          recordedAt: '2023-09-16T01:00:00.000Z',
        }),
      ));

  it('applied twice gives the same result', () => expectAppliedTwiceIsIdempotent(activities, [held, corrected]));
});
