import { expectAppliedTwiceIsIdempotent, projectionSpec, recorded } from '@gl/testing';
import { users } from './users.projection';

const registered = recorded(
  'user.registered.v1',
  { userId: 'u1', displayName: 'Trần Văn Bình', unitId: 'tan-an', email: null, externalId: null },
  { at: 1, stream: 'user-u1' },
);
const granted = recorded(
  'user.role-granted.v1',
  {
    userId: 'u1',
    role: 'unit-reporter',
    unitId: 'tan-an',
    from: '2023-07-01T00:00:00.000Z',
    grantedBy: 'sonv',
    reason: null,
  },
  { at: 2, stream: 'user-u1', revision: 1 },
);
const revoked = recorded(
  'user.role-revoked.v1',
  {
    userId: 'u1',
    role: 'unit-reporter',
    unitId: 'tan-an',
    from: '2024-01-01T00:00:00.000Z',
    revokedBy: 'sonv',
    reason: 'nghỉ hưu',
  },
  { at: 3, stream: 'user-u1', revision: 2 },
);

describe('users projection', () => {
  it('keeps each grant with its period and who gave and took it', () =>
    projectionSpec(users)
      .given(registered, granted)
      .when(revoked)
      .then('u1', {
        userId: 'u1',
        displayName: 'Trần Văn Bình',
        unitId: 'tan-an',
        email: null,
        externalId: null,
        grants: [
          {
            role: 'unit-reporter',
            unitId: 'tan-an',
            from: '2023-07-01T00:00:00.000Z',
            until: '2024-01-01T00:00:00.000Z',
            grantedBy: 'sonv',
            revokedBy: 'sonv',
          },
        ],
      }));

  it('applied twice gives the same result', () =>
    expectAppliedTwiceIsIdempotent(users, [registered, granted, revoked]));
});
