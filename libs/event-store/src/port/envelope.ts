import type { Actor } from '@gl/domain';

/**
 * A global log position, opaque to callers: a decimal string of an unsigned 64-bit integer
 * (KurrentDB commit positions exceed 2^53). Compare with `comparePositions`, never as numbers.
 */
export type Position = string;

/** The position before the first event of the log. */
export const START: Position = '0';

/** What the writer says about an event; the store adds recordedAt, schemaVersion and the hash chain. */
export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** Business time, when the thing happened, if it differs from when it was recorded (ISO 8601). */
  occurredAt?: string;
  /** The reason a person gave, where they gave one. */
  reason?: string;
  /**
   * The units whose record the event belongs to (DESIGN.md, "Subject units"), apart from the actor's
   * unit. Stamped on every event appended since 2026-12; older events keep their bytes, and theirs are
   * derived on read by the same definition (application's SubjectResolver).
   */
  subjectUnitIds?: string[];
}

/** An event to append. `eventId` is a uuid chosen by the writer: the key of idempotent retries. */
export interface NewEvent<T extends string = string, D = unknown> {
  eventId: string;
  type: T;
  data: D;
  metadata: EventMetadata;
  /** Version of the data's shape for this type; 1 unless an upcaster introduced a newer shape. */
  schemaVersion?: number;
}

export interface StoredMetadata extends EventMetadata {
  /** Server time when the store accepted the event (ISO 8601, UTC). */
  recordedAt: string;
  schemaVersion: number;
  /** The hash of the previous event in the same stream; GENESIS_HASH for revision 0. */
  prevHash: string;
  /** SHA-256 over the canonical JSON of this event without `hash` (see hashing/hash-chain.ts). */
  hash: string;
}

/** An event as stored: its stream, its revision in that stream (from 0) and its global position. */
export interface RecordedEvent<T extends string = string, D = unknown> {
  stream: string;
  revision: number;
  position: Position;
  eventId: string;
  type: T;
  data: D;
  metadata: StoredMetadata;
}

export const GENESIS_HASH = '0'.repeat(64);

/** `plan-123` → `plan`. Categories carry no dash (DESIGN.md, "Events"). */
export const categoryOf = (stream: string): string => {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
};
