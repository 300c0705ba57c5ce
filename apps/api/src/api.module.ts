import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, EventStoreHealthIndicator, loggerModule, PlatformModule } from '@gl/platform';
import { HealthController } from './health/health.controller';

/** The HTTP composition root: picks adapters through PlatformModule, mounts the feature modules. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(config), loggerModule(config), TerminusModule.forRoot({ errorLogStyle: 'pretty' })],
      controllers: [HealthController],
      providers: [EventStoreHealthIndicator],
    };
  }
}
