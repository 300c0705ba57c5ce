import type { NewEvent, Position, RecordedEvent } from './envelope';

/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** A revision (the last event's, from 0) or "the stream must not exist". Never "any": commands always know. */
export type ExpectedRevision = number | typeof NO_STREAM;

export interface AppendResult {
  /** Revision of the last event appended: the expected revision of the next append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended. */
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forward' | 'backward';
  /** Inclusive; default: the first (forward) or last (backward) event. */
  fromRevision?: number;
  maxCount?: number;
}

export interface LogFilter {
  /** Keep events whose type starts with one of these (`task.`, `report.submitted`). */
  typePrefixes?: string[];
  /** Keep events whose stream category is one of these (`task`, `plan`). */
  categories?: string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Default START. */
  after?: Position;
  /** Batch size; default 500. */
  maxCount?: number;
  filter?: LogFilter;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Continue after this position (the last event's, or how far a filtered read scanned). */
  position: Position;
  /** True when the log had nothing more to give at the time of the read. */
  isEnd: boolean;
}

export interface SubscribeOptions {
  /** Exclusive start position; default START (the whole log). */
  after?: Position;
  filter?: LogFilter;
}

/**
 * A catch-up-then-live subscription to the global log. Iterate it with `for await`; the next
 * batch is read only when the consumer asks (back-pressure). Delivers every matching event once,
 * in position order, with no gap. `stop()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
  /**
   * The same events in pages, as the store reads them (each non-empty, in order): a consumer that
   * applies events in batches takes a page at once instead of awaiting every event (issue 17: ten
   * projections catching up awaited ten million events one by one). Iterate either this or the
   * subscription itself, once.
   */
  pages(): AsyncIterable<RecordedEvent[]>;
}

/** Writes streams of events. */
export interface EventWriter {
  /**
   * Appends events to one stream atomically, if the stream is at `expected`. A retry whose event
   * ids are all stored on that stream already returns the first result and writes nothing.
   * @throws ConcurrencyError when the stream is elsewhere.
   */
  appendToStream(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
}

/** Positions missing from a log whose positions are dense integers: `from` to `to`, both included. */
export interface PositionGap {
  from: Position;
  to: Position;
  /** The missing positions are the log's last: rows were deleted from its end (the adapter knows how far it had counted). */
  atTail: boolean;
}

/** Reads streams and the global log. */
export interface EventReader {
  /** Events of one stream in revision order (or reverse); [] when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One batch of the global log after a position. */
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  /** The position of the last event in the log, START when empty. */
  headPosition(): Promise<Position>;
  /** How many events follow a position, counting up to `cap` (a reader's lag, cheaply bounded). */
  countEventsAfter(after: Position, cap: number): Promise<number>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /**
   * The first positions missing from the log, or null when none is. Only adapters whose positions
   * are dense integers (SQLite: 1, 2, 3, … never reused) have it; where positions are not dense
   * (KurrentDB's commit positions) it is absent, and gap detection does not apply. A gap there is
   * an event deleted behind the store's back, which neither the chains nor an unpinned seal show.
   */
  findFirstPositionGap?(): Promise<PositionGap | null>;
  /**
   * The position of the last event recorded at or before an instant (START when none was), found by
   * a search: adapters that have it keep recorded times non-decreasing along the log (a clock set back
   * stamps the time of the event before). Absent where the store cannot search (KurrentDB): the caller
   * reads the log forward instead.
   */
  lastPositionRecordedBy?(instant: string): Promise<Position>;
  /**
   * How many events lie after `after` and at or before `upTo`, counting up to `cap`. Where absent, a
   * caller counts both ends with `countEventsAfter` (and reads the rest of the log twice: issue 17's
   * first "as of" near the end of a million events spent half a second there).
   */
  countEventsBetween?(after: Position, upTo: Position, cap: number): Promise<number>;
}

/** The event store port. Adapters: SQLite (embedded, default) and KurrentDB. */
export interface EventStore extends EventWriter, EventReader {
  /** Cheap liveness probe for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');
