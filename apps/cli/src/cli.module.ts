import { DynamicModule, Module } from '@nestjs/common';
import { allProjections } from '@gl/read-models';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule, AppConfig, PlatformModule, ReadModelsModule } from '@gl/platform';
import { AuditCommand, AuditSealCommand, AuditVerifyCommand } from './commands/audit-verify.command';
import {
  ProjectionsCommand,
  ProjectionsRebuildCommand,
  ProjectionsStatusCommand,
} from './commands/projections.command';
import { OpenYearsCommand } from './commands/open-years.command';
import { SeedCommand } from './commands/seed.command';
import { StoreInfoCommand } from './commands/store-info.command';
import { TokenCommand } from './commands/token.command';

/** The operator's composition root: the same adapters as the api, driven from the command line. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        PlatformModule.forRoot(config),
        CqrsModule.forRoot(),
        ReadModelsModule.forRoot({ projections: allProjections, run: false }),
        ApplicationModule,
      ],
      providers: [
        AuditCommand,
        AuditVerifyCommand,
        AuditSealCommand,
        StoreInfoCommand,
        ProjectionsCommand,
        ProjectionsStatusCommand,
        ProjectionsRebuildCommand,
        SeedCommand,
        TokenCommand,
        OpenYearsCommand,
      ],
    };
  }
}
