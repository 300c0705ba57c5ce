import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, APP_CONFIG } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { CLOCK, ID_GENERATOR, SystemClock, UuidGenerator } from './time/system-clock';

/**
 * What every process (api, projector, cli) composes from: configuration, clock, ids, logging and
 * the event store chosen by configuration.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        EventStoreModule.forRoot(),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useClass: SystemClock },
        { provide: ID_GENERATOR, useClass: UuidGenerator },
      ],
      exports: [APP_CONFIG, CLOCK, ID_GENERATOR, EventStoreModule],
    };
  }
}
