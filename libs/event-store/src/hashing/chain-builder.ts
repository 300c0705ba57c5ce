import { GENESIS_HASH, NewEvent, StoredMetadata } from '../port/envelope';
import { InvalidAppendError } from '../port/errors';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export interface ChainedEvent {
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: StoredMetadata;
  /** Canonical JSON of the data, as hashed and stored. */
  dataJson: string;
  /** Canonical JSON of the actor, as stored. */
  actorJson: string;
}

const STREAM_NAME = /^[^\s-]+-?[^\s]*$/;
const TYPE_NAME = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
export const MAX_STREAM_LENGTH = 200;

/** Rejects what no adapter should store: an empty append, a malformed stream or type name. */
export const validateAppend = (stream: string, events: NewEvent[]): void => {
  if (
    typeof stream !== 'string' ||
    stream.length === 0 ||
    stream.length > MAX_STREAM_LENGTH ||
    !STREAM_NAME.test(stream)
  ) {
    throw new InvalidAppendError(
      `"${stream}" is not a stream name (category-id, no spaces, at most ${MAX_STREAM_LENGTH} characters)`,
    );
  }
  if (stream.startsWith('$')) throw new InvalidAppendError(`stream names starting with $ are reserved: ${stream}`);
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidAppendError(`an append to ${stream} needs at least one event`);
  const ids = new Set<string>();
  for (const e of events) {
    if (typeof e.eventId !== 'string' || e.eventId.length === 0)
      throw new InvalidAppendError(`an event for ${stream} has no eventId`);
    if (ids.has(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} appears twice in one append`);
    ids.add(e.eventId);
    if (typeof e.type !== 'string' || !TYPE_NAME.test(e.type))
      throw new InvalidAppendError(`"${e.type}" is not an event type (dotted, lower case, e.g. task.assigned.v1)`);
    if (e.data === undefined) throw new InvalidAppendError(`event ${e.eventId} has no data`);
    const m = e.metadata;
    if (!m || !m.actor || typeof m.actor !== 'object') throw new InvalidAppendError(`event ${e.eventId} has no actor`);
    if (typeof m.correlationId !== 'string' || typeof m.causationId !== 'string') {
      throw new InvalidAppendError(`event ${e.eventId} needs a correlationId and a causationId`);
    }
    if (
      (m.occurredAt !== undefined && typeof m.occurredAt !== 'string') ||
      (m.reason !== undefined && typeof m.reason !== 'string')
    ) {
      throw new InvalidAppendError(`event ${e.eventId}: occurredAt and reason are strings when given`);
    }
    if (
      m.subjectUnitIds !== undefined &&
      !(Array.isArray(m.subjectUnitIds) && m.subjectUnitIds.every((u) => typeof u === 'string'))
    ) {
      throw new InvalidAppendError(`event ${e.eventId}: subjectUnitIds is a list of unit ids when given`);
    }
    if (e.schemaVersion !== undefined && !(Number.isInteger(e.schemaVersion) && e.schemaVersion >= 1)) {
      throw new InvalidAppendError(`event ${e.eventId}: schemaVersion is a whole number from 1`);
    }
  }
};

/**
 * Gives each new event its revision, recorded time and link in the stream's hash chain.
 * `last` is the stream's current last event, undefined for a new stream. The canonical texts are
 * built once here and serve both the hash and storage (docs/performance.md): the result is
 * exactly what `hashEvent` computes, which a property test holds it to.
 */
export const chainEvents = (
  stream: string,
  events: NewEvent[],
  last: { revision: number; hash: string } | undefined,
  recordedAt: string,
): ChainedEvent[] => {
  let revision = last ? last.revision : -1;
  let prevHash = last ? last.hash : GENESIS_HASH;
  const actors = new Map<unknown, string>();
  const streamJson = q(stream);
  const recordedJson = q(recordedAt);
  return events.map((e) => {
    revision++;
    const { actor, correlationId, causationId, occurredAt, reason, subjectUnitIds } = e.metadata;
    const schemaVersion = e.schemaVersion ?? 1;
    let actorJson = actors.get(actor);
    if (actorJson === undefined) actors.set(actor, (actorJson = canonicalJson(actor)));
    const dataJson = canonicalJson(e.data);
    const ids = `{"actor":${actorJson},"causationId":${q(causationId)},"correlationId":${q(correlationId)}`;
    const when = occurredAt !== undefined ? `,"occurredAt":${q(occurredAt)}` : '';
    const why = reason !== undefined ? `,"reason":${q(reason)}` : '';
    const about = subjectUnitIds !== undefined ? `,"subjectUnitIds":${canonicalJson(subjectUnitIds)}` : '';
    // Keys in UTF-16 order, as canonicalJson would write them.
    const metadataJson = `${ids}${when},"prevHash":"${prevHash}"${why},"recordedAt":${recordedJson},"schemaVersion":${schemaVersion}${about}}`;
    const envelope = `{"data":${dataJson},"eventId":${q(e.eventId)},"metadata":${metadataJson},"revision":${revision},"stream":${streamJson},"type":${q(e.type)}}`;
    const hash = createHash('sha256').update(envelope, 'utf8').digest('hex');
    const metadata: StoredMetadata = {
      actor,
      correlationId,
      causationId,
      recordedAt,
      schemaVersion,
      prevHash,
      hash,
      ...(occurredAt !== undefined && { occurredAt }),
      ...(reason !== undefined && { reason }),
      ...(subjectUnitIds !== undefined && { subjectUnitIds }),
    };
    prevHash = hash;
    return { stream, revision, eventId: e.eventId, type: e.type, data: e.data, metadata, dataJson, actorJson };
  });
};

const q = JSON.stringify;
