import { RecordedEvent } from '../port/envelope';
import {
  fromKurrentMetadata,
  fromPosition,
  matchesFilter,
  toKurrentMetadata,
  toPosition,
  toServerFilter,
} from './kurrentdb-mapping';
import { chainEvents } from '../hashing/chain-builder';

const e = (stream: string, type: string) => ({ stream, type }) as RecordedEvent;

describe('KurrentDB mapping (no server needed)', () => {
  it('maps a commit position to a decimal and back, beyond 2^53', () => {
    const p = 2n ** 60n + 7n;
    expect(toPosition({ commit: p, prepare: p })).toBe('1152921504606846983');
    expect(fromPosition('1152921504606846983')).toEqual({ commit: p, prepare: p });
    expect(fromPosition('0')).toBe('start');
  });

  it('writes $correlationId and $causationId beside our own names, and reads either', () => {
    const [chained] = chainEvents(
      'plan-1',
      [
        {
          eventId: 'e1',
          type: 'plan.issued.v1',
          data: {},
          metadata: { actor: { userId: 'u', unitId: null, roles: [] }, correlationId: 'corr', causationId: 'cause' },
        },
      ],
      undefined,
      '2023-07-01T00:00:00.000Z',
    );
    const written = toKurrentMetadata(chained);
    expect(written).toMatchObject({
      $correlationId: 'corr',
      $causationId: 'cause',
      correlationId: 'corr',
      hash: chained.metadata.hash,
    });
    expect(fromKurrentMetadata(written)).toEqual(chained.metadata);
    expect(fromKurrentMetadata({ $correlationId: 'x', $causationId: 'y' })).toMatchObject({
      correlationId: 'x',
      causationId: 'y',
    });
  });

  it('sends one dimension of a filter to the server and applies both here', () => {
    expect(toServerFilter({ categories: ['task'] })).toMatchObject({ filterOn: 'streamName', prefixes: ['task-'] });
    expect(toServerFilter({ typePrefixes: ['task.'] })).toMatchObject({ filterOn: 'eventType', prefixes: ['task.'] });
    expect(toServerFilter(undefined)).toBeUndefined();
    const f = { categories: ['task'], typePrefixes: ['task.completed'] };
    expect(matchesFilter(e('task-1', 'task.completed.v1'), f)).toBe(true);
    expect(matchesFilter(e('task-1', 'task.assigned.v1'), f)).toBe(false);
    expect(matchesFilter(e('tasks-1', 'task.completed.v1'), f)).toBe(false);
  });
});
