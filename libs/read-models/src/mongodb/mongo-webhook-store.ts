import { Collection, MongoClient, ObjectId } from 'mongodb';
import type {
  AttemptPage,
  DeliveryAttempt,
  DeliveryCursor,
  WebhookEndpoint,
  WebhookStore,
} from '../port/webhook-store.port';
import { sameCursorState } from '../port/webhook-store.port';

export interface MongoWebhookStoreOptions {
  /** The read store's URL; the database is the URL's. It must be a replica set: attempts are recorded in transactions. */
  url: string;
  /** A test gives its own prefix, so that runs on a shared server do not meet. */
  prefix?: string;
}

type StoredEndpoint = WebhookEndpoint & { _id: string };
type StoredCursor = DeliveryCursor & { _id: string };
type StoredAttempt = DeliveryAttempt & { _id: ObjectId };

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const pageSize = (limit: number | undefined) => Math.min(Math.max(1, Math.trunc(limit ?? DEFAULT_PAGE)), MAX_PAGE);
const stripEndpoint = ({ _id, ...e }: StoredEndpoint): WebhookEndpoint => e;
const stripCursor = ({ _id, ...c }: StoredCursor): DeliveryCursor => c;
const stripAttempt = ({ _id, ...a }: StoredAttempt): DeliveryAttempt => a;

/**
 * Webhook state in three collections of the read store's database, shared by the api that
 * registers endpoints and the projector that delivers: `webhook_endpoints` and `webhook_cursors`
 * keyed by endpoint id, `webhook_attempts` indexed for an endpoint's newest-first page and for the
 * retention purge. An attempt and the cursor after it are written in one transaction. Attempts page
 * by (at, _id) descending; `before` is the last item's `<ms>_<objectId>`.
 */
export class MongoWebhookStore implements WebhookStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly endpoints: Collection<StoredEndpoint>,
    private readonly cursors: Collection<StoredCursor>,
    private readonly attemptLog: Collection<StoredAttempt>,
  ) {}

  static async connect(options: MongoWebhookStoreOptions): Promise<MongoWebhookStore> {
    const client = new MongoClient(options.url);
    await client.connect();
    const db = client.db();
    const prefix = options.prefix ?? '';
    const endpoints = db.collection<StoredEndpoint>(`${prefix}webhook_endpoints`);
    const cursors = db.collection<StoredCursor>(`${prefix}webhook_cursors`);
    const attempts = db.collection<StoredAttempt>(`${prefix}webhook_attempts`);
    await endpoints.createIndex({ ownerUnitId: 1, createdAt: 1 }, { name: 'owner_created' });
    await endpoints.createIndex({ createdAt: 1, _id: 1 }, { name: 'created' });
    await attempts.createIndex({ endpointId: 1, at: -1, _id: -1 }, { name: 'endpoint_newest' });
    await attempts.createIndex({ at: 1 }, { name: 'at' });
    return new MongoWebhookStore(client, endpoints, cursors, attempts);
  }

  async create(endpoint: WebhookEndpoint, startPosition: string): Promise<void> {
    const cursor: DeliveryCursor = {
      endpointId: endpoint.endpointId,
      position: startPosition,
      pendingEventId: null,
      attempts: 0,
      nextAttemptAt: null,
      failingSince: null,
      delivered: 0,
      failed: 0,
    };
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        // A duplicate `_id` fails the insert, and with it the transaction.
        await this.endpoints.insertOne({ _id: endpoint.endpointId, ...endpoint }, { session });
        await this.cursors.replaceOne({ _id: endpoint.endpointId }, cursor, {
          upsert: true,
          session,
        });
      }),
    );
  }

  async get(endpointId: string): Promise<WebhookEndpoint | null> {
    const found = await this.endpoints.findOne({ _id: endpointId });
    return found ? stripEndpoint(found) : null;
  }

  async list(ownerUnitIds: readonly string[] | null): Promise<WebhookEndpoint[]> {
    const filter = ownerUnitIds === null ? {} : { ownerUnitId: { $in: [...ownerUnitIds] } };
    const found = await this.endpoints.find(filter).sort({ createdAt: 1, _id: 1 }).toArray();
    return found.map(stripEndpoint);
  }

  async update(endpoint: WebhookEndpoint): Promise<boolean> {
    const r = await this.endpoints.replaceOne({ _id: endpoint.endpointId }, endpoint);
    return r.matchedCount > 0;
  }

  async delete(endpointId: string): Promise<boolean> {
    let existed = false;
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        await this.attemptLog.deleteMany({ endpointId }, { session });
        await this.cursors.deleteOne({ _id: endpointId }, { session });
        existed = (await this.endpoints.deleteOne({ _id: endpointId }, { session })).deletedCount > 0;
      }),
    );
    return existed;
  }

  async cursor(endpointId: string): Promise<DeliveryCursor | null> {
    const found = await this.cursors.findOne({ _id: endpointId });
    return found ? stripCursor(found) : null;
  }

  async saveCursor(cursor: DeliveryCursor): Promise<void> {
    await this.cursors.replaceOne({ _id: cursor.endpointId }, cursor, { upsert: true });
  }

  async recordAttempt(attempt: DeliveryAttempt, cursor: DeliveryCursor, expected?: DeliveryCursor): Promise<boolean> {
    let applied = false;
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        applied = false;
        await this.attemptLog.insertOne({ _id: new ObjectId(), ...attempt }, { session });
        if (expected) {
          const found = await this.cursors.findOne({ _id: cursor.endpointId }, { session });
          if (!found || !sameCursorState(stripCursor(found), expected)) return;
        }
        await this.cursors.replaceOne({ _id: cursor.endpointId }, cursor, {
          upsert: true,
          session,
        });
        applied = true;
      }),
    );
    return applied;
  }

  async attempts(endpointId: string, options: { before?: string; limit?: number } = {}): Promise<AttemptPage> {
    const limit = pageSize(options.limit);
    let filter: object = { endpointId };
    if (options.before !== undefined) {
      const m = /^(\d{1,15})_([0-9a-f]{24})$/.exec(options.before);
      if (!m) return { items: [], next: null };
      const at = new Date(Number(m[1]));
      const id = new ObjectId(m[2]);
      filter = { endpointId, $or: [{ at: { $lt: at } }, { at, _id: { $lt: id } }] };
    }
    const rows = await this.attemptLog
      .find(filter)
      .sort({ at: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const next = rows.length > limit && last ? `${last.at.getTime()}_${last._id.toHexString()}` : null;
    return { items: items.map(stripAttempt), next };
  }

  async purgeAttempts(before: Date): Promise<number> {
    return (await this.attemptLog.deleteMany({ at: { $lt: before } })).deletedCount;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
