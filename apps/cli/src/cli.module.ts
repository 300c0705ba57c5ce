import { DynamicModule, Module } from '@nestjs/common';
import { allProjections } from '@gl/read-models';
import { AppConfig, PlatformModule, ReadModelsModule } from '@gl/platform';
import { AuditCommand, AuditVerifyCommand } from './commands/audit-verify.command';
import { ProjectionsCommand, ProjectionsRebuildCommand, ProjectionsStatusCommand } from './commands/projections.command';
import { StoreInfoCommand } from './commands/store-info.command';

/** The operator's composition root: the same adapters as the api, driven from the command line. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(config), ReadModelsModule.forRoot({ projections: allProjections, run: false })],
      providers: [
        AuditCommand, AuditVerifyCommand, StoreInfoCommand,
        ProjectionsCommand, ProjectionsStatusCommand, ProjectionsRebuildCommand,
      ],
    };
  }
}
