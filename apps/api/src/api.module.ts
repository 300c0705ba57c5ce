import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { allProjections } from '@gl/read-models';
import {
  AccessModule, AppConfig, APP_CONFIG, AuthGuard, loggerModule, OperationsModule, PlatformModule, ReadModelsModule,
  ReadYourWritesInterceptor, SeedService,
} from '@gl/platform';
import { MeController } from './access/me.controller';
import { UsersController } from './access/users.controller';
import { ProjectionsController } from './operations/projections.controller';
import { UnitsController } from './units/units.controller';

/** On an empty store in embedded mode, the seed plan and demo users load at start (SEED_ON_EMPTY). */
@Injectable()
class SeedOnEmpty implements OnApplicationBootstrap {
  constructor(private readonly seed: SeedService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedOnEmpty) await this.seed.seedIfEmpty();
  }
}

/** The HTTP composition root: picks adapters through PlatformModule, mounts the feature modules. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        loggerModule(config),
        CqrsModule.forRoot(),
        ReadModelsModule.forRoot({ projections: allProjections, run: config.runProjections }),
        AccessModule,
        OperationsModule,
      ],
      controllers: [ProjectionsController, UnitsController, UsersController, MeController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        SeedOnEmpty,
      ],
    };
  }
}
