import { evolveUser, initialUser, User, USER_EVENT_TYPES, UserEvent } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per person: their unit and every grant with its period (what right they had when). */
export type UserDoc = Omit<User, 'exists'>;

export const users = projection<UserDoc>({
  name: 'users',
  version: 1,
  handles: USER_EVENT_TYPES,
  indexes: [{ keys: { unitId: 1 } }, { keys: { externalId: 1 } }],
  route: (e: RecordedEvent) => [(e.data as { userId: string }).userId],
  evolve: (doc, e) => {
    const { exists: _exists, ...next } = evolveUser(doc ? { ...doc, exists: true } : initialUser(), e as unknown as UserEvent);
    return next;
  },
});
