import type { DomainEvent } from '../shared/event';

export const ROLES = ['plan-coordinator', 'unit-reporter', 'unit-head', 'viewer', 'auditor', 'integration-client'] as const;
/**
 * plan-coordinator: Sở Nội vụ staff who own the plan (the city's tree); unit-reporter: records and
 * drafts for their unit; unit-head: signs and submits their unit's reports; viewer: reads a subtree;
 * auditor: reads everything, writes nothing; integration-client: a system reading the event feed.
 */
export type Role = (typeof ROLES)[number];
export const WRITING_ROLES: readonly Role[] = ['plan-coordinator', 'unit-reporter', 'unit-head'];

export const userStream = (userId: string): string => `user-${userId}`;

export type UserRegistered = DomainEvent<'user.registered.v1', {
  userId: string;
  displayName: string;
  unitId: string;
  email: string | null;
  /** The subject of this person's tokens at the identity provider, when it is not our id. */
  externalId: string | null;
}>;
export type RoleGranted = DomainEvent<'user.role-granted.v1', {
  userId: string; role: Role; unitId: string; from: string; grantedBy: string; reason: string | null;
}>;
export type RoleRevoked = DomainEvent<'user.role-revoked.v1', {
  userId: string; role: Role; unitId: string; from: string; revokedBy: string; reason: string | null;
}>;
export type UserEvent = UserRegistered | RoleGranted | RoleRevoked;
export const USER_EVENT_TYPES: UserEvent['type'][] = ['user.registered.v1', 'user.role-granted.v1', 'user.role-revoked.v1'];
