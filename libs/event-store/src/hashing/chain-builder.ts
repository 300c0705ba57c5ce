import { GENESIS_HASH, NewEvent, StoredMetadata } from '../port/envelope';
import { InvalidAppendError } from '../port/errors';
import { hashEvent } from './hash-chain';

export interface ChainedEvent {
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: StoredMetadata;
}

const STREAM_NAME = /^[^\s-]+-?[^\s]*$/;
const TYPE_NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
export const MAX_STREAM_LENGTH = 200;

/** Rejects what no adapter should store: an empty append, a malformed stream or type name. */
export const validateAppend = (stream: string, events: NewEvent[]): void => {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > MAX_STREAM_LENGTH || !STREAM_NAME.test(stream)) {
    throw new InvalidAppendError(`"${stream}" is not a stream name (category-id, no spaces, at most ${MAX_STREAM_LENGTH} characters)`);
  }
  if (stream.startsWith('$')) throw new InvalidAppendError(`stream names starting with $ are reserved: ${stream}`);
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppendError(`an append to ${stream} needs at least one event`);
  const ids = new Set<string>();
  for (const e of events) {
    if (typeof e.eventId !== 'string' || e.eventId.length === 0) throw new InvalidAppendError(`an event for ${stream} has no eventId`);
    if (ids.has(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} appears twice in one append`);
    ids.add(e.eventId);
    if (typeof e.type !== 'string' || !TYPE_NAME.test(e.type)) throw new InvalidAppendError(`"${e.type}" is not an event type (dotted, lower case, e.g. task.assigned.v1)`);
    if (e.data === undefined) throw new InvalidAppendError(`event ${e.eventId} has no data`);
    if (!e.metadata || !e.metadata.actor) throw new InvalidAppendError(`event ${e.eventId} has no actor`);
  }
};

/**
 * Gives each new event its revision, recorded time and link in the stream's hash chain.
 * `last` is the stream's current last event, undefined for a new stream.
 */
export const chainEvents = (
  stream: string,
  events: NewEvent[],
  last: { revision: number; hash: string } | undefined,
  recordedAt: string,
): ChainedEvent[] => {
  let revision = last ? last.revision : -1;
  let prevHash = last ? last.hash : GENESIS_HASH;
  return events.map((e) => {
    revision++;
    const { actor, correlationId, causationId, occurredAt, reason } = e.metadata;
    const metadata: Omit<StoredMetadata, 'hash'> = {
      actor, correlationId, causationId, recordedAt, schemaVersion: e.schemaVersion ?? 1, prevHash,
      ...(occurredAt !== undefined && { occurredAt }),
      ...(reason !== undefined && { reason }),
    };
    const hash = hashEvent({ stream, revision, eventId: e.eventId, type: e.type, data: e.data, metadata });
    prevHash = hash;
    return { stream, revision, eventId: e.eventId, type: e.type, data: e.data, metadata: { ...metadata, hash } };
  });
};
