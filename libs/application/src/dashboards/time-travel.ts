import { Inject, Injectable, Optional } from '@nestjs/common';
import { comparePositions, EVENT_STORE, EventStore, Position, START, yieldToEventLoop } from '@gl/event-store';
import {
  alongsideOf,
  AnyProjection,
  applyBatchTo,
  collectionOf,
  collectionsOf,
  PROJECTION_STORE,
  PROJECTIONS,
  ProjectionStore,
  ReadStore,
  SnapshotOverlay,
  SnapshotRef,
} from '@gl/read-models';

/** Makes an empty, in-memory read store (bound by the composition root to the embedded adapter). */
export const SCRATCH_READ_STORE = Symbol('SCRATCH_READ_STORE');
export type ScratchStoreFactory = () => ReadStore & ProjectionStore & { close(): Promise<void> };
/** The most events one "as of" replays (TIME_TRAVEL_MAX_EVENTS), bound by the composition root. */
export const TIME_TRAVEL_MAX_EVENTS = Symbol('TIME_TRAVEL_MAX_EVENTS');

export class TimeTravelTooFarError extends Error {
  static readonly problem = { type: '/problems/time-travel-too-far', status: 422, title: 'Too far back to replay' };
  constructor(
    readonly events: number,
    readonly max: number,
  ) {
    super(`replaying ${events} events exceeds the limit of ${max} (TIME_TRAVEL_MAX_EVENTS)`);
    this.name = 'TimeTravelTooFarError';
  }
}

interface PastStore {
  position: Position;
  /** The projections replayed into it. */
  names: string[];
  store: Promise<ReadStore & { close(): Promise<void> }>;
  events: number;
  /** The snapshots it reads through to: it is good while their generations are live. */
  snapshots: SnapshotRef[];
}

/** Where each projection's replay starts: its latest snapshot at or before the position, if any. */
type Starts = Map<string, SnapshotRef | null>;

/**
 * Read models "as of" a past point: the projections a reader needs replayed into a temporary
 * in-memory store up to a global position (or the last event recorded by an instant). Where the live
 * store keeps snapshots of a projection, its replay starts from the latest one at or before the
 * position, and what it did not write is read from that snapshot (issue 17); else from the start of
 * the log. Bounded: at most `maxEvents` replayed, and the last few stores kept while together they
 * hold no more than that (they are the memory cost).
 */
