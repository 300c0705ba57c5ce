import { readStoreContract, Store } from '../testing/read-store.contract';
import { MongoReadStore } from './mongo-read-store';

const url = process.env.MONGODB_URL;

if (url) {
  readStoreContract(`MongoDB at ${url.replace(/\/\/[^@]*@/, '//***@')}`, {
    open: async (clock) => MongoReadStore.connect({ url, clock, routingTtlMs: 0 }),
    reopen: async (store: Store, clock) => {
      await store.close();
      return MongoReadStore.connect({ url, clock, routingTtlMs: 0 });
    },
  });
} else {
  // Loud on purpose: a green run must not be mistaken for a tested MongoDB adapter.
  describe('ReadStore contract: MongoDB', () => {
    it.skip('SKIPPED: MONGODB_URL is not set, so the MongoDB adapter was not tested (no server can run here)', () =>
      undefined);
  });
  process.stderr.write(
    '\n*** MongoDB read-store contract suite SKIPPED: set MONGODB_URL=mongodb://localhost:27017/gl-test?replicaSet=rs0 to run it ***\n\n',
  );
}
