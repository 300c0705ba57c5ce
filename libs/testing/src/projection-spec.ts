import type { RecordedEvent } from '@gl/event-store';
import { applyEvents, Doc, Projection, routeBatch } from '@gl/read-models';

/**
 * Runs a projection in memory, batch by batch, with the same engine code and the same position
 * guard as a real store: a change at or below a document's position is ignored.
 */
export const runInMemory = (
  p: Projection<any, any>,
  batches: RecordedEvent[][],
  start = new Map<string, Doc>(),
): Map<string, Doc> => {
  const docs = new Map(start);
  for (const batch of batches) {
    const ids = routeBatch(p, batch);
    const stored = new Map(ids.filter((id) => docs.has(id)).map((id) => [id, docs.get(id)!]));
    for (const change of applyEvents(p, batch, stored)) {
      const current = docs.get(change._id)?._position;
      if (current !== undefined && BigInt(change.position) <= BigInt(current)) continue;
      docs.set(
        change._id,
        change.doc === null
          ? { _id: change._id, _position: change.position, _deleted: true }
          : { ...change.doc, _id: change._id, _position: change.position },
      );
    }
  }
  return docs;
};

const visible = (d: Doc | undefined): Record<string, unknown> | null => {
  if (!d || d._deleted) return null;
  const { _id, _position, ...rest } = d;
  return rest;
};

/** given / when / then for a projection: `projectionSpec(p).given(a).when(b, b).then('id', {...})`. */
export const projectionSpec = (p: Projection<any, any>) => {
  const stage = (given: RecordedEvent[], when: RecordedEvent[]) => ({
    when: (...events: RecordedEvent[]) => stage(given, [...when, ...events]),
    /** The document (without _id and _position) equals `expected`; null: absent or deleted. */
    then: (id: string, expected: Record<string, unknown> | null) => {
      const docs = runInMemory(
        p,
        [given, ...when.map((e) => [e])].filter((b) => b.length > 0),
      );
      expect(visible(docs.get(id))).toEqual(expected);
    },
  });
  return { given: (...events: RecordedEvent[]) => stage(events, []) };
};

/**
 * Every projection's "applied twice gives the same result" case: the events in one batch, each
 * delivered twice in its own batch, and the whole run delivered again, all give the same documents.
 */
export const expectAppliedTwiceIsIdempotent = (p: Projection<any, any>, events: RecordedEvent[]): void => {
  const once = runInMemory(p, [events]);
  const eachTwice = runInMemory(
    p,
    events.flatMap((e) => [[e], [e]]),
  );
  const runTwice = runInMemory(p, [events], runInMemory(p, [events]));
  expect(eachTwice).toEqual(once);
  expect(runTwice).toEqual(once);
};
