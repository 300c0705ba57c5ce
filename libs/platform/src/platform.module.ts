import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Clock } from '@gl/domain';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { CLOCK, ID_GENERATOR, SystemClock, UuidGenerator } from './time/system-clock';

/**
 * What every process (api, projector, cli) composes from: configuration, clock, ids and the event
 * store chosen by configuration.
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
      ],
      exports: [APP_CONFIG, CLOCK, ID_GENERATOR, EventStoreModule],
    };
  }
}
