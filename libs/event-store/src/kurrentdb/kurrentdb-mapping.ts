import type { AllStreamResolvedEvent, Filter, Position as KPosition, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { eventTypeFilter, START as K_START, streamNameFilter } from '@kurrent/kurrentdb-client';
import { LogFilter } from '../port/event-store.port';
import { EventMetadata, Position, RecordedEvent, START, StoredMetadata } from '../port/envelope';
import { ChainedEvent } from '../hashing/chain-builder';
import { formatPosition, parsePosition } from '../port/position';

/**
 * Our position is the commit position. Events appended without explicit transactions (all of
 * ours) have commit = prepare, so one number resumes a read exactly (docs/adr/0002).
 */
export const toPosition = (p: KPosition): Position => formatPosition(p.commit);
export const fromPosition = (p: Position): KPosition | typeof K_START => {
  if (p === START) return K_START;
  const n = parsePosition(p);
  return { commit: n, prepare: n };
};

/** KurrentDB's own names ($correlationId, $causationId) are written beside ours so its tools see them. */
export const toKurrentMetadata = (e: ChainedEvent): Record<string, unknown> => ({
  ...e.metadata,
  $correlationId: e.metadata.correlationId,
  $causationId: e.metadata.causationId,
});

export const fromKurrentMetadata = (raw: Record<string, unknown>): StoredMetadata => {
  const { $correlationId, $causationId, ...rest } = raw;
  // The boundary where JSON from the server becomes our metadata again: what we wrote, read back as written.
  // eslint-disable-next-line no-restricted-syntax
  const m = rest as unknown as StoredMetadata & EventMetadata;
  return {
    ...m,
    correlationId: m.correlationId ?? ($correlationId as string),
    causationId: m.causationId ?? ($causationId as string),
  };
};

export const toRecorded = (r: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null => {
  const e = r.event;
  if (!e || !e.isJson || e.type.startsWith('$') || e.streamId.startsWith('$')) return null;
  const position =
    e.position ??
    (r.commitPosition !== undefined ? { commit: r.commitPosition, prepare: r.commitPosition } : undefined);
  return {
    stream: e.streamId,
    revision: Number(e.revision),
    position: position ? toPosition(position) : START,
    eventId: e.id,
    type: e.type,
    data: e.data,
    metadata: fromKurrentMetadata(e.metadata as Record<string, unknown>),
  };
};

/**
 * KurrentDB filters on one dimension at a time. A category filter goes to the server (stream name
 * prefixes `category-`); a type filter too when it is the only one; otherwise the rest is applied here.
 */
export const toServerFilter = (f: LogFilter | undefined): Filter | undefined => {
  if (!f) return undefined;
  if (f.categories?.length) return streamNameFilter({ prefixes: f.categories.map((c) => `${c}-`) });
  if (f.typePrefixes?.length) return eventTypeFilter({ prefixes: f.typePrefixes });
  return undefined;
};

export const matchesFilter = (e: RecordedEvent, f: LogFilter | undefined): boolean => {
  if (!f) return true;
  if (f.categories?.length && !f.categories.some((c) => e.stream === c || e.stream.startsWith(`${c}-`))) return false;
  if (f.typePrefixes?.length && !f.typePrefixes.some((p) => e.type.startsWith(p))) return false;
  return true;
};
