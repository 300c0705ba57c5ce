import { createHash } from 'node:crypto';
import { GENESIS_HASH, RecordedEvent, StoredMetadata } from '../port/envelope';
import { canonicalJson } from './canonical-json';

/** What the hash covers: the event as stored, with its place in the stream, without the hash itself. */
export interface HashableEvent {
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Omit<StoredMetadata, 'hash'>;
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the event without its hash. The global position
 * is left out on purpose: KurrentDB assigns it after the hash must be known. Stream and revision
 * are in, so an event cannot be moved or reordered without breaking the chain.
 */
export const hashEvent = (e: HashableEvent): string => {
  const { stream, revision, eventId, type, data, metadata } = e;
  const text = canonicalJson({ stream, revision, eventId, type, data, metadata });
  return createHash('sha256').update(text, 'utf8').digest('hex');
};

export type ChainBreak =
  | { kind: 'revision-gap'; expected: number }
  | { kind: 'prev-hash-mismatch'; expected: string; found: string }
  | { kind: 'hash-mismatch'; expected: string; found: string };

export interface BadEvent {
  stream: string;
  revision: number;
  position: string;
  eventId: string;
  problem: ChainBreak;
}

/**
 * Checks one event against the previous one of its stream (undefined for the first).
 * Returns what is wrong, or null.
 */
export const checkLink = (
  e: RecordedEvent,
  previous: { revision: number; hash: string } | undefined,
): ChainBreak | null => {
  const expectedRevision = previous ? previous.revision + 1 : 0;
  if (e.revision !== expectedRevision) return { kind: 'revision-gap', expected: expectedRevision };
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (e.metadata.prevHash !== expectedPrev) {
    return { kind: 'prev-hash-mismatch', expected: expectedPrev, found: e.metadata.prevHash };
  }
  const { hash, ...rest } = e.metadata;
  const recomputed = hashEvent({ ...e, metadata: rest });
  if (recomputed !== hash) return { kind: 'hash-mismatch', expected: recomputed, found: hash };
  return null;
};
