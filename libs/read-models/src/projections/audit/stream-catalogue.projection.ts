import { Id, Instant, Line, List, Obj, Static, Type } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const EventType = () => Line(100);

/** One document per stream: what an auditor lists before opening a stream's full history. */
export const StreamEntrySchema = Obj({
  stream: Line(500),
  category: Line(100),
  events: Count(),
  firstRecordedAt: Instant(),
  lastRecordedAt: Instant(),
  lastType: EventType(),
  lastRevision: Count(),
  writers: { ...List(Id(), 100_000), description: 'Who wrote to the stream, most recent last, without repeats' },
  types: Type.Record(EventType(), Count(), {
    maxProperties: 1000,
    description: 'The event types it holds, with counts',
  }),
});
export type StreamEntry = Static<typeof StreamEntrySchema>;

export const streamCatalogue = projection<StreamEntry>({
  name: 'stream-catalogue',
  version: 1,
  handles: 'all',
  large: true,
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
