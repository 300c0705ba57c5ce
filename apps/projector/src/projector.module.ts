import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, loggerModule, PlatformModule } from '@gl/platform';

/**
 * The server-mode composition root for everything fed from the global log (projections, outbound
 * delivery). In embedded mode the api process runs the same modules itself.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [PlatformModule.forRoot(config), loggerModule(config)],
    };
  }
}
