import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, EVENT_STORE, EventStore, Position, START } from '@gl/event-store';
import { applyEvents, collectionOf, Projection, PROJECTIONS, ProjectionStore, ReadStore, routeBatch, yieldToEventLoop } from '@gl/read-models';

/** Makes an empty, in-memory read store (bound by the composition root to the embedded adapter). */
export const SCRATCH_READ_STORE = Symbol('SCRATCH_READ_STORE');
export type ScratchStoreFactory = () => ReadStore & ProjectionStore & { close(): Promise<void> };

export class TimeTravelTooFarError extends Error {
  constructor(readonly events: number, readonly max: number) {
    super(`replaying ${events} events exceeds the limit of ${max} (TIME_TRAVEL_MAX_EVENTS)`);
    this.name = 'TimeTravelTooFarError';
  }
}

/**
 * Read models "as of" a past point: every projection replayed into a temporary in-memory store up to
 * a global position (or the last event recorded by an instant). Bounded: at most `maxEvents`
 * replayed, and the last few stores kept (they are the memory cost).
 */
@Injectable()
export class TimeTravel {
  private readonly cache = new Map<Position, Promise<ReadStore>>();
  readonly maxEvents = Number(process.env.TIME_TRAVEL_MAX_EVENTS ?? 2_000_000);
  private readonly keep = 3;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection<any, any>[],
    @Inject(SCRATCH_READ_STORE) private readonly scratch: ScratchStoreFactory,
  ) {}

  /** The position of the last event recorded at or before an instant. */
  async positionAt(instant: string): Promise<Position> {
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
    }
  }

  storeAt(position: Position): Promise<ReadStore> {
    let store = this.cache.get(position);
    if (!store) {
      store = this.build(position);
      this.cache.set(position, store);
      store.catch(() => this.cache.delete(position));
      while (this.cache.size > this.keep) {
        const oldest = this.cache.keys().next().value as Position;
        void this.cache.get(oldest)?.then((s) => (s as unknown as { close(): Promise<void> }).close());
        this.cache.delete(oldest);
      }
    }
    return store;
  }

  private async build(position: Position): Promise<ReadStore> {
    const count = await this.store.countEventsAfter(START, this.maxEvents + 1) - (await this.store.countEventsAfter(position, this.maxEvents + 1));
    if (count > this.maxEvents) throw new TimeTravelTooFarError(count, this.maxEvents);
    const target = this.scratch();
    const refs = new Map<string, { projection: string; collection: string; generation: number }>();
    for (const p of this.projections) {
      const r = await target.register(p.name, collectionOf(p), p.version, p.indexes ?? []);
      refs.set(p.name, { projection: p.name, collection: r.collection, generation: r.live!.generation });
    }
    for (let after = START; ;) {
      const batch = await this.store.readAll({ after, maxCount: 2000 });
      const events = batch.events.filter((e) => comparePositions(e.position, position) <= 0);
      if (events.length > 0) {
        for (const p of this.projections) {
          const ref = refs.get(p.name)!;
          const ids = routeBatch(p, events);
          const stored = ids.length > 0 ? await target.loadDocs(ref, ids) : new Map();
          await target.applyBatch(ref, applyEvents(p, events, stored), events[events.length - 1].position);
        }
      }
      if (batch.isEnd || events.length < batch.events.length) return target;
      after = batch.position;
      await yieldToEventLoop();
    }
  }
}
