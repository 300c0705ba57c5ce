import { EventReader } from '../port/event-store.port';
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
        return { stream, eventsChecked: checked, firstBad: { stream, revision: e.revision, position: e.position, eventId: e.eventId, problem } };
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
