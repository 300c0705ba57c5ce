import Database, { Database as Db, Statement } from 'better-sqlite3';
import { Aggregator } from 'mingo';
import type { Clock } from '@gl/domain';
import { comparePositions, Position } from '@gl/event-store';
import { decodeDoc, encodeDoc } from './doc-codec';
import { migrateReadStore } from './embedded-schema';
import { MemoryCollection } from './memory-collection';
import { DiskCollection, DiskRows } from './disk-collection';
import { byNameAndId, DocRow, docRows } from './doc-rows';
import type { BulkStatement } from './bulk-statement';
import type { StoredCollection } from './stored-collection';
import { countIn, findIn } from './collection-queries';
import { Doc, Filter, FindOptions, Pipeline, ReadStore } from '../port/read-store.port';
import { compactStep, FileUse, fileUse, prepareCompaction } from './read-store-compaction';
import { EmbeddedSnapshots, Overwrite } from './embedded-snapshots';
import {
  DocChange,
  GenerationRef,
  IndexSpec,
  physicalName,
  ProjectionRecord,
  ProjectionStore,
  SnapshotRef,
} from '../port/projection-store.port';
import { ProjectionRecords } from '../records/projection-records';

const NONE: ReadonlySet<string> = new Set();

/** `activities__g2` → `activities`. */
const logicalName = (physical: string): string => physical.slice(0, physical.lastIndexOf('__g'));

export interface EmbeddedReadStoreOptions {
  /** A file path, or ':memory:' for tests. */
  filename: string;
  clock: Clock;
  synchronous?: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  /** How often a batch may give free pages back to the file system (ms; 5 s by default, 0 at every batch). */
  compactEveryMs?: number;
  /**
   * Logical collections kept in the file and read through their indexes instead of held in memory
   * (the ones that grow with the log: `largeCollections(projections)`), or 'all'. None by default.
   */
  onDisk?: readonly string[] | 'all';
  /**
   * SQLite's page cache for the file, in MiB (native memory, not heap): 256 by default. With SQLite's
   * own 2 MiB, a rebuild's batches reread and rewrote the pages of the documents' indexes over and
   * over (issue 17 measured the rebuild 120 s → 93 s with 256 MiB; 1 GiB did no better).
   */
  cacheMiB?: number;
}

/**
 * The embedded read store, the default: documents in memory, answered by mingo, persisted to a
 * SQLite file; each batch and its checkpoint commit in one transaction, and memory changes only
 * after the commit. Collections load lazily, on first use. Those named `onDisk` are not loaded:
 * they are read from the file through their indexes (DiskCollection), so heap and restart do not
 * grow with them.
 */
/**
 * A change's document with its id and position, as it is stored and kept: the change's own object
 * when it may be (the store takes the batch's documents over, ProjectionStore.applyBatch), a copy when
 * it is frozen (shared with readers). Copying every document cost a rebuild seconds (issue 17).
 */
const stamped = (ch: DocChange): Doc | null => {
  const doc = ch.doc as Doc | null;
  if (doc === null || (doc._id === ch._id && doc._position === ch.position)) return doc;
  if (Object.isFrozen(doc)) return { ...doc, _id: ch._id, _position: ch.position };
  doc._id = ch._id;
  doc._position = ch.position;
  return doc;
};

export class EmbeddedReadStore implements ReadStore, ProjectionStore {
  readonly db: Db;
  private readonly collections = new Map<string, StoredCollection>();
  private readonly diskRows: DiskRows;
  private readonly docRows: BulkStatement<DocRow>;
  private readonly recordsCache: ProjectionRecords;
  /** Logical collection → the fields its projection declared indexes on (first key of each spec). */
  private readonly indexed = new Map<string, Set<string>>();
  private compactedAt = 0;
  /** Batches applied to each physical collection since the process started (what `version` tells). */
  private readonly writes = new Map<string, number>();
  private readonly snapshots: EmbeddedSnapshots;
  /**
   * Projections whose checkpoint moved, in memory only, over batches that changed no document (most
   * projections, for most events, live): written at the next batch that changes something, when the
   * records are read, within a second, or at close. Lost in a crash, they only make a restart re-read
   * events that change nothing.
   */
  private readonly unsaved = new Set<string>();
  private saveTimer: NodeJS.Timeout | null = null;
  private readonly stmt: {
    load: Statement<[string], { id: string; position: string; deleted: number; body: string }>;
    dropColl: Statement<[string]>;
    saveRecord: Statement<[string, string]>;
    loadRecords: Statement<[], { name: string; body: string }>;
    requests: Statement<[], { name: string }>;
    request: Statement<[string, string]>;
    clearRequest: Statement<[string]>;
  };

