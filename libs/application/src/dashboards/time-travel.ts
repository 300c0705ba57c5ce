import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, EVENT_STORE, EventStore, Position, START, yieldToEventLoop } from '@gl/event-store';
import {
  alongsideOf,
  AnyProjection,
  applyBatchTo,
  collectionOf,
  collectionsOf,
  PROJECTIONS,
  ProjectionStore,
  ReadStore,
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
}

/**
 * Read models "as of" a past point: the projections a reader needs replayed into a temporary
 * in-memory store up to a global position (or the last event recorded by an instant). Bounded: at
 * most `maxEvents` replayed, and the last few stores kept while together they hold no more than that
 * (they are the memory cost).
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
    const names = this.projections
      .filter((p) => !collections || collectionsOf(p).some((c) => collections.includes(c)))
      .map((p) => p.name)
      .sort();
    const hit = this.find(position, names);
    if (hit) return hit;
    const events =
      (await this.store.countEventsAfter(START, this.maxEvents + 1)) -
      (await this.store.countEventsAfter(position, this.maxEvents + 1));
    if (events > this.maxEvents) throw new TimeTravelTooFarError(events, this.maxEvents);
    const raced = this.find(position, names);
    if (raced) return raced;
    const store = this.build(position, new Set(names));
    const key = `${position}|${names.join(',')}`;
    this.cache.set(key, { position, names, store, events });
    store.catch(() => this.cache.delete(key));
    this.evict();
    return store;
  }

  /** A kept store of the position with every projection asked for, made the most recently used. */
  private find(position: Position, names: string[]): Promise<ReadStore> | null {
    for (const [key, entry] of this.cache) {
      if (entry.position !== position || !names.every((n) => entry.names.includes(n))) continue;
      this.cache.delete(key);
      this.cache.set(key, entry);
      return entry.store;
    }
    return null;
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

  private async build(position: Position, names: ReadonlySet<string>): Promise<ReturnType<ScratchStoreFactory>> {
    const target = this.scratch();
    const projections = this.projections.filter((p) => names.has(p.name));
    if (projections.length === 0) return target;
    const refs = new Map<string, { projection: string; collection: string; generation: number }>();
    for (const p of projections) {
      const r = await target.register(p.name, collectionOf(p), p.version, p.indexes ?? [], alongsideOf(p));
      refs.set(p.name, { projection: p.name, collection: r.collection, generation: r.live!.generation });
    }
    for (let after = START; ;) {
      const batch = await this.store.readAll({ after, maxCount: 2000 });
      const events = batch.events.filter((e) => comparePositions(e.position, position) <= 0);
      if (events.length > 0) {
        for (const p of projections) await applyBatchTo(target, p, refs.get(p.name)!, events);
      }
      if (batch.isEnd || events.length < batch.events.length) return target;
      after = batch.position;
      await yieldToEventLoop();
    }
  }
}
