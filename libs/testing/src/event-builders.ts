import { randomUUID } from 'node:crypto';
import type { Actor } from '@gl/domain';
import type { EventMetadata, NewEvent } from '@gl/event-store';

export const testActor: Actor = { userId: 'user-test', unitId: 'unit-test', roles: ['plan-coordinator'] };

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: testActor,
  correlationId: 'corr-test',
  causationId: 'cause-test',
  ...overrides,
});

/** A new event with a fresh uuid unless one is given. */
export const newEvent = <D>(
  type: string,
  data: D,
  overrides: Partial<NewEvent<string, D>> = {},
): NewEvent<string, D> => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: metadata(),
  ...overrides,
});
