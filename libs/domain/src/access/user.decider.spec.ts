import { deciderSpec } from '@gl/testing';
import { applyUnitCommands, initialRegistry } from '../units/unit-registry.decider';
import { canRead, canWrite, scopeOf } from './scope';
import { decideUser, evolveUser, grantsAt, initialUser, User, UserCommand, UserError } from './user.decider';
import { UserEvent } from './user.events';

const now = new Date('2023-11-14T03:00:00.000Z');
const spec = () =>
  deciderSpec<UserCommand, UserEvent, User>({ initialState: initialUser, evolve: evolveUser, decide: decideUser }, now);
const commune = { id: 'tan-an', kind: 'commune', active: true };
const registered: UserEvent = {
  type: 'user.registered.v1',
  data: { userId: 'u1', displayName: 'Nguyễn Thị Ánh', unitId: 'tan-an', email: null, externalId: null },
};
const reporter: UserEvent = {
  type: 'user.role-granted.v1',
  data: {
    userId: 'u1',
    role: 'unit-reporter',
    unitId: 'tan-an',
    from: '2023-07-01T00:00:00.000Z',
    grantedBy: 'admin',
    reason: null,
  },
};

describe('users and roles', () => {
  it('registers a person in a unit', () =>
    spec()
      .given()
      .when({ type: 'RegisterUser', userId: 'u1', displayName: 'Nguyễn Thị Ánh', unitId: 'tan-an', unit: commune })
      .then(registered));

  it('grants a role from now, by whom', () =>
    spec()
      .given(registered)
      .when({ type: 'GrantRole', userId: 'u1', role: 'unit-head', unit: commune, grantedBy: 'sonv-1' })
      .then({
        type: 'user.role-granted.v1',
        data: {
          userId: 'u1',
          role: 'unit-head',
          unitId: 'tan-an',
          from: now.toISOString(),
          grantedBy: 'sonv-1',
          reason: null,
        },
      }));

  it.each([
    [{ role: 'unit-reporter' }, /already holds/],
    [{ role: 'unit-head', unit: { id: 'an-hoa', kind: 'commune', active: true } }, /own unit/],
    [{ role: 'plan-coordinator' }, /belongs to a department/],
    [{ role: 'mayor' }, /not a role/],
    [{ role: 'viewer', unit: { id: 'gone', kind: 'district', active: false } }, /does not exist on that day/],
  ])('refuses a grant %j', (change, message) =>
    spec()
      .given(registered, reporter)
      .when({ type: 'GrantRole', userId: 'u1', unit: commune, grantedBy: 'x', ...change } as UserCommand)
      .thenThrows(UserError, message),
  );

  it('revokes with a reason, and the rights on a past day stay known', () => {
    const revoked: UserEvent = {
      type: 'user.role-revoked.v1',
      data: {
        userId: 'u1',
        role: 'unit-reporter',
        unitId: 'tan-an',
        from: now.toISOString(),
        revokedBy: 'sonv-1',
        reason: 'chuyển công tác',
      },
    };
    spec()
      .given(registered, reporter)
      .when({
        type: 'RevokeRole',
        userId: 'u1',
        role: 'unit-reporter',
        unitId: 'tan-an',
        revokedBy: 'sonv-1',
        reason: 'chuyển công tác',
      })
      .then(revoked);
    const s = spec().given(registered, reporter, revoked).state();
    expect(grantsAt(s, '2023-10-01T00:00:00.000Z').map((g) => g.role)).toEqual(['unit-reporter']);
    expect(grantsAt(s, now.toISOString())).toEqual([]);
  });

  it('refuses to revoke what is not held, or without a reason', () => {
    spec()
      .given(registered)
      .when({ type: 'RevokeRole', userId: 'u1', role: 'viewer', unitId: 'tan-an', revokedBy: 'x', reason: 'r' })
      .thenThrows(UserError, /does not hold/);
    spec()
      .given(registered, reporter)
      .when({ type: 'RevokeRole', userId: 'u1', role: 'unit-reporter', unitId: 'tan-an', revokedBy: 'x', reason: ' ' })
      .thenThrows(UserError, /needs a reason/);
  });
});

describe('scope', () => {
  const asExisting = { effectiveOn: '2023-01-01', legalBasis: null, asExisting: true } as const;
  const { state } = applyUnitCommands(initialRegistry(), [
    {
      type: 'EstablishUnit',
      unitId: 'cantho',
      name: 'UBND TP Cần Thơ',
      kind: 'city-peoples-committee',
      level: 'city',
      parentId: null,
      ...asExisting,
    },
    {
      type: 'EstablishUnit',
      unitId: 'so-noi-vu',
      name: 'Sở Nội vụ',
      kind: 'department',
      level: 'city',
      parentId: 'cantho',
      ...asExisting,
    },
    {
      type: 'EstablishUnit',
      unitId: 'ninh-kieu',
      name: 'Quận Ninh Kiều',
      kind: 'district',
      level: 'district',
      parentId: 'cantho',
      ...asExisting,
    },
    {
      type: 'EstablishUnit',
      unitId: 'tan-an',
      name: 'Phường Tân An',
      kind: 'commune',
      level: 'commune',
      parentId: 'ninh-kieu',
      ...asExisting,
    },
    {
      type: 'EstablishUnit',
      unitId: 'an-hoa',
      name: 'Phường An Hòa',
      kind: 'commune',
      level: 'commune',
      parentId: 'ninh-kieu',
      ...asExisting,
    },
  ]);
  const grant = (role: string, unitId: string) =>
    ({ role, unitId, from: '2023-01-01', until: null, grantedBy: 'x', revokedBy: null }) as never;

  it('a commune reporter acts for the commune only', () => {
    const s = scopeOf([grant('unit-reporter', 'tan-an')], state.units, '2023-11-14');
    expect([canRead(s, 'tan-an'), canWrite(s, 'tan-an'), canRead(s, 'an-hoa'), canRead(s, 'ninh-kieu')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('a district head reads its communes and acts for the district', () => {
    const s = scopeOf([grant('unit-head', 'ninh-kieu')], state.units, '2023-11-14');
    expect([canRead(s, 'an-hoa'), canWrite(s, 'an-hoa'), canWrite(s, 'ninh-kieu'), canRead(s, 'so-noi-vu')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('the plan coordinator at Sở Nội vụ covers the city tree', () => {
    const s = scopeOf([grant('plan-coordinator', 'so-noi-vu')], state.units, '2023-11-14');
    expect(['cantho', 'ninh-kieu', 'an-hoa', 'so-noi-vu'].every((u) => canRead(s, u) && canWrite(s, u))).toBe(true);
  });

  it('an auditor reads everything and acts for nothing', () => {
    const s = scopeOf([grant('auditor', 'so-noi-vu')], state.units, '2023-11-14');
    expect([canRead(s, 'an-hoa'), canRead(s, 'anything'), canWrite(s, 'so-noi-vu')]).toEqual([true, true, false]);
  });
});
