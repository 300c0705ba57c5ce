import fc from 'fast-check';
import { GENESIS_HASH, NewEvent } from '../port/envelope';
import { InvalidAppendError } from '../port/errors';
import { canonicalJson } from './canonical-json';
import { chainEvents, validateAppend } from './chain-builder';
import { hashEvent } from './hash-chain';

const event = fc.record({
  eventId: fc.uuid(),
  type: fc.constantFrom('task.assigned.v1', 'report.submitted.v2'),
  data: fc.jsonValue(),
  schemaVersion: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  metadata: fc.record(
    {
      actor: fc.record({
        userId: fc.string(),
        unitId: fc.option(fc.string(), { nil: null }),
        roles: fc.array(fc.string()),
      }),
      correlationId: fc.string(),
      causationId: fc.string(),
      occurredAt: fc.option(fc.string(), { nil: undefined }),
      reason: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    },
    { requiredKeys: ['actor', 'correlationId', 'causationId'] },
  ),
});

describe('chainEvents', () => {
  it('hashes exactly what hashEvent computes, and stores canonical texts', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), fc.string(), (events, id) => {
        const chained = chainEvents(
          `test-${id.replace(/\s/g, '')}`,
          events as NewEvent[],
          { revision: 4, hash: 'f'.repeat(64) },
          '2023-11-14T16:59:59.999Z',
        );
        let prev = 'f'.repeat(64);
        chained.forEach((c, i) => {
          const { hash, ...rest } = c.metadata;
          expect(c.revision).toBe(5 + i);
          expect(c.metadata.prevHash).toBe(prev);
          expect(hash).toBe(
            hashEvent({
              stream: c.stream,
              revision: c.revision,
              eventId: c.eventId,
              type: c.type,
              data: c.data,
              metadata: rest,
            }),
          );
          expect(c.dataJson).toBe(canonicalJson(c.data));
          expect(c.actorJson).toBe(canonicalJson(c.metadata.actor));
          prev = hash;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('starts a new stream at revision 0 from the genesis hash', () => {
    const [first] = chainEvents(
      'plan-1',
      [
        {
          eventId: 'e1',
          type: 'plan.issued.v1',
          data: {},
          metadata: { actor: { userId: 'u', unitId: null, roles: [] }, correlationId: 'c', causationId: 'c' },
        },
      ],
      undefined,
      '2023-01-01T00:00:00.000Z',
    );
    expect(first.revision).toBe(0);
    expect(first.metadata.prevHash).toBe(GENESIS_HASH);
  });
});

describe('validateAppend', () => {
  const ok: NewEvent = {
    eventId: 'e1',
    type: 'plan.issued.v1',
    data: {},
    metadata: { actor: { userId: 'u', unitId: null, roles: [] }, correlationId: 'c', causationId: 'c' },
  };
  it.each([
    ['', [ok], /not a stream name/],
    ['plan 1', [ok], /not a stream name/],
    ['$all', [ok], /reserved/],
    ['plan-1', [], /at least one event/],
    ['plan-1', [ok, ok], /appears twice/],
    ['plan-1', [{ ...ok, type: 'PlanIssued' }], /not an event type/],
    ['plan-1', [{ ...ok, data: undefined }], /has no data/],
    [
      'plan-1',
      [{ ...ok, metadata: { ...ok.metadata, correlationId: undefined as unknown as string } }],
      /correlationId/,
    ],
    ['plan-1', [{ ...ok, schemaVersion: 0 }], /schemaVersion/],
  ])('refuses stream %j with %j', (stream, events, message) => {
    expect(() => validateAppend(stream, events as NewEvent[])).toThrow(InvalidAppendError);
    expect(() => validateAppend(stream, events as NewEvent[])).toThrow(message);
  });
});
