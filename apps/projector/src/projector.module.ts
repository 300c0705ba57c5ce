import { DynamicModule, Module } from '@nestjs/common';
import { allProjections } from '@gl/read-models';
import {
  AppConfig,
  loggerModule,
  OperationsModule,
  PlatformModule,
  ReadModelsModule,
  WebhookDeliveryModule,
  WebhookStoreModule,
} from '@gl/platform';

/**
 * The server-mode composition root for everything fed from the global log: it runs the
 * projections into MongoDB, and serves /health/* and /metrics on PROJECTOR_PORT. In embedded
 * mode the api process runs the same modules itself.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        PlatformModule.forRoot(config),
        loggerModule(config),
        ReadModelsModule.forRoot({ projections: allProjections, run: true }),
        OperationsModule,
        WebhookStoreModule,
        // Server mode: the projector delivers (the api's WEBHOOKS_DELIVER defaults to false there).
        WebhookDeliveryModule.forRoot({ deliver: true }),
      ],
    };
  }
}
