import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@gl/event-store';
import { testActor } from './event-builders';

export interface RecordedOverrides {
  /** Global position (a number or a decimal string). */
  at?: number | string;
  stream?: string;
  revision?: number;
  recordedAt?: string;
  actor?: RecordedEvent['metadata']['actor'];
}

let counter = 0;

/** A stored event, as projections receive it; positions increase by themselves unless given. */
export const recorded = <D>(type: string, data: D, o: RecordedOverrides = {}): RecordedEvent<string, D> => {
  const position = String(o.at ?? ++counter);
  return {
    stream: o.stream ?? 'test-1',
    revision: o.revision ?? 0,
    position,
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      actor: o.actor ?? testActor,
      correlationId: 'corr-test',
      causationId: 'cause-test',
      recordedAt: o.recordedAt ?? '2023-11-14T03:00:00.000Z',
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    },
  };
};
