import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '@gl/read-models';
import { EmbeddedIdempotencyStore } from '@gl/read-models/embedded';
import { MongoIdempotencyStore } from '@gl/read-models/mongodb';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';

/**
 * Beside the read store the configuration picks: MongoDB (a collection of the same database, so
 * every api replica shares the keys), or DATA_DIR/idempotency.db with the embedded store.
 */
export const openIdempotencyStore = async (config: AppConfig): Promise<IdempotencyStore> => {
  if (config.readStore.kind === 'mongodb') return MongoIdempotencyStore.connect({ url: config.readStore.url });
  mkdirSync(config.dataDir, { recursive: true });
  return new EmbeddedIdempotencyStore({ filename: join(config.dataDir, 'idempotency.db'), synchronous: 'NORMAL' });
};

@Injectable()
class IdempotencyStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The Idempotency-Key records of an HTTP process, and the interceptor that keeps them. */
@Module({})
export class IdempotencyModule {
  static forRoot(): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_STORE, inject: [APP_CONFIG], useFactory: openIdempotencyStore },
        IdempotencyStoreLifecycle,
        IdempotencyInterceptor,
      ],
      exports: [IDEMPOTENCY_STORE, IdempotencyInterceptor],
    };
  }
}
