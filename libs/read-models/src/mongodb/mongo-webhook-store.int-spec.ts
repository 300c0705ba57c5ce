import { webhookStoreContract } from '../testing/webhook-store.contract';
import { MongoWebhookStore } from './mongo-webhook-store';

const url = process.env.MONGODB_URL;

if (url) {
  const prefix = `test_`;
  webhookStoreContract(`MongoDB at ${url.replace(/\/\/[^@]*@/, '//***@')}`, {
    open: () => MongoWebhookStore.connect({ url, prefix }),
    reopen: async (store) => {
      await store.close();
      return MongoWebhookStore.connect({ url, prefix });
    },
  });
} else {
  // Loud on purpose: a green run must not be mistaken for a tested MongoDB adapter.
  describe('WebhookStore contract: MongoDB', () => {
    it.skip('SKIPPED: MONGODB_URL is not set, so the MongoDB webhook store was not tested (no server can run here)', () =>
      undefined);
  });
  process.stderr.write(
    '\n*** MongoDB webhook-store contract suite SKIPPED: set MONGODB_URL=mongodb://localhost:27017/gl-test?replicaSet=rs0 to run it ***\n\n',
  );
}
