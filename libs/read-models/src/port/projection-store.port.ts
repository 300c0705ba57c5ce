import type { Position } from '@gl/event-store';
import type { Doc } from './read-store.port';

/** One document's new state (null deletes it), computed from the events up to `position`. */
export interface DocChange {
  _id: string;
  /** A collection the projection keeps alongside its own, in the same generation (per-unit figures); its own by default. */
  collection?: string;
  doc: Record<string, unknown> | null;
  position: Position;
}

export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/** Where a projection writes: its collection in one generation. */
export interface GenerationRef {
  projection: string;
  collection: string;
  generation: number;
}

export interface GenerationState {
  version: number;
  generation: number;
  /** Checkpoint: every event up to here is applied. */
  position: Position;
  /** Collections this generation writes beside the projection's own (per-unit figures): read and dropped with it. */
  alongside?: string[];
  startedAt: string;
  updatedAt: string;
}

/** What the store knows of a projection: the generation queries read, and one being built. */
export interface ProjectionRecord {
  name: string;
  collection: string;
  live: GenerationState | null;
  building: GenerationState | null;
  rebuildRequested: boolean;
  failure: { message: string; at: string; position: Position } | null;
}

/** The physical collection of a generation: `unit-board__g3`. */
export const physicalName = (collection: string, generation: number): string => `${collection}__g${generation}`;

/**
 * The projection engine's side of a read store: documents by generation, batches applied with
 * their checkpoint, generations started and promoted. Queries use ReadStore.
 */
export interface ProjectionStore {
  records(): Promise<ProjectionRecord[]>;
  record(name: string): Promise<ProjectionRecord | null>;
  /**
   * Creates the record with generation 1 live from the start of the log, if it does not exist; that
   * generation writes the collections `alongside` beside the projection's own.
   */
  register(
    name: string,
    collection: string,
    version: number,
    indexes: IndexSpec[],
    alongside?: readonly string[],
  ): Promise<ProjectionRecord>;
  /** Starts building a new generation from the start of the log; queries keep reading the live one. */
  beginRebuild(
    name: string,
    version: number,
    indexes: IndexSpec[],
    alongside?: readonly string[],
  ): Promise<ProjectionRecord>;
  /** Makes the generation being built live, and drops the old one. */
  promote(name: string): Promise<ProjectionRecord>;
  /** Asks whatever runs the projections to rebuild this one (the CLI's way in). */
  requestRebuild(name: string): Promise<void>;
  recordFailure(name: string, failure: ProjectionRecord['failure']): Promise<void>;
  /** The stored documents of a generation, with `_position`; missing ids are absent. */
  loadDocs(ref: GenerationRef, ids: string[]): Promise<Map<string, Doc>>;
  /**
   * Applies the changes and moves the generation's checkpoint to `position`, together: in one
   * transaction where the store has them. A change at or below a document's `_position` is ignored.
   * The store takes the changes' documents over: it may stamp them with `_id` and `_position` and keep
   * them, so the caller does not change them afterwards.
   */
  applyBatch(ref: GenerationRef, changes: DocChange[], position: Position): Promise<void>;
  /**
   * Keeps a snapshot of the generation (its documents and those beside them) as they stand at its
   * checkpoint, `position`, for "as of" replays to start from (issue 17). Only the documents changed
   * since its last snapshot are written. Optional: a store without it has no snapshots.
   */
  takeSnapshot?(ref: GenerationRef, position: Position): Promise<void>;
  /**
   * A generation is about to take many batches (a rebuild, a long catch-up): the store may leave what
   * only queries need (the embedded store's key rows) until `settle`, or until something queries it.
   * Optional: a store without it writes everything with every batch.
   */
  deferIndexes?(ref: GenerationRef): Promise<void>;
  /** The generation has caught up (or is about to go live): what was left for later is made now. */
  settle?(ref: GenerationRef): Promise<void>;
  /** The live generation's latest snapshot at or before a position, or null. */
  snapshotBefore?(projection: string, position: Position): Promise<SnapshotRef | null>;
  /**
   * Documents of a collection (the projection's or one beside it) as a snapshot holds them, by id,
   * with `_position`; deleted ones as `_deleted`, missing ones absent. Every one when `ids` is not given.
   */
  snapshotDocs?(snapshot: SnapshotRef, collection: string, ids?: string[]): Promise<Map<string, Doc>>;
}

/** A snapshot of a generation: the documents as they stood at `position`. */
export interface SnapshotRef extends GenerationRef {
  position: Position;
  /** Its place among the generation's snapshots (1, 2, …): what its documents are filed under. */
  seq: number;
  /** The collections beside the projection's own that it holds too. */
  alongside: string[];
}

/** Injection token for the ProjectionStore port. */
export const PROJECTION_STORE = Symbol('PROJECTION_STORE');