  constructor(private readonly options: EmbeddedReadStoreOptions) {
    this.db = new Database(options.filename);
    if (options.filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`cache_size = -${Math.round((options.cacheMiB ?? 256) * 1024)}`);
    // A new file takes incremental vacuum with its first table; an old one whose documents table
    // was just rewritten (or that is mostly free) is converted by one VACUUM.
    prepareCompaction(this.db);
    if (migrateReadStore(this.db)) prepareCompaction(this.db);
    this.stmt = {
      load: this.db.prepare('SELECT id, position, deleted, body FROM docs WHERE coll = ?'),
      dropColl: this.db.prepare('DELETE FROM docs WHERE coll = ?'),
      saveRecord: this.db.prepare(
        'INSERT INTO projections (name, body) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET body = excluded.body',
      ),
      loadRecords: this.db.prepare('SELECT name, body FROM projections'),
      requests: this.db.prepare('SELECT name FROM rebuild_requests'),
      request: this.db.prepare('INSERT OR REPLACE INTO rebuild_requests (name, requested_at) VALUES (?, ?)'),
      clearRequest: this.db.prepare('DELETE FROM rebuild_requests WHERE name = ?'),
    };
    this.diskRows = new DiskRows(this.db);
    this.docRows = docRows(this.db);
    this.snapshots = new EmbeddedSnapshots(this.db, (name) => this.physical(name));
    this.recordsCache = new ProjectionRecords(options.clock, (r) => this.saveRecord(r));
    this.reloadRecords();
  }

  // ---- ReadStore -------------------------------------------------------------------------

  async get(collection: string, id: string): Promise<Doc | null> {
    return this.live(collection)?.get(id) ?? null;
  }

  async getMany(collection: string, ids: string[]): Promise<Doc[]> {
    const c = this.live(collection);
    return c ? ids.map((id) => c.get(id)).filter((d): d is Doc => d !== undefined) : [];
  }

