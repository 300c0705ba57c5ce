import type { EventOf, EventsOf } from '../shared/event';
import { Id, Instant, Line, Nullable, Obj, OneOf, OptionalProse, Prose } from '../shared/schema';

export const ROLES = [
  'plan-coordinator',
  'unit-reporter',
  'unit-head',
  'viewer',
  'auditor',
  'integration-client',
  'integration-admin',
] as const;
/**
 * plan-coordinator: Sở Nội vụ staff who own the plan (the city's tree); unit-reporter: records and
 * drafts for their unit; unit-head: signs and submits their unit's reports; viewer: reads a subtree;
 * auditor: reads everything, writes nothing; integration-client: a system reading the event feed;
 * integration-admin: manages webhook endpoints for the units of its grant's subtree (reads that
 * subtree like a viewer), and writes nothing to the record.
 */
export type Role = (typeof ROLES)[number];
export const RoleSchema = OneOf(ROLES);
export const WRITING_ROLES: readonly Role[] = ['plan-coordinator', 'unit-reporter', 'unit-head'];

export const userStream = (userId: string): string => `user-${userId}`;

/** An address as people write it: one line, something before and after the @, a dot in the domain. */
export const EmailSchema = () =>
  Line(200, {
    pattern: '^[^\\u0000-\\u0020\\u007f@]+@[^\\u0000-\\u0020\\u007f@]+\\.[^\\u0000-\\u0020\\u007f@]+$',
    errorMessage: 'must be an email address',
  });

/** The events of a person, each data shape defined once: its type, validation and JSON Schema. */
export const USER_EVENTS = {
  'user.registered.v1': Obj({
    userId: Id(),
    displayName: Line(200, { examples: ['Nguyễn Thị Ánh'] }),
    unitId: Id(),
    email: Nullable(EmailSchema()),
    externalId: Nullable(
      Line(200, {
        minLength: 0,
        description: "The subject of this person's tokens at the identity provider, when it is not our id",
      }),
    ),
  }),
  'user.role-granted.v1': Obj({
    userId: Id(),
    role: RoleSchema,
    unitId: Id({ description: 'The unit the role is held for (the scope root)' }),
    from: Instant({ description: 'The instant the right starts' }),
    grantedBy: Id(),
    reason: Nullable(OptionalProse(1000)),
  }),
  'user.role-revoked.v1': Obj({
    userId: Id(),
    role: RoleSchema,
    unitId: Id(),
    from: Instant({ description: 'The instant the right ends' }),
    revokedBy: Id(),
    reason: Nullable(Prose(1000)),
  }),
};

type M = typeof USER_EVENTS;
export type UserEvent = EventsOf<M>;
export type UserRegistered = EventOf<M, 'user.registered.v1'>;
export type RoleGranted = EventOf<M, 'user.role-granted.v1'>;
export type RoleRevoked = EventOf<M, 'user.role-revoked.v1'>;

export const USER_EVENT_TYPES = Object.keys(USER_EVENTS) as UserEvent['type'][];
