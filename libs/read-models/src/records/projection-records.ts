import type { Clock } from '@gl/domain';
import type { Position } from '@gl/event-store';
import { GenerationRef, ProjectionRecord } from '../port/projection-store.port';
import {
  advanceCheckpoint,
  collectionsOfGeneration,
  newRecord,
  promoteBuilding,
  startRebuild,
  takenBy,
} from './projection-record';

/** The records of an in-process store, kept in memory and written through `persist`. */
export class ProjectionRecords {
  private readonly byName = new Map<string, ProjectionRecord>();
  private readonly liveByCollection = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly persist: (r: ProjectionRecord) => void,
  ) {}

  load(records: ProjectionRecord[]): void {
    this.byName.clear();
    this.liveByCollection.clear();
    for (const r of records) this.set(r, false);
  }

  all(): ProjectionRecord[] {
    return [...this.byName.values()];
  }

  get(name: string): ProjectionRecord | null {
    return this.byName.get(name) ?? null;
  }

  liveGeneration(collection: string): number | undefined {
    return this.liveByCollection.get(collection);
  }

  register(name: string, collection: string, version: number, alongside: readonly string[] = []): ProjectionRecord {
    const existing = this.byName.get(name);
    if (existing) {
      if (existing.collection !== collection)
        throw new Error(`projection ${name} writes ${existing.collection}, not ${collection}`);
      return existing;
    }
    const taken = takenBy(this.byName.values(), name, [collection, ...alongside]);
    if (taken) throw new Error(`collection ${taken.collection} already belongs to projection ${taken.owner}`);
    return this.set(newRecord(name, collection, version, this.now(), alongside));
  }

  beginRebuild(
    name: string,
    version: number,
    alongside: readonly string[] = [],
  ): { record: ProjectionRecord; abandoned: string[] } {
    const { record, abandoned } = startRebuild(this.require(name), version, this.now(), alongside);
    return { record: this.set(record), abandoned };
  }

  promote(name: string): { record: ProjectionRecord; retired: string[] } {
    const { record, retired } = promoteBuilding(this.require(name), this.now());
    return { record: this.set(record), retired };
  }

  /** Moves a checkpoint; `persist: false` leaves the write to a later `persistRecord` (a batch that changed nothing). */
  advance(ref: GenerationRef, position: Position, persist = true): void {
    this.set(advanceCheckpoint(this.require(ref.projection), ref.generation, position, this.now()), persist);
  }

  /** Writes a record as memory holds it. */
  persistRecord(name: string): void {
    this.persist(this.require(name));
  }

  recordFailure(name: string, failure: ProjectionRecord['failure']): void {
    this.set({ ...this.require(name), failure });
  }

  private require(name: string): ProjectionRecord {
    const r = this.byName.get(name);
    if (!r) throw new Error(`no projection named ${name}`);
    return r;
  }

  /** Persists first: a failed write (and its rolled-back transaction) leaves memory as it was. */
  private set(r: ProjectionRecord, persist = true): ProjectionRecord {
    if (persist) this.persist(r);
    const before = this.byName.get(r.name);
    if (before?.live) for (const c of collectionsOfGeneration(before, before.live)) this.liveByCollection.delete(c);
    this.byName.set(r.name, r);
    if (r.live) for (const c of collectionsOfGeneration(r, r.live)) this.liveByCollection.set(c, r.live.generation);
    return r;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
