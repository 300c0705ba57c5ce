import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { allProjections } from '@gl/read-models';
import {
  AppConfig, loggerModule, OperationsModule, PlatformModule, ReadModelsModule, ReadYourWritesInterceptor,
} from '@gl/platform';
import { ProjectionsController } from './operations/projections.controller';

/** The HTTP composition root: picks adapters through PlatformModule, mounts the feature modules. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config),
        loggerModule(config),
        ReadModelsModule.forRoot({ projections: allProjections, run: config.runProjections }),
        OperationsModule,
      ],
      controllers: [ProjectionsController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
    };
  }
}
