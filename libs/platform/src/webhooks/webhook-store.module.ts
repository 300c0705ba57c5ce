import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { WEBHOOK_STORE, WebhookStore } from '@gl/read-models';
import { EmbeddedWebhookStore } from '@gl/read-models/embedded';
import { MongoWebhookStore } from '@gl/read-models/mongodb';
import { AppConfig, APP_CONFIG } from '../config/app-config';

/**
 * Beside the read store the configuration picks (ADR 0011): collections of the MongoDB read
 * store's database, so the api that registers endpoints and the projector that delivers share
 * them, or DATA_DIR/webhooks.db with the embedded store.
 */
export const openWebhookStore = async (config: AppConfig): Promise<WebhookStore> => {
  if (config.readStore.kind === 'mongodb') return MongoWebhookStore.connect({ url: config.readStore.url });
  mkdirSync(config.dataDir, { recursive: true });
  return new EmbeddedWebhookStore({ filename: join(config.dataDir, 'webhooks.db'), synchronous: 'FULL' });
};

@Injectable()
class WebhookStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(WEBHOOK_STORE) private readonly store: WebhookStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The webhook endpoints, cursors and delivery log of a process (the api's registry, the dispatcher). */
@Global()
@Module({
  providers: [{ provide: WEBHOOK_STORE, inject: [APP_CONFIG], useFactory: openWebhookStore }, WebhookStoreLifecycle],
  exports: [WEBHOOK_STORE],
})
export class WebhookStoreModule {}
