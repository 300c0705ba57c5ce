import { comparePositions, Position, START } from '@gl/event-store';
import { GenerationState, physicalName, ProjectionRecord } from '../port/projection-store.port';

/**
 * The life of a projection's generations, as pure functions over its record: every adapter
 * stores the record its own way, and all of them move it the same way.
 */
const generation = (version: number, n: number, now: string, alongside: readonly string[]): GenerationState => ({
  version,
  generation: n,
  position: START,
  ...(alongside.length > 0 ? { alongside: [...alongside] } : {}),
  startedAt: now,
  updatedAt: now,
});

/** A projection seen for the first time: generation 1 is live and starts from the beginning. */
export const newRecord = (
  name: string,
  collection: string,
  version: number,
  now: string,
  alongside: readonly string[] = [],
): ProjectionRecord => ({
  name,
  collection,
  live: generation(version, 1, now, alongside),
  building: null,
  rebuildRequested: false,
  failure: null,
});

/** A new generation to build; an unfinished one is abandoned (its physical collections returned, to drop). */
export const startRebuild = (
  r: ProjectionRecord,
  version: number,
  now: string,
  alongside: readonly string[] = [],
): { record: ProjectionRecord; abandoned: string[] } => {
  const next = Math.max(r.live?.generation ?? 0, r.building?.generation ?? 0) + 1;
  return {
    record: { ...r, building: generation(version, next, now, alongside), rebuildRequested: false, failure: null },
    abandoned: physicalsOf(r, r.building),
  };
};

/** The built generation goes live; the old live one is retired (its physical collections returned, to drop). */
export const promoteBuilding = (r: ProjectionRecord, now: string): { record: ProjectionRecord; retired: string[] } => {
  if (!r.building) throw new Error(`projection ${r.name} has no generation being built`);
  return {
    record: { ...r, live: { ...r.building, updatedAt: now }, building: null },
    retired: physicalsOf(r, r.live),
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

/** The collections a generation holds: the projection's own, then the ones beside it. */
export const collectionsOfGeneration = (r: Pick<ProjectionRecord, 'collection'>, g: GenerationState): string[] => [
  r.collection,
  ...(g.alongside ?? []),
];

/** Whether a generation writes exactly these collections beside the projection's own. */
export const writesAlongside = (g: GenerationState, alongside: readonly string[]): boolean =>
  (g.alongside ?? []).join('\n') === alongside.join('\n');

/** The physical collections of a generation (none without one), to drop with it. */
export const physicalsOf = (r: ProjectionRecord, g: GenerationState | null): string[] =>
  g ? collectionsOfGeneration(r, g).map((c) => physicalName(c, g.generation)) : [];

/** The first of `collections` another projection's record already writes, with that projection's name. */
export const takenBy = (
  records: Iterable<ProjectionRecord>,
  name: string,
  collections: readonly string[],
): { collection: string; owner: string } | null => {
  for (const r of records) {
    if (r.name === name) continue;
    const owned = [r.collection, ...(r.live?.alongside ?? []), ...(r.building?.alongside ?? [])];
    const collection = collections.find((c) => owned.includes(c));
    if (collection) return { collection, owner: r.name };
  }
  return null;
};
