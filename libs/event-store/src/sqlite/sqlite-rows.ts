import type { Actor } from '@gl/domain';
import { RecordedEvent, StoredMetadata } from '../port/envelope';
import { deepFreeze } from '../serialization/deep-freeze';

/**
 * Columns in a fixed order, read as arrays (better-sqlite3 `raw`): building row objects and then
 * events costs more than the rest of a read. The position comes back as text, so positions beyond
 * 2^53 survive without turning every integer into a BigInt.
 */
export const EVENT_COLUMNS =
  'CAST(position AS TEXT), stream, revision, event_id, type, schema_version, data, actor, correlation_id, causation_id, ' +
  'occurred_at, reason, recorded_at, prev_hash, hash, subject_unit_ids';

export type EventRow = [
  position: string,
  stream: string,
  revision: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  actor: string,
  correlationId: string,
  causationId: string,
  occurredAt: string | null,
  reason: string | null,
  recordedAt: string,
  prevHash: string,
  hash: string,
  subjectUnitIds: string | null,
];

/**
 * A few people write most events: each distinct actor text is parsed once and shared, frozen,
 * between the events that carry it. Bounded, so a log of many writers cannot grow it without end.
 */
export class ActorCache {
  private readonly parsed = new Map<string, Actor>();

  constructor(private readonly max = 10_000) {}

  get(text: string): Actor {
    let actor = this.parsed.get(text);
    if (!actor) {
      if (this.parsed.size >= this.max) this.parsed.clear();
      actor = deepFreeze(JSON.parse(text) as Actor);
      this.parsed.set(text, actor);
    }
    return actor;
  }
}

export const rowDecoder =
  (actors: ActorCache) =>
  (row: EventRow): RecordedEvent => {
    const metadata: StoredMetadata = {
      actor: actors.get(row[7]),
      correlationId: row[8],
      causationId: row[9],
      recordedAt: row[12],
      schemaVersion: row[5],
      prevHash: row[13],
      hash: row[14],
    };
    if (row[10] !== null) metadata.occurredAt = row[10];
    if (row[11] !== null) metadata.reason = row[11];
    if (row[15] !== null) metadata.subjectUnitIds = JSON.parse(row[15]);
    return {
      stream: row[1],
      revision: row[2],
      position: row[0],
      eventId: row[3],
      type: row[4],
      data: JSON.parse(row[6]),
      metadata,
    };
  };
