import {
  evolveUser,
  Id,
  initialUser,
  Instant,
  List,
  Nullable,
  Obj,
  RoleSchema,
  Static,
  USER_EVENT_TYPES,
  USER_EVENTS,
  UserEvent,
} from '@gl/domain';
import { projection, RecordedFrom } from '../../engine/projection';

const registered = USER_EVENTS['user.registered.v1'].properties;

/** A right held over a period: from the grant until the revocation (null: still held). */
export const GrantSchema = Obj({
  role: RoleSchema,
  unitId: Id(),
  from: Instant(),
  until: Nullable(Instant()),
  grantedBy: Id(),
  revokedBy: Nullable(Id()),
});

/** One document per person: their unit and every grant with its period (what right they had when). */
export const UserDocSchema = Obj({ ...registered, grants: List(GrantSchema, 10_000) });
export type UserDoc = Static<typeof UserDocSchema>;

export const users = projection<UserDoc, RecordedFrom<UserEvent>>({
  name: 'users',
  version: 1,
  handles: USER_EVENT_TYPES,
  indexes: [{ keys: { unitId: 1 } }, { keys: { externalId: 1 } }],
  route: (e) => [e.data.userId],
  evolve: (doc, e) => {
    const { exists: _exists, ...next } = evolveUser(doc ? { ...doc, exists: true } : initialUser(), e);
    return next;
  },
});
