import { Collection, MongoClient, MongoServerError } from 'mongodb';
import type {
  BeginOutcome,
  IdempotencyAttempt,
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from '../port/idempotency-store.port';

export interface MongoIdempotencyStoreOptions {
  /** The read store's URL; the database is the URL's. */
  url: string;
  /** A test gives its own, so that runs on a shared server do not meet. */
  collection?: string;
}

type StoredRecord = IdempotencyRecord & { _id: string };

const DUPLICATE_KEY = 11000;
/** (userId, key) as one string: keys are visible ASCII, so a newline cannot occur in either part. */
const idOf = (userId: string, key: string) => `${userId}\n${key}`;
const strip = ({ _id, ...record }: StoredRecord): IdempotencyRecord => record;

/**
 * Idempotency records in one collection: the unique `_id` makes the first claim atomic (a second
 * insert fails with a duplicate key), and a TTL index lets the server drop expired records. The
 * server's TTL monitor runs about once a minute on its own clock, so expiry is also checked here,
 * against the injected clock's `now` each call is given.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly records: Collection<StoredRecord>,
  ) {}

  static async connect(options: MongoIdempotencyStoreOptions): Promise<MongoIdempotencyStore> {
    const client = new MongoClient(options.url);
    await client.connect();
    const records = client.db().collection<StoredRecord>(options.collection ?? '_idempotency_keys');
    await records.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    return new MongoIdempotencyStore(client, records);
  }

  async begin(attempt: IdempotencyAttempt): Promise<BeginOutcome> {
    const _id = idOf(attempt.userId, attempt.key);
    const now = attempt.createdAt;
    const doc: StoredRecord = { _id, ...attempt, state: 'in-flight', response: null };
    // A record that went away between the failed claim and the read (released, purged) is
    // claimed again; a few rounds are plenty, since each needs another request to race this one.
    for (let round = 0; round < 5; round++) {
      try {
        // Matches only a record that no longer holds the key; with none, the upsert inserts, and
        // a live record makes that insert fail on `_id`.
        await this.records.replaceOne(
          { _id, $or: [{ expiresAt: { $lte: now } }, { state: 'in-flight', leaseUntil: { $lte: now } }] },
          doc,
          { upsert: true },
        );
        return { started: true };
      } catch (e) {
        if (!(e instanceof MongoServerError && e.code === DUPLICATE_KEY)) throw e;
      }
      const existing = await this.records.findOne({ _id });
      if (existing && existing.expiresAt > now && (existing.state === 'completed' || existing.leaseUntil > now)) {
        return { started: false, existing: strip(existing) };
      }
    }
    throw new Error(`could not claim Idempotency-Key ${attempt.key}: it changed hands five times`);
  }

  async complete(userId: string, key: string, owner: string, response: StoredResponse): Promise<boolean> {
    const r = await this.records.updateOne(
      { _id: idOf(userId, key), owner, state: 'in-flight' },
      { $set: { state: 'completed', response } },
    );
    return r.modifiedCount > 0;
  }

  async release(userId: string, key: string, owner: string): Promise<void> {
    await this.records.deleteOne({ _id: idOf(userId, key), owner, state: 'in-flight' });
  }

  async purgeExpired(now: Date): Promise<number> {
    return (await this.records.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
