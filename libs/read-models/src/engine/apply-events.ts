import { comparePositions, RecordedEvent, START } from '@gl/event-store';
import type { DocChange, GenerationRef, ProjectionStore } from '../port/projection-store.port';
import { figureMoves } from './figures';
import type { Doc } from '../port/read-store.port';
import { Projection } from './projection';

interface Working {
  doc: Record<string, unknown> | null;
  position: string;
  changed: boolean;
  /** A folding projection's events for this document, applied at the end. */
  pending?: RecordedEvent[];
}

const everything = { has: () => true };
const handled = new WeakMap<Projection<any, any>, { has(type: string): boolean }>();
const handlesOf = (p: Projection<any, any>): { has(type: string): boolean } => {
  let set = handled.get(p);
  if (!set) handled.set(p, (set = p.handles === 'all' ? everything : new Set(p.handles)));
  return set;
};

/** The ids a batch touches: what to load before applying it. */
export const routeBatch = (p: Projection<any, any>, events: RecordedEvent[]): string[] => {
  const handles = handlesOf(p);
  const ids = new Set<string>();
  for (const e of events) if (handles.has(e.type)) for (const id of p.route(e)) ids.add(id);
  return [...ids];
};

/**
 * Applies a batch to the documents it touches, starting from their stored state. An event at or
 * below a document's position was applied before and is skipped: delivery is at least once, the
 * effect exactly once. Each touched document comes out once, with the position of its last event.
 */
export const applyEvents = (
  p: Projection<any, any>,
  events: RecordedEvent[],
  stored: Map<string, Doc>,
): DocChange[] => {
  const handles = handlesOf(p);
  const working = new Map<string, Working>();
  for (const e of events) {
    if (!handles.has(e.type)) continue;
    for (const id of p.route(e)) {
      let w = working.get(id);
      if (!w) {
        const s = stored.get(id);
        const { _position, _deleted, ...doc } = s ?? ({} as Doc);
        w = { doc: s && !_deleted ? doc : null, position: (_position as string | undefined) ?? START, changed: false };
        working.set(id, w);
      }
      if (comparePositions(e.position, w.position) <= 0) continue;
      if (p.fold) (w.pending ??= []).push(e);
      else w.doc = p.evolve(w.doc ?? undefined, e) as Record<string, unknown> | null;
      w.position = e.position;
      w.changed = true;
    }
  }
  const changes: DocChange[] = [];
  for (const [id, w] of working) {
    if (w.pending) w.doc = p.fold!(w.doc ?? undefined, w.pending) as Record<string, unknown> | null;
    if (w.changed) changes.push({ _id: id, doc: w.doc === null ? null : { ...w.doc, _id: id }, position: w.position });
  }
  return changes;
};

/**
 * One batch into a store: the documents it touches read, the events applied, the figures kept beside
 * them moved, and all of it written with the checkpoint. The runner and time travel both use it.
 */
export const applyBatchTo = async (
  store: ProjectionStore,
  p: Projection<any, any>,
  ref: GenerationRef,
  events: RecordedEvent[],
): Promise<void> => {
  const ids = routeBatch(p, events);
  const stored = ids.length > 0 ? await store.loadDocs(ref, ids) : new Map<string, Doc>();
  const changes = applyEvents(p, events, stored);
  const position = events[events.length - 1].position;
  if (p.figures && changes.length > 0) {
    const moves = figureMoves(p.figures, changes, stored);
    if (moves.units.length > 0) {
      const units = await store.loadDocs({ ...ref, collection: p.figures.collection }, moves.units);
      changes.push(...moves.apply(units, position));
    }
  }
  await store.applyBatch(ref, changes, position);
};