  async find(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<Doc[]> {
    const c = this.live(collection);
    return c ? findIn(c, filter, options, this.indexedOf(collection)) : [];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    const c = this.live(collection);
    return c ? countIn(c, filter, this.indexedOf(collection)) : 0;
  }

  async aggregate<T = Doc>(collection: string, pipeline: Pipeline): Promise<T[]> {
    const c = this.live(collection);
    const resolver = (name: string) => this.live(name)?.all() ?? [];
    return new Aggregator(pipeline, { collectionResolver: resolver }).run(c ? c.all() : []) as T[];
  }

  async isLive(collection: string): Promise<boolean> {
    return this.recordsCache.liveGeneration(collection) !== undefined;
  }

  async version(collection: string): Promise<string> {
    const generation = this.recordsCache.liveGeneration(collection);
    if (generation === undefined) return '-';
    const name = physicalName(collection, generation);
    return `${name}#${this.writes.get(name) ?? 0}`;
  }

  // ---- ProjectionStore ---------------------------------------------------------------------

  async records(): Promise<ProjectionRecord[]> {
    this.reloadRecords();
    return this.recordsCache.all();
  }

  async record(name: string): Promise<ProjectionRecord | null> {
    this.reloadRecords();
    return this.recordsCache.get(name);
  }

  async register(
    name: string,
    collection: string,
    version: number,
    indexes: IndexSpec[],
    alongside: readonly string[] = [],
  ): Promise<ProjectionRecord> {
    this.declareIndexes(collection, indexes);
    const record = this.recordsCache.register(name, collection, version, alongside);
    // Load the live documents now, while the process starts, rather than in the first request that
    // reads them (a million events' worth takes seconds, during which nothing else runs).
    for (const c of [collection, ...alongside]) this.live(c);
    return record;
  }

  async beginRebuild(
    name: string,
    version: number,
    indexes: IndexSpec[],
    alongside: readonly string[] = [],
  ): Promise<ProjectionRecord> {
    const { record, abandoned } = this.recordsCache.beginRebuild(name, version, alongside);
    this.declareIndexes(record.collection, indexes);
    this.drop(abandoned);
    this.stmt.clearRequest.run(name);
    return { ...record, rebuildRequested: false };
  }

  async promote(name: string): Promise<ProjectionRecord> {
    const { record, retired } = this.recordsCache.promote(name);
    this.drop(retired);
    return record;
  }

  async requestRebuild(name: string): Promise<void> {
    this.stmt.request.run(name, this.options.clock.now().toISOString());
  }

  async recordFailure(name: string, failure: ProjectionRecord['failure']): Promise<void> {
    this.recordsCache.recordFailure(name, failure);
  }

  async loadDocs(ref: GenerationRef, ids: string[]): Promise<Map<string, Doc>> {
    return this.physical(physicalName(ref.collection, ref.generation)).entries(ids);
  }

  async applyBatch(ref: GenerationRef, changes: DocChange[], position: Position): Promise<void> {
    const physicalOf = (ch: DocChange) => physicalName(ch.collection ?? ref.collection, ref.generation);
    const overwrites: Overwrite[] = [];
    const effective = changes.filter((ch) => {
      const name = physicalOf(ch);
      const was = this.physical(name).positionOf(ch._id);
      const later = was === undefined || comparePositions(ch.position, was) > 0;
      if (later) overwrites.push({ name, id: ch._id, was });
      return later;
    });
    if (effective.length === 0) return this.advanceUnsaved(ref, position);
    const written = effective.map(stamped);
    // In the order of the file's index: a batch's rows land page by page, not at random (ids are UUIDs).
    const order = effective.map((ch, i) => ({ name: physicalOf(ch), id: ch._id, i })).sort(byNameAndId);
    // Rows many to a call (BulkStatement), unless a
    // document comes twice: its collection must see its first row written before it is told of the second.
    const once = new Set(order.map((o) => `${o.name}\u0000${o.id}`)).size === order.length;
    this.db.transaction(() => {
      this.snapshots.keep(physicalName(ref.collection, ref.generation), overwrites);
      const rows: DocRow[] = [];
      for (const { name, id, i } of order) {
        const doc = written[i];
        this.physical(name).writing?.(id, doc);
        rows.push([name, id, effective[i].position, doc ? 0 : 1, doc ? encodeDoc(doc) : '{}']);
        if (!once) this.docRows.run(rows.splice(0));
      }
      this.docRows.run(rows);
      this.recordsCache.advance(ref, position);
    })();
    // Its checkpoint is written now (a failed transaction leaves it to be written later).
    this.unsaved.delete(ref.projection);
    // One bounded step at most every compactEveryMs: a rebuild frees pages all the time, and
    // moving them in every batch would slow it; what is left goes when the old generation is dropped.
    const now = Date.now();
    if (now - this.compactedAt >= (this.options.compactEveryMs ?? 5000)) {
      this.compactedAt = now;
      compactStep(this.db);
    }
    const touched = new Set<string>();
    effective.forEach((ch, i) => {
      const doc = written[i];
      const name = physicalOf(ch);
      const c = this.physical(name);
      if (doc) c.put(doc);
      else c.remove(ch._id, ch.position);
      touched.add(name);
    });
    for (const name of touched) this.writes.set(name, (this.writes.get(name) ?? 0) + 1);
  }

  async deferIndexes(ref: GenerationRef): Promise<void> {
    for (const name of this.physicalsOf(ref)) this.physical(name).buildLater?.();
  }

  async settle(ref: GenerationRef): Promise<void> {
    for (const name of this.physicalsOf(ref)) this.collections.get(name)?.goLive?.();
  }

  async takeSnapshot(ref: GenerationRef, position: Position): Promise<void> {
    const record = this.recordsCache.get(ref.projection);
    const state = [record?.live, record?.building].find((g) => g?.generation === ref.generation);
    if (!state || comparePositions(state.position, position) !== 0)
      throw new Error(`${ref.projection} generation ${ref.generation} does not stand at ${position}`);
    this.snapshots.take(physicalName(ref.collection, ref.generation), position);
  }

  async snapshotBefore(projection: string, position: Position): Promise<SnapshotRef | null> {
    const record = this.recordsCache.get(projection);
    const live = record?.live;
    if (!record || !live) return null;
    const points = this.snapshots.points(physicalName(record.collection, live.generation));
    const best = points.filter((p) => comparePositions(p.position, position) <= 0).pop();
    if (!best) return null;
    const { collection } = record;
    return { projection, collection, generation: live.generation, ...best, alongside: live.alongside ?? [] };
  }

  async snapshotDocs(snapshot: SnapshotRef, collection: string, ids?: string[]): Promise<Map<string, Doc>> {
    return this.snapshots.docs(physicalName(collection, snapshot.generation), snapshot.seq, snapshot.position, ids);
  }

  /** How full the file is: its pages, the free ones among them, its vacuum mode. */
  fileUse(): FileUse {
    return fileUse(this.db);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.saveUnsaved();
    this.db.close();
  }

  // ---- internals ---------------------------------------------------------------------------

  /** The physical collections a generation writes: its own and those beside it. */
  private physicalsOf(ref: GenerationRef): string[] {
    const record = this.recordsCache.get(ref.projection);
    const state = [record?.building, record?.live].find((g) => g?.generation === ref.generation);
    return [ref.collection, ...(state?.alongside ?? [])].map((c) => physicalName(c, ref.generation));
  }

  private declareIndexes(collection: string, indexes: IndexSpec[]): void {
    const fields = new Set(indexes.map((i) => Object.keys(i.keys)[0]).filter((f) => f && !f.includes('.')));
    this.indexed.set(collection, fields);
    // A disk collection read before its projection registered is keyed on the fields declared now.
    for (const [name, c] of this.collections) if (logicalName(name) === collection) c.keyOn?.(fields);
  }

  private keptOnDisk(collection: string): boolean {
    const { onDisk } = this.options;
    return onDisk === 'all' || (onDisk ?? []).includes(collection);
  }

  private indexedOf(collection: string): ReadonlySet<string> {
    return this.indexed.get(collection) ?? NONE;
  }

  /** The live generation's collection for a logical name, or undefined when nothing is live. */
  private live(collection: string): StoredCollection | undefined {
    const generation = this.recordsCache.liveGeneration(collection);
    return generation === undefined ? undefined : this.physical(physicalName(collection, generation));
  }

  private physical(name: string): StoredCollection {
    const known = this.collections.get(name);
    if (known) return known;
    const logical = logicalName(name);
    let c: StoredCollection;
    if (this.keptOnDisk(logical)) {
      const disk = new DiskCollection(this.diskRows, name);
      disk.keyOn(this.indexedOf(logical));
      c = disk;
    } else {
      const memory = new MemoryCollection();
      for (const row of this.stmt.load.iterate(name)) {
        if (row.deleted) memory.remove(row.id, row.position);
        else memory.put(decodeDoc<Doc>(row.body));
      }
      this.diskRows.forget(name);
      c = memory;
    }
    this.collections.set(name, c);
    return c;
  }

  private drop(names: readonly string[]): void {
    if (names.length === 0) return;
    for (const name of names) {
      this.stmt.dropColl.run(name);
      this.diskRows.forget(name);
      this.snapshots.drop(name);
      this.collections.delete(name);
    }
    // A generation's pages back to the file system now, not one batch's step at a time.
    while (compactStep(this.db) > 0);
  }

  private saveRecord(r: ProjectionRecord): void {
    const { rebuildRequested: _ignored, ...stored } = r;
    this.stmt.saveRecord.run(r.name, JSON.stringify(stored));
  }

  private advanceUnsaved(ref: GenerationRef, position: Position): void {
    this.recordsCache.advance(ref, position, false);
    this.unsaved.add(ref.projection);
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (this.db.open) this.saveUnsaved();
    }, 1000);
    this.saveTimer.unref();
  }

  private saveUnsaved(): void {
    if (this.unsaved.size === 0) return;
    this.db.transaction(() => {
      for (const name of this.unsaved) this.recordsCache.persistRecord(name);
    })();
    this.unsaved.clear();
  }

  private reloadRecords(): void {
    // What memory holds ahead of the file goes first, so the reload does not move a checkpoint back.
    this.saveUnsaved();
    const requested = new Set(this.stmt.requests.all().map((r) => r.name));
    this.recordsCache.load(
      this.stmt.loadRecords.all().map((row) => ({
        ...(JSON.parse(row.body) as Omit<ProjectionRecord, 'rebuildRequested'>),
        rebuildRequested: requested.has(row.name),
      })),
    );
  }
}
