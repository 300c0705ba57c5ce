import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/** One document per stream: what an auditor lists before opening a stream's full history. */
export interface StreamEntry {
  stream: string;
  category: string;
  events: number;
  firstRecordedAt: string;
  lastRecordedAt: string;
  lastType: string;
  lastRevision: number;
  /** Who wrote to the stream, most recent last, without repeats. */
  writers: string[];
  /** The event types it holds, with counts. */
  types: Record<string, number>;
}

export const streamCatalogue = projection<StreamEntry>({
  name: 'stream-catalogue',
  version: 1,
  handles: 'all',
  indexes: [{ keys: { category: 1, lastRecordedAt: -1 } }],
  route: (e: RecordedEvent) => [e.stream],
  evolve: (doc, e) => {
    const writer = e.metadata.actor.userId;
    return {
      stream: e.stream,
      category: e.stream.split('-', 1)[0],
      events: (doc?.events ?? 0) + 1,
      firstRecordedAt: doc?.firstRecordedAt ?? e.metadata.recordedAt,
      lastRecordedAt: e.metadata.recordedAt,
      lastType: e.type,
      lastRevision: e.revision,
      writers: [...(doc?.writers ?? []).filter((w) => w !== writer), writer],
      types: { ...doc?.types, [e.type]: (doc?.types?.[e.type] ?? 0) + 1 },
    };
  },
});
