import { RecordedEvent } from '../port/envelope';

/** A row as read with safe integers on (every INTEGER column is a bigint). */
export interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  event_id: string;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

export const EVENT_COLUMNS =
  'position, stream, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  stream: row.stream,
  revision: Number(row.revision),
  position: row.position.toString(),
  eventId: row.event_id,
  type: row.type,
  data: JSON.parse(row.data),
  metadata: {
    ...JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    schemaVersion: Number(row.schema_version),
    prevHash: row.prev_hash,
    hash: row.hash,
  },
});
