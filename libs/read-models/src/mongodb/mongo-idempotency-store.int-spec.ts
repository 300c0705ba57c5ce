import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { MongoIdempotencyStore } from './mongo-idempotency-store';

const url = process.env.MONGODB_URL;

if (url) {
  const collection = `_idempotency_keys_test`;
  idempotencyStoreContract(`MongoDB at ${url.replace(/\/\/[^@]*@/, '//***@')}`, {
    open: () => MongoIdempotencyStore.connect({ url, collection }),
    reopen: async (store) => {
      await store.close();
      return MongoIdempotencyStore.connect({ url, collection });
    },
  });
} else {
  // Loud on purpose: a green run must not be mistaken for a tested MongoDB adapter.
  describe('IdempotencyStore contract: MongoDB', () => {
    it.skip('SKIPPED: MONGODB_URL is not set, so the MongoDB idempotency store was not tested (no server can run here)', () =>
      undefined);
  });
  process.stderr.write(
    '\n*** MongoDB idempotency-store contract suite SKIPPED: set MONGODB_URL=mongodb://localhost:27017/gl-test?replicaSet=rs0 to run it ***\n\n',
  );
}
