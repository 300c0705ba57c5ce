import { comparePositions, Position, START } from '@gl/event-store';
import { GenerationState, ProjectionRecord } from '../port/projection-store.port';

/**
 * The life of a projection's generations, as pure functions over its record: every adapter
 * stores the record its own way, and all of them move it the same way.
 */
const generation = (version: number, n: number, now: string): GenerationState => ({
  version,
  generation: n,
  position: START,
  startedAt: now,
  updatedAt: now,
});

/** A projection seen for the first time: generation 1 is live and starts from the beginning. */
export const newRecord = (name: string, collection: string, version: number, now: string): ProjectionRecord => ({
  name,
  collection,
  live: generation(version, 1, now),
  building: null,
  rebuildRequested: false,
  failure: null,
});

/** A new generation to build; an unfinished one is abandoned (its number returned, to drop). */
export const startRebuild = (
  r: ProjectionRecord,
  version: number,
  now: string,
): { record: ProjectionRecord; abandoned: number | null } => {
  const next = Math.max(r.live?.generation ?? 0, r.building?.generation ?? 0) + 1;
  return {
    record: { ...r, building: generation(version, next, now), rebuildRequested: false, failure: null },
    abandoned: r.building ? r.building.generation : null,
  };
};

/** The built generation goes live; the old live one is retired (its number returned, to drop). */
export const promoteBuilding = (
  r: ProjectionRecord,
  now: string,
): { record: ProjectionRecord; retired: number | null } => {
  if (!r.building) throw new Error(`projection ${r.name} has no generation being built`);
  return {
    record: { ...r, live: { ...r.building, updatedAt: now }, building: null },
    retired: r.live ? r.live.generation : null,
  };
};

/** Moves a generation's checkpoint forward; never backward. */
export const advanceCheckpoint = (
  r: ProjectionRecord,
  n: number,
  position: Position,
  now: string,
): ProjectionRecord => {
  const move = (g: GenerationState | null) =>
    g && g.generation === n && comparePositions(position, g.position) > 0 ? { ...g, position, updatedAt: now } : g;
  return { ...r, live: move(r.live), building: move(r.building) };
};
