/** A read-model document: JSON (plus Dates), keyed by `_id`; `_position` is the last event applied. */
export interface Doc {
  _id: string;
  _position?: string;
  [field: string]: unknown;
}

/** A MongoDB query filter (`{ 'unit.level': 'commune', count: { $gte: 3 } }`). */
export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type ProjectionSpec = Record<string, 0 | 1 | boolean>;
/** A MongoDB aggregation pipeline. `$lookup.from` names logical collections. */
export type Pipeline = Record<string, unknown>[];

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: ProjectionSpec;
}

/**
 * Reads read models by their logical collection name; the store answers from the live generation
 * (a rebuild in progress is invisible until it is swapped in). One query, written once, runs on
 * the embedded store (mingo) and on MongoDB.
 */
export interface ReadStore {
  get(collection: string, id: string): Promise<Doc | null>;
  /** The documents that exist, in the order of `ids`. */
  getMany(collection: string, ids: string[]): Promise<Doc[]>;
  /** Without `options.sort` the order is unspecified (as in MongoDB). */
  find(collection: string, filter?: Filter, options?: FindOptions): Promise<Doc[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  aggregate<T = Doc>(collection: string, pipeline: Pipeline): Promise<T[]>;
  /**
   * Whether a collection has a live generation. False while the first generation that writes it is
   * still being built (per-unit figures after an upgrade): an empty answer would then read as zeros.
   */
  isLive?(collection: string): Promise<boolean>;
  /**
   * A token that changes whenever the live documents of a collection change (a batch written, another
   * generation made live): while it is the same, so are they. A reader that keeps what it derived from
   * them (a dashboard's tallies) asks this before reading them again. A store that cannot say has no
   * such method, and its readers read.
   */
  version?(collection: string): Promise<string>;
}

/** Injection token for the ReadStore port. */
export const READ_STORE = Symbol('READ_STORE');