@Injectable()
export class TimeTravel {
  /** Kept past stores by position and projections, least recently used first. */
  private readonly cache = new Map<string, PastStore>();
  private readonly keep = 3;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: AnyProjection[],
    @Inject(SCRATCH_READ_STORE) private readonly scratch: ScratchStoreFactory,
    @Inject(TIME_TRAVEL_MAX_EVENTS) readonly maxEvents: number,
    /** The live projection store, where it keeps snapshots to start from. */
    @Optional() @Inject(PROJECTION_STORE) private readonly snapshots?: ProjectionStore,
  ) {}

  /** The position of the last event recorded at or before an instant. */
  async positionAt(instant: string): Promise<Position> {
    // A search where the store has one (SQLite); else the log read forward.
    if (this.store.lastPositionRecordedBy) return this.store.lastPositionRecordedBy(instant);
    const limit = new Date(instant).toISOString();
    let at: Position = START;
    for (let after = START; ;) {
      const batch = await this.store.readAll({ after, maxCount: 2000 });
      for (const e of batch.events) {
        if (e.metadata.recordedAt > limit) return at;
        at = e.position;
      }
      if (batch.isEnd) return at;
      after = batch.position;
      await yieldToEventLoop();
    }
  }

  /** The positions whose past stores are kept, oldest first. */
  cached(): Position[] {
    return [...this.cache.values()].map((e) => e.position);
  }

  /**
   * The read models as they were at a position: the projections writing `collections` (every one
   * when not given) replayed up to it. A kept store of that position with at least those answers.
   */
  async storeAt(position: Position, collections?: readonly string[]): Promise<ReadStore> {
    const names = (
      collections ? projectionsWriting(this.projections, collections) : this.projections.map((p) => p.name)
    ).sort();
    const hit = await this.find(position, names);
    if (hit) return hit;
    const starts = await this.startsOf(position, names);
    const from = earliest(starts);
    const cap = this.maxEvents + 1;
    const events = this.store.countEventsBetween
      ? await this.store.countEventsBetween(from, position, cap)
      : (await this.store.countEventsAfter(from, cap)) - (await this.store.countEventsAfter(position, cap));
    if (events > this.maxEvents) throw new TimeTravelTooFarError(events, this.maxEvents);
    const raced = await this.find(position, names);
    if (raced) return raced;
    const store = this.build(position, starts, from);
    const key = `${position}|${names.join(',')}`;
    const snapshots = [...starts.values()].filter((s): s is SnapshotRef => s !== null);
    this.cache.set(key, { position, names, store, events, snapshots });
    store.catch(() => this.cache.delete(key));
    this.evict();
    return store;
  }

  /** Each projection's latest snapshot at or before the position, where the live store keeps them. */
  private async startsOf(position: Position, names: string[]): Promise<Starts> {
    const starts: Starts = new Map();
    for (const name of names) {
      const p = this.projections.find((x) => x.name === name)!;
      const live = (await this.snapshots?.record(name))?.live;
      // Snapshots of another version of the projection, or without the figures it keeps now, are not its past.
      const same = live && live.version === p.version && sameSet(live.alongside ?? [], alongsideOf(p));
      starts.set(name, same ? ((await this.snapshots?.snapshotBefore?.(name, position)) ?? null) : null);
    }
    return starts;
  }

  /** A kept store of the position with every projection asked for, made the most recently used. */
  private async find(position: Position, names: string[]): Promise<ReadStore | null> {
    for (const [key, entry] of this.cache) {
      if (entry.position !== position || !names.every((n) => entry.names.includes(n))) continue;
      this.cache.delete(key);
      // A rebuild since dropped the snapshots it reads through to.
      if (!(await this.stillLive(entry.snapshots))) {
        void entry.store.then(
          (s) => s.close(),
          () => undefined,
        );
        continue;
      }
      this.cache.set(key, entry);
      return entry.store;
    }
    return null;
  }

  /** Whether each snapshot is still its live generation's (asked of the store's records in memory, not its file). */
  private async stillLive(snapshots: SnapshotRef[]): Promise<boolean> {
    for (const s of snapshots) {
      const now = await this.snapshots?.snapshotBefore?.(s.projection, s.position);
      if (now?.generation !== s.generation || now.seq !== s.seq) return false;
    }
    return true;
  }

  /**
   * A past store costs memory in proportion to the events replayed into it: the kept ones together
   * hold at most `maxEvents` (one largest replay's worth), and at most `keep` of them; the newest stays.
   */
  private evict(): void {
    let total = [...this.cache.values()].reduce((n, e) => n + e.events, 0);
    while (this.cache.size > 1 && (this.cache.size > this.keep || total > this.maxEvents)) {
      const [oldest, entry] = this.cache.entries().next().value as [string, PastStore];
      this.cache.delete(oldest);
      total -= entry.events;
      void entry.store.then(
        (s) => s.close(),
        () => undefined,
      );
    }
  }

  private async build(position: Position, starts: Starts, from: Position): Promise<ReturnType<ScratchStoreFactory>> {
    const scratch = this.scratch();
    const projections = this.projections.filter((p) => starts.has(p.name));
    if (projections.length === 0) return scratch;
    // Without snapshots the overlay reads nothing through: the replay runs from the start of the log.
    const source = this.snapshots?.snapshotDocs ? this.snapshots : NO_SNAPSHOTS;
    const target = new SnapshotOverlay(scratch, { snapshotDocs: source.snapshotDocs!.bind(source) });
    const refs = new Map<string, { projection: string; collection: string; generation: number }>();
    for (const p of projections) {
      const spec = { name: p.name, collection: collectionOf(p), version: p.version, indexes: p.indexes ?? [] };
      refs.set(p.name, await target.start({ ...spec, alongside: alongsideOf(p) }, starts.get(p.name) ?? null));
    }
    for (let after = from; ;) {
      const batch = await this.store.readAll({ after, maxCount: 2000 });
      const events = batch.events.filter((e) => comparePositions(e.position, position) <= 0);
      for (const p of projections) {
        const start = starts.get(p.name)?.position ?? START;
        const own = events.filter((e) => comparePositions(e.position, start) > 0);
        if (own.length > 0) await applyBatchTo(target, p, refs.get(p.name)!, own);
      }
      if (batch.isEnd || events.length < batch.events.length) return target;
      after = batch.position;
      await yieldToEventLoop();
    }
  }
}

/** A store that keeps no snapshots. */
const NO_SNAPSHOTS: Pick<ProjectionStore, 'snapshotDocs'> = { snapshotDocs: async () => new Map() };

/** The projections that write any of the collections: what a reader of them replays "as of" a past point. */
export const projectionsWriting = (projections: readonly AnyProjection[], collections: readonly string[]): string[] =>
  projections.filter((p) => collectionsOf(p).some((c) => collections.includes(c))).map((p) => p.name);

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The earliest start of the replays: where the log is read from. */
const earliest = (starts: Starts): Position => {
  let min: Position | null = null;
  for (const s of starts.values()) {
    if (s === null) return START;
    if (min === null || comparePositions(s.position, min) < 0) min = s.position;
  }
  return min ?? START;
};
