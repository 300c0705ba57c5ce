import { ROLES, Role, RoleGranted, RoleRevoked, UserEvent, UserRegistered } from './user.events';
import { DomainError, ProblemsOf } from '../shared/domain-error';

/** A right held over a period: from the grant until the revocation (null: still held). */
export interface Grant {
  role: Role;
  unitId: string;
  from: string;
  until: string | null;
  grantedBy: string;
  revokedBy: string | null;
}

export interface User {
  exists: boolean;
  userId: string;
  displayName: string;
  unitId: string;
  email: string | null;
  externalId: string | null;
  grants: Grant[];
}

/** What the handler looked up about the unit a command names: the user aggregate cannot see units. */
export interface UnitFacts {
  id: string;
  kind: string;
  active: boolean;
}

export type RegisterUser = Omit<UserRegistered['data'], 'email' | 'externalId'> & {
  type: 'RegisterUser';
  email?: string | null;
  externalId?: string | null;
  unit: UnitFacts;
};
export type GrantRole = {
  type: 'GrantRole';
  userId: string;
  role: Role;
  unit: UnitFacts;
  grantedBy: string;
  reason?: string | null;
  from?: string;
};
export type RevokeRole = {
  type: 'RevokeRole';
  userId: string;
  role: Role;
  unitId: string;
  revokedBy: string;
  reason: string;
  from?: string;
};
export type UserCommand = RegisterUser | GrantRole | RevokeRole;

export type UserErrorCode = 'user-not-found' | 'user-exists' | 'invalid-grant' | 'not-granted' | 'already-granted';
export class UserError extends DomainError<UserErrorCode> {
  static readonly problems: ProblemsOf<UserErrorCode> = {
    'user-not-found': { status: 404, title: 'No such user' },
    'user-exists': { status: 409, title: 'The user is already registered' },
    'already-granted': { status: 409, title: 'The role is already granted' },
    'invalid-grant': { status: 422, title: 'Users and roles do not allow this grant' },
    'not-granted': { status: 422, title: 'The role was not granted' },
  };
}

export const initialUser = (): User => ({
  exists: false,
  userId: '',
  displayName: '',
  unitId: '',
  email: null,
  externalId: null,
  grants: [],
});

export const evolveUser = (s: User, e: UserEvent): User => {
  switch (e.type) {
    case 'user.registered.v1':
      return { ...s, exists: true, ...e.data };
    case 'user.role-granted.v1':
      return {
        ...s,
        grants: [
          ...s.grants,
          {
            role: e.data.role,
            unitId: e.data.unitId,
            from: e.data.from,
            until: null,
            grantedBy: e.data.grantedBy,
            revokedBy: null,
          },
        ],
      };
    case 'user.role-revoked.v1':
      return {
        ...s,
        grants: s.grants.map((g) =>
          g.role === e.data.role && g.unitId === e.data.unitId && g.until === null
            ? { ...g, until: e.data.from, revokedBy: e.data.revokedBy }
            : g,
        ),
      };
  }
};

/** The grants in force at an instant: what right the person had then. */
export const grantsAt = (s: User, at: string): Grant[] =>
  s.grants.filter((g) => g.from <= at && (g.until === null || at < g.until));

/** Roles that act for the holder's own unit only. */
const OWN_UNIT_ROLES: readonly Role[] = ['unit-reporter', 'unit-head'];

const instant = (from: string | undefined, now: Date): string => {
  const t = from === undefined ? now : new Date(from);
  if (Number.isNaN(t.getTime())) throw new UserError('invalid-grant', `"${from}" is not an instant`);
  return t.toISOString();
};

export const decideUser = (c: UserCommand, s: User, now: Date): UserEvent[] => {
  switch (c.type) {
    case 'RegisterUser': {
      if (s.exists) throw new UserError('user-exists', `user ${c.userId} already exists`);
      if (!c.displayName?.trim()) throw new UserError('invalid-grant', 'a user needs a display name');
      if (!c.unit.active) throw new UserError('invalid-grant', `unit ${c.unit.id} does not exist on that day`);
      const e: UserRegistered = {
        type: 'user.registered.v1',
        data: {
          userId: c.userId,
          displayName: c.displayName,
          unitId: c.unit.id,
          email: c.email ?? null,
          externalId: c.externalId ?? null,
        },
      };
      return [e];
    }
    case 'GrantRole': {
      if (!s.exists) throw new UserError('user-not-found', `no user ${c.userId}`);
      if (!ROLES.includes(c.role)) throw new UserError('invalid-grant', `"${c.role}" is not a role`);
      if (!c.unit.active) throw new UserError('invalid-grant', `unit ${c.unit.id} does not exist on that day`);
      if (OWN_UNIT_ROLES.includes(c.role) && c.unit.id !== s.unitId) {
        throw new UserError(
          'invalid-grant',
          `${c.role} acts for the person's own unit (${s.unitId}), not ${c.unit.id}`,
        );
      }
      if (c.role === 'plan-coordinator' && c.unit.kind !== 'department') {
        throw new UserError('invalid-grant', 'the plan coordinator role belongs to a department (Sở Nội vụ)');
      }
      if (s.grants.some((g) => g.role === c.role && g.unitId === c.unit.id && g.until === null)) {
        throw new UserError('already-granted', `${c.userId} already holds ${c.role} for ${c.unit.id}`);
      }
      const e: RoleGranted = {
        type: 'user.role-granted.v1',
        data: {
          userId: c.userId,
          role: c.role,
          unitId: c.unit.id,
          from: instant(c.from, now),
          grantedBy: c.grantedBy,
          reason: c.reason ?? null,
        },
      };
      return [e];
    }
    case 'RevokeRole': {
      if (!s.exists) throw new UserError('user-not-found', `no user ${c.userId}`);
      if (!c.reason?.trim()) throw new UserError('invalid-grant', 'a revocation needs a reason');
      if (!s.grants.some((g) => g.role === c.role && g.unitId === c.unitId && g.until === null)) {
        throw new UserError('not-granted', `${c.userId} does not hold ${c.role} for ${c.unitId}`);
      }
      const e: RoleRevoked = {
        type: 'user.role-revoked.v1',
        data: {
          userId: c.userId,
          role: c.role,
          unitId: c.unitId,
          from: instant(c.from, now),
          revokedBy: c.revokedBy,
          reason: c.reason,
        },
      };
      return [e];
    }
  }
};
