import { EmailSchema, Id, Instant, Nullable, Obj, Static, Type, USER_EVENTS as E } from '@gl/domain';
import { PAGE_QUERY } from '../shared/common.schemas';

/* What registering a person and granting or revoking a role take: the fields of the events they record. */

const registered = E['user.registered.v1'].properties;
const granted = E['user.role-granted.v1'].properties;
const From = (description: string) => Type.Optional(Instant({ description, examples: ['2023-06-01T00:00:00+07:00'] }));

export const RegisterUserBody = Obj({
  userId: Type.Optional(Id({ description: 'Stable id; generated when absent' })),
  displayName: registered.displayName,
  unitId: registered.unitId,
  email: Type.Optional(Nullable(EmailSchema())),
  externalId: Type.Optional(registered.externalId),
  from: From('The instant from which the person works in the unit (default now); the unit must exist then'),
});
export const GrantRoleBody = Obj({
  role: granted.role,
  unitId: granted.unitId,
  reason: Type.Optional(granted.reason),
  from: From('The instant the right starts (default now)'),
});
const revoked = E['user.role-revoked.v1'].properties;
/** A revocation always gives its reason. */
export const RevokeRoleBody = Obj({ role: revoked.role, unitId: revoked.unitId, reason: revoked.reason.anyOf[0] });

export const ListUsersQuery = Obj({
  ...PAGE_QUERY,
  unitId: Type.Optional(Id({ description: "The unit's people (it must be in the caller's scope)" })),
});

export type RegisterUserBody = Static<typeof RegisterUserBody>;
export type GrantRoleBody = Static<typeof GrantRoleBody>;
export type RevokeRoleBody = Static<typeof RevokeRoleBody>;
export type ListUsersQuery = Static<typeof ListUsersQuery>;
