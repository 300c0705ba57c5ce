import { deepFreeze, Position } from '@gl/event-store';
import type { Doc, Filter, FindOptions, Pipeline, ReadStore } from '../port/read-store.port';
import type {
  DocChange,
  GenerationRef,
  IndexSpec,
  ProjectionRecord,
  ProjectionStore,
  SnapshotRef,
} from '../port/projection-store.port';

/** A throw-away store a past is replayed into (the embedded store in memory). */
export type ScratchStore = ReadStore & ProjectionStore & { close(): Promise<void> };
/** Where the snapshots are read from: the live projection store. */
export type SnapshotSource = Required<Pick<ProjectionStore, 'snapshotDocs'>>;

const live = (d: Doc | undefined): Doc | undefined => (d && !d._deleted ? d : undefined);

/**
 * A past store started from snapshots (issue 17: "as of" in seconds, not a replay of the whole log).
 * A scratch store on top holds what the short replay after each projection's snapshot wrote; a
 * document it has not written is read from the snapshot. A collection a query scans whole (find,
 * count, aggregate) is first copied from its snapshot into the scratch store, once.
 */
export class SnapshotOverlay implements ReadStore, ProjectionStore {
  /** Logical collection → the snapshot under it, and the generation of the top that writes it. */
  private readonly under = new Map<string, { snapshot: SnapshotRef; ref: GenerationRef }>();
  private readonly copied = new Set<string>();
  /** Documents read from the snapshots, which never change: each decoded once, frozen and shared like the top's. */
  private readonly read = new Map<string, Map<string, Doc | null>>();

  constructor(
    private readonly top: ScratchStore,
    private readonly source: SnapshotSource,
  ) {}

  /**
   * Registers a projection on top with its checkpoint at its snapshot's position (at the start of the
   * log without one): the replay goes on from there.
   */
  async start(
    p: { name: string; collection: string; version: number; indexes: IndexSpec[]; alongside: readonly string[] },
    snapshot: SnapshotRef | null,
  ): Promise<GenerationRef> {
    const record = await this.top.register(p.name, p.collection, p.version, p.indexes, p.alongside);
    const ref = { projection: p.name, collection: record.collection, generation: record.live!.generation };
    if (snapshot) {
      await this.top.applyBatch(ref, [], snapshot.position);
      for (const c of [record.collection, ...p.alongside]) this.under.set(c, { snapshot, ref });
    }
    return ref;
  }

  // ---- ReadStore -------------------------------------------------------------------------

  async get(collection: string, id: string): Promise<Doc | null> {
    return (await this.getMany(collection, [id]))[0] ?? null;
  }

  async getMany(collection: string, ids: string[]): Promise<Doc[]> {
    const below = this.under.get(collection);
    if (!below || this.copied.has(collection)) return this.top.getMany(collection, ids);
    const docs = await this.loadDocs({ ...below.ref, collection }, ids);
    return ids.map((id) => live(docs.get(id))).filter((d): d is Doc => d !== undefined);
  }

  async find(collection: string, filter?: Filter, options?: FindOptions): Promise<Doc[]> {
    await this.copyWhole(collection);
    return this.top.find(collection, filter, options);
  }

  async count(collection: string, filter?: Filter): Promise<number> {
    await this.copyWhole(collection);
    return this.top.count(collection, filter);
  }

  async aggregate<T = Doc>(collection: string, pipeline: Pipeline): Promise<T[]> {
    // A $lookup may read any of them.
    for (const c of this.under.keys()) await this.copyWhole(c);
    return this.top.aggregate<T>(collection, pipeline);
  }

  async isLive(collection: string): Promise<boolean> {
    return (await this.top.isLive?.(collection)) ?? true;
  }

  async version(collection: string): Promise<string> {
    return (await this.top.version?.(collection)) ?? '';
  }

  // ---- ProjectionStore: the replay writes on top -------------------------------------------

  records(): Promise<ProjectionRecord[]> {
    return this.top.records();
  }
  record(name: string): Promise<ProjectionRecord | null> {
    return this.top.record(name);
  }
  register(...args: Parameters<ProjectionStore['register']>): Promise<ProjectionRecord> {
    return this.top.register(...args);
  }
  beginRebuild(...args: Parameters<ProjectionStore['beginRebuild']>): Promise<ProjectionRecord> {
    return this.top.beginRebuild(...args);
  }
  promote(name: string): Promise<ProjectionRecord> {
    return this.top.promote(name);
  }
  requestRebuild(name: string): Promise<void> {
    return this.top.requestRebuild(name);
  }
  recordFailure(name: string, failure: ProjectionRecord['failure']): Promise<void> {
    return this.top.recordFailure(name, failure);
  }
  applyBatch(ref: GenerationRef, changes: DocChange[], position: Position): Promise<void> {
    return this.top.applyBatch(ref, changes, position);
  }

  /** What the top holds (written or deleted by the replay), and the rest as the snapshot has them. */
  async loadDocs(ref: GenerationRef, ids: string[]): Promise<Map<string, Doc>> {
    const docs = await this.top.loadDocs(ref, ids);
    const below = this.under.get(ref.collection);
    if (!below || this.copied.has(ref.collection)) return docs;
    let read = this.read.get(ref.collection);
    if (!read) this.read.set(ref.collection, (read = new Map()));
    const missing: string[] = [];
    for (const id of ids) {
      if (docs.has(id)) continue;
      const d = read.get(id);
      if (d === undefined) missing.push(id);
      else if (d) docs.set(id, d);
    }
    if (missing.length > 0) {
      const found = await this.source.snapshotDocs(below.snapshot, ref.collection, missing);
      for (const id of missing) {
        const d = found.get(id);
        read.set(id, d ? deepFreeze(d) : null);
        if (d) docs.set(id, d);
      }
    }
    return docs;
  }

  async close(): Promise<void> {
    await this.top.close();
  }

  /** Copies the snapshot's documents the top has not written into the top, under its checkpoint. */
  private async copyWhole(collection: string): Promise<void> {
    const below = this.under.get(collection);
    if (!below || this.copied.has(collection)) return;
    const all = await this.source.snapshotDocs(below.snapshot, collection);
    const ref = { ...below.ref, collection };
    const have = await this.top.loadDocs(ref, [...all.keys()]);
    const changes: DocChange[] = [];
    for (const [id, d] of all) {
      if (have.has(id)) continue;
      const { _id, _position, _deleted, ...doc } = d;
      changes.push({ _id: id, collection, doc: _deleted ? null : doc, position: _position as string });
    }
    const checkpoint = (await this.top.record(below.ref.projection))!.live!.position;
    await this.top.applyBatch(below.ref, changes, checkpoint);
    this.copied.add(collection);
    this.read.delete(collection);
  }
}
