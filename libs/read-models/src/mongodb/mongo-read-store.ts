import { ClientSession, Db, MongoClient } from 'mongodb';
import type { Clock } from '@gl/domain';
import { comparePositions, Position } from '@gl/event-store';
import { Doc, Filter, FindOptions, Pipeline, ReadStore } from '../port/read-store.port';
import {
  DocChange,
  GenerationRef,
  IndexSpec,
  physicalName,
  ProjectionRecord,
  ProjectionStore,
} from '../port/projection-store.port';
import {
  advanceCheckpoint,
  collectionsOfGeneration,
  newRecord,
  physicalsOf,
  promoteBuilding,
  startRebuild,
  takenBy,
} from '../records/projection-record';
import { rewritePipeline, withoutTombstones } from './mongo-pipeline';

export interface MongoReadStoreOptions {
  /** `mongodb://host:27017/grassroots?replicaSet=rs0`; the database is the URL's. */
  url: string;
  clock: Clock;
  /** How long query routing trusts its copy of which generation is live. */
  routingTtlMs?: number;
}

type StoredRecord = Omit<ProjectionRecord, 'name' | 'rebuildRequested'> & { _id: string };
const RECORDS = '_projections';
const REQUESTS = '_rebuild_requests';

/**
 * The production read store. Batches are written with position guards and their checkpoint, in
 * a transaction when the server is a replica set (or mongos); otherwise in order, documents
 * first, so a crash leaves documents ahead of the checkpoint, which the guards then absorb.
 * Per-unit figures cannot be absorbed so (a batch delivered again moves no document, so it moves no
 * figure): a projection that keeps them needs transactions, and is refused on a lone server.
 */
export class MongoReadStore implements ReadStore, ProjectionStore {
  private routing: { at: number; live: Map<string, number> } = { at: 0, live: new Map() };

  private constructor(
    readonly client: MongoClient,
    private readonly db: Db,
    private readonly transactions: boolean,
    private readonly options: MongoReadStoreOptions,
  ) {}

  static async connect(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = new MongoClient(options.url);
    await client.connect();
    const db = client.db();
    const hello = await db.admin().command({ hello: 1 });
    const transactions = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
    return new MongoReadStore(client, db, transactions, options);
  }

  get usesTransactions(): boolean {
    return this.transactions;
  }

  // ---- ReadStore -------------------------------------------------------------------------

  async get(collection: string, id: string): Promise<Doc | null> {
    const c = await this.live(collection);
    return c ? (this.db.collection<Doc>(c).findOne(withoutTombstones({ _id: id })) as Promise<Doc | null>) : null;
  }

  async getMany(collection: string, ids: string[]): Promise<Doc[]> {
    const c = await this.live(collection);
    if (!c) return [];
    const found = await this.db
      .collection<Doc>(c)
      .find(withoutTombstones({ _id: { $in: ids } }))
      .toArray();
    const byId = new Map(found.map((d) => [d._id, d as Doc]));
    return ids.map((id) => byId.get(id)).filter((d): d is Doc => d !== undefined);
  }

