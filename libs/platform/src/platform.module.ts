import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Clock } from '@gl/domain';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { resolveSealKeys, SEAL_KEYS } from './audit/seal-keys';
import { SealScheduler } from './audit/seal-scheduler';
import { CLOCK, ID_GENERATOR, SystemClock, UuidGenerator } from './time/system-clock';
import { ShutdownState } from './lifecycle/shutdown-state';

/**
 * What every process (api, projector, cli) composes from: configuration, clock, ids, the event
 * store chosen by configuration, the key that seals the log, and what the process knows of its shutdown.
 */
@Global()
@Module({})
export class PlatformModule {
  /** `clock` replaces the system clock (tests that need a fixed "now", e.g. deadlines in 2023). */
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [EventStoreModule.forRoot()],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        overrides.clock ? { provide: CLOCK, useValue: overrides.clock } : { provide: CLOCK, useClass: SystemClock },
        { provide: ID_GENERATOR, useClass: UuidGenerator },
        { provide: SEAL_KEYS, inject: [APP_CONFIG], useFactory: resolveSealKeys },
        SealScheduler,
        ShutdownState,
      ],
      exports: [APP_CONFIG, CLOCK, ID_GENERATOR, EventStoreModule, SEAL_KEYS, SealScheduler, ShutdownState],
    };
  }
}
