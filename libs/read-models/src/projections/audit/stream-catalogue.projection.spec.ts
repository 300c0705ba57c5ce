import { expectAppliedTwiceIsIdempotent, projectionSpec, recorded } from '@gl/testing';
import { streamCatalogue } from './stream-catalogue.projection';

const sonv = { userId: 'sonv-1', unitId: 'so-noi-vu', roles: ['plan-coordinator'] };
const xa = { userId: 'nhonai-1', unitId: 'xa-nhon-ai', roles: ['unit-reporter'] };
const issued = recorded(
  'plan.issued.v1',
  {},
  { at: 1, stream: 'plan-1', revision: 0, actor: sonv, recordedAt: '2023-06-30T01:00:00.000Z' },
);
const acked = recorded(
  'plan.receipt-acknowledged.v1',
  {},
  { at: 2, stream: 'plan-1', revision: 1, actor: xa, recordedAt: '2023-07-03T02:00:00.000Z' },
);
const amended = recorded(
  'plan.amended.v1',
  {},
  { at: 5, stream: 'plan-1', revision: 2, actor: sonv, recordedAt: '2023-08-01T02:00:00.000Z' },
);
const other = recorded('unit.established.v1', {}, { at: 3, stream: 'unit-9', revision: 0, actor: sonv });

describe('stream-catalogue projection', () => {
  it('describes a stream: counts, types, first and last, writers most recent last', () =>
    projectionSpec(streamCatalogue)
      .given(issued, other)
      .when(acked, amended)
      .then('plan-1', {
        stream: 'plan-1',
        category: 'plan',
        events: 3,
        firstRecordedAt: '2023-06-30T01:00:00.000Z',
        lastRecordedAt: '2023-08-01T02:00:00.000Z',
        lastType: 'plan.amended.v1',
        lastRevision: 2,
        writers: ['nhonai-1', 'sonv-1'],
        types: { 'plan.issued.v1': 1, 'plan.receipt-acknowledged.v1': 1, 'plan.amended.v1': 1 },
      }));

  it('counts a redelivered event once', () =>
    projectionSpec(streamCatalogue)
      .given(issued)
      .when(acked, acked)
      .then('plan-1', expect.objectContaining({ events: 2 })));

  it('applied twice gives the same result', () =>
    expectAppliedTwiceIsIdempotent(streamCatalogue, [issued, acked, other, amended]));
});