  async find(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<Doc[]> {
    const c = await this.live(collection);
    if (!c) return [];
    let cursor = this.db
      .collection<Doc>(c)
      .find(withoutTombstones(filter), options.projection ? { projection: options.projection } : {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as Doc[];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    const c = await this.live(collection);
    return c ? this.db.collection(c).countDocuments(withoutTombstones(filter)) : 0;
  }

  async aggregate<T = Doc>(collection: string, pipeline: Pipeline): Promise<T[]> {
    const c = await this.live(collection);
    if (!c) return [];
    await this.refreshRouting();
    const physical = (name: string) => {
      const g = this.routing.live.get(name);
      return g === undefined ? `${name}__none` : physicalName(name, g);
    };
    const stages = [{ $match: withoutTombstones({}) }, ...rewritePipeline(pipeline, physical)];
    return (await this.db.collection(c).aggregate(stages).toArray()) as T[];
  }

  async isLive(collection: string): Promise<boolean> {
    return (await this.live(collection)) !== undefined;
  }

  // ---- ProjectionStore ---------------------------------------------------------------------

  async records(): Promise<ProjectionRecord[]> {
    const [stored, requests] = await Promise.all([
      this.db.collection<StoredRecord>(RECORDS).find().toArray(),
      this.db.collection<{ _id: string }>(REQUESTS).find().toArray(),
    ]);
    const requested = new Set(requests.map((r) => r._id));
    return stored.map((s) => fromStored(s, requested.has(s._id)));
  }

  async record(name: string, session?: ClientSession): Promise<ProjectionRecord | null> {
    const [stored, request] = await Promise.all([
      this.db.collection<StoredRecord>(RECORDS).findOne({ _id: name }, { session }),
      this.db.collection<{ _id: string }>(REQUESTS).findOne({ _id: name }, { session }),
    ]);
    return stored ? fromStored(stored, request !== null) : null;
  }

  async register(
    name: string,
    collection: string,
    version: number,
    indexes: IndexSpec[],
    alongside: readonly string[] = [],
  ): Promise<ProjectionRecord> {
    this.requireTransactionsFor(name, alongside);
    const existing = await this.record(name);
    if (existing) {
      if (existing.collection !== collection)
        throw new Error(`projection ${name} writes ${existing.collection}, not ${collection}`);
      return existing;
    }
    const taken = takenBy(await this.records(), name, [collection, ...alongside]);
    if (taken) throw new Error(`collection ${taken.collection} already belongs to projection ${taken.owner}`);
    const record = newRecord(name, collection, version, this.now(), alongside);
    await this.save(record);
    await this.createIndexes(physicalName(collection, 1), indexes);
    return record;
  }

  async beginRebuild(
    name: string,
    version: number,
    indexes: IndexSpec[],
    alongside: readonly string[] = [],
  ): Promise<ProjectionRecord> {
    this.requireTransactionsFor(name, alongside);
    const { record, abandoned } = startRebuild(await this.require(name), version, this.now(), alongside);
    for (const c of abandoned) await this.drop(c);
    // Leftovers of a generation of this number that a crash left unrecorded.
    for (const c of physicalsOf(record, record.building)) await this.drop(c);
    await this.createIndexes(physicalName(record.collection, record.building!.generation), indexes);
    await this.save(record);
    await this.db.collection<{ _id: string }>(REQUESTS).deleteOne({ _id: name });
    return record;
  }

  async promote(name: string): Promise<ProjectionRecord> {
    const { record, retired } = promoteBuilding(await this.require(name), this.now());
    await this.save(record);
    this.routing.at = 0;
    for (const c of retired) await this.drop(c);
    return record;
  }

  async requestRebuild(name: string): Promise<void> {
    await this.db
      .collection<{ _id: string; requestedAt: string }>(REQUESTS)
      .updateOne({ _id: name }, { $set: { requestedAt: this.now() } }, { upsert: true });
  }

  async recordFailure(name: string, failure: ProjectionRecord['failure']): Promise<void> {
    await this.db.collection<StoredRecord>(RECORDS).updateOne({ _id: name }, { $set: { failure } });
  }

  async loadDocs(ref: GenerationRef, ids: string[], session?: ClientSession): Promise<Map<string, Doc>> {
    const docs = await this.db
      .collection<Doc>(physicalName(ref.collection, ref.generation))
      .find({ _id: { $in: ids } }, { session })
      .toArray();
    return new Map(docs.map((d) => [d._id, d as Doc]));
  }

  async applyBatch(ref: GenerationRef, changes: DocChange[], position: Position): Promise<void> {
    if (!this.transactions) return this.write(ref, changes, position);
    const session = this.client.startSession();
    try {
      await session.withTransaction(() => this.write(ref, changes, position, session));
    } finally {
      await session.endSession();
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  // ---- internals ---------------------------------------------------------------------------

  private async write(
    ref: GenerationRef,
    changes: DocChange[],
    position: Position,
    session?: ClientSession,
  ): Promise<void> {
    // The projection's own documents, then each collection beside them (per-unit figures).
    const byCollection = new Map<string, DocChange[]>();
    for (const ch of changes) {
      const c = ch.collection ?? ref.collection;
      const list = byCollection.get(c);
      if (list) list.push(ch);
      else byCollection.set(c, [ch]);
    }
    for (const [collection, list] of byCollection) await this.writeDocs({ ...ref, collection }, list, session);
    const record = await this.record(ref.projection, session);
    if (!record) throw new Error(`no projection named ${ref.projection}`);
    await this.save(advanceCheckpoint(record, ref.generation, position, this.now()), session);
  }

  private async writeDocs(ref: GenerationRef, changes: DocChange[], session?: ClientSession): Promise<void> {
    const coll = this.db.collection<Doc>(physicalName(ref.collection, ref.generation));
    const current = await this.loadDocs(
      ref,
      changes.map((c) => c._id),
      session,
    );
    const ops = [];
    for (const ch of changes) {
      const at = current.get(ch._id)?._position;
      if (at !== undefined && comparePositions(ch.position, at) <= 0) continue;
      const replacement: Doc =
        ch.doc === null
          ? { _id: ch._id, _position: ch.position, _deleted: true }
          : { ...ch.doc, _id: ch._id, _position: ch.position };
      // Guarded by the position read above: a writer that got there first makes this a no-op.
      ops.push(
        at === undefined
          ? { replaceOne: { filter: { _id: ch._id, _position: { $exists: false } }, replacement, upsert: true } }
          : { replaceOne: { filter: { _id: ch._id, _position: at }, replacement } },
      );
    }
    if (ops.length > 0) await coll.bulkWrite(ops, { ordered: true, session });
  }

  private requireTransactionsFor(name: string, alongside: readonly string[]): void {
    if (alongside.length > 0 && !this.transactions)
      throw new Error(
        `projection ${name} keeps ${alongside.join(', ')} beside its documents, which needs MongoDB transactions: ` +
          'run MongoDB as a replica set (one node is enough: mongod --replSet rs0, then rs.initiate())',
      );
  }

  private async live(collection: string): Promise<string | undefined> {
    await this.refreshRouting();
    const g = this.routing.live.get(collection);
    return g === undefined ? undefined : physicalName(collection, g);
  }

  private async refreshRouting(): Promise<void> {
    const now = Date.now();
    if (now - this.routing.at < (this.options.routingTtlMs ?? 1000)) return;
    const records = await this.db
      .collection<StoredRecord>(RECORDS)
      .find({}, { projection: { collection: 1, live: 1 } })
      .toArray();
    const live = new Map<string, number>();
    for (const r of records)
      if (r.live) for (const c of collectionsOfGeneration(r, r.live)) live.set(c, r.live.generation);
    this.routing = { at: now, live };
  }

  private async require(name: string): Promise<ProjectionRecord> {
    const r = await this.record(name);
    if (!r) throw new Error(`no projection named ${name}`);
    return r;
  }

  private async save(r: ProjectionRecord, session?: ClientSession): Promise<void> {
    const { name, rebuildRequested: _r, ...rest } = r;
    await this.db.collection<StoredRecord>(RECORDS).replaceOne({ _id: name }, rest, { upsert: true, session });
    if (r.live) for (const c of collectionsOfGeneration(r, r.live)) this.routing.live.set(c, r.live.generation);
  }

  private async createIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    for (const ix of indexes) await this.db.collection(collection).createIndex(ix.keys, { unique: ix.unique ?? false });
  }

  private async drop(collection: string): Promise<void> {
    await this.db
      .collection(collection)
      .drop()
      .catch(() => undefined);
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

const fromStored = (s: StoredRecord, rebuildRequested: boolean): ProjectionRecord => {
  const { _id, ...rest } = s;
  return { ...rest, name: _id, rebuildRequested };
};
