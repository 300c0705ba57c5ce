import { Id, List, Obj, RoleSchema, Type } from '@gl/domain';
import { UserDocSchema } from '@gl/read-models';
import { PageOf, WriteResultWith } from '../shared/common.schemas';

/* What the people's reads answer: their read-model document; and what /me says of the caller. */

export const UsersPage = PageOf(UserDocSchema);

/** Whom the token belongs to, the roles they hold now, and the units they read and write for. */
export const MeAnswer = Obj({
  user: UserDocSchema,
  roles: List(RoleSchema, 10),
  scope: Obj({
    readsAll: Type.Boolean({ description: 'An auditor reads every unit' }),
    reads: List(Id(), 1_000_000),
    writes: List(Id(), 1_000_000),
  }),
});

export const UserWriteResult = WriteResultWith({ userId: Id() });
