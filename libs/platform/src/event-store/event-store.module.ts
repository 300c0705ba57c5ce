import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ACTIVITY_UPCASTERS, type Clock } from '@gl/domain';
import { SubjectResolver, SubjectStampingEventStore } from '@gl/application';
import { EVENT_STORE, EventStore, UpcasterRegistry, UpcastingEventStore } from '@gl/event-store';
import { SqliteEventStore } from '@gl/event-store/sqlite';
import { KurrentDbEventStore } from '@gl/event-store/kurrentdb';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { CLOCK } from '../time/system-clock';

/** The adapter underneath, without upcasting: what audit verification reads (hashes cover stored shapes). */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');
const UPCASTING_EVENT_STORE = Symbol('UPCASTING_EVENT_STORE');
/** Every upcaster the domain registers. */
export const UPCASTERS = Symbol('UPCASTERS');

/** Picks the adapter from configuration. The only place that knows which one runs. */
export const openEventStore = (config: AppConfig, clock: Clock): EventStore => {
  if (config.eventStore.kind === 'kurrentdb') {
    return new KurrentDbEventStore({ connectionString: config.eventStore.url, clock });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    filename: join(config.dataDir, 'events.db'),
    clock,
    synchronous: config.eventStore.synchronous,
  });
};

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(RAW_EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  static forRoot(): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: UPCASTERS, useFactory: () => new UpcasterRegistry().register(...ACTIVITY_UPCASTERS) },
        { provide: RAW_EVENT_STORE, inject: [APP_CONFIG, CLOCK], useFactory: openEventStore },
        {
          provide: UPCASTING_EVENT_STORE,
          inject: [RAW_EVENT_STORE, UPCASTERS],
          useFactory: (raw: EventStore, registry: UpcasterRegistry) => new UpcastingEventStore(raw, registry),
        },
        {
          provide: SubjectResolver,
          inject: [UPCASTING_EVENT_STORE],
          useFactory: (store: EventStore) => new SubjectResolver(store),
        },
        {
          // Every append names its subject units (DESIGN.md, "Subject units").
          provide: EVENT_STORE,
          inject: [UPCASTING_EVENT_STORE, SubjectResolver],
          useFactory: (store: EventStore, subjects: SubjectResolver) => new SubjectStampingEventStore(store, subjects),
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, RAW_EVENT_STORE, UPCASTERS, SubjectResolver],
    };
  }
}
