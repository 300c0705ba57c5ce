import { EventReader, PositionGap } from '../port/event-store.port';
import { Position, START } from '../port/envelope';
import { BadEvent, checkLink } from './hash-chain';

export interface StreamVerification {
  stream: string;
  eventsChecked: number;
  /** The first bad event, or null when the whole chain holds. */
  firstBad: BadEvent | null;
}

const PAGE = 1000;

/**
 * Walks one stream from revision 0 and names the first event whose chain link does not hold.
 * Give it the raw store (no upcasting): the hash covers the data as stored.
 */
export const verifyStream = async (reader: EventReader, stream: string): Promise<StreamVerification> => {
  let previous: { revision: number; hash: string } | undefined;
  let checked = 0;
  for (let from = 0; ; from += PAGE) {
    const page = await reader.readStream(stream, { fromRevision: from, maxCount: PAGE });
    for (const e of page) {
      const problem = checkLink(e, previous);
      checked++;
      if (problem) {
        return {
          stream,
          eventsChecked: checked,
          firstBad: { stream, revision: e.revision, position: e.position, eventId: e.eventId, problem },
        };
      }
      previous = { revision: e.revision, hash: e.metadata.hash };
    }
    if (page.length < PAGE) return { stream, eventsChecked: checked, firstBad: null };
  }
};

export interface LogVerification {
  streams: number;
  eventsChecked: number;
  /** The first bad event in log order, or null. */
  firstBad: BadEvent | null;
  /** Position verified up to. */
  position: Position;
}

/** Verifies every stream's chain in one pass over the global log, in position order. */
export const verifyLog = async (reader: EventReader, batchSize = 2000): Promise<LogVerification> => {
  const last = new Map<string, { revision: number; hash: string }>();
  let checked = 0;
  let after: Position = START;
  for (;;) {
    const batch = await reader.readAll({ after, maxCount: batchSize });
    for (const e of batch.events) {
      const problem = checkLink(e, last.get(e.stream));
      checked++;
      if (problem) {
        return {
          streams: last.size,
          eventsChecked: checked,
          position: e.position,
          firstBad: { stream: e.stream, revision: e.revision, position: e.position, eventId: e.eventId, problem },
        };
      }
      last.set(e.stream, { revision: e.revision, hash: e.metadata.hash });
    }
    after = batch.position;
    if (batch.isEnd) return { streams: last.size, eventsChecked: checked, firstBad: null, position: after };
  }
};

/** Whether the log's positions have a hole: only where the adapter's positions are dense. */
export type GapCheck =
  { applies: true; firstGap: (PositionGap & { detail: string }) | null } | { applies: false; reason: string };

/**
 * Reports the first positions missing from the log (an event deleted, even the last of a stream,
 * even with no seal over it), through the adapter's capability; a store without dense positions
 * says that the check does not apply rather than passing it.
 */
export const verifyPositions = async (reader: EventReader): Promise<GapCheck> => {
  if (!reader.findFirstPositionGap)
    return {
      applies: false,
      reason: 'this event store does not number its events densely, so a missing position proves nothing',
    };
  const g = await reader.findFirstPositionGap();
  if (!g) return { applies: true, firstGap: null };
  const range = g.from === g.to ? `position ${g.from} is` : `positions ${g.from} to ${g.to} are`;
  return {
    applies: true,
    firstGap: {
      ...g,
      detail: `${range} missing${g.atTail ? ' from the end of the log (the store had numbered events that far)' : ''}`,
    },
  };
};
