import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@gl/platform';
import { AuditCommand, AuditVerifyCommand } from './commands/audit-verify.command';
import { StoreInfoCommand } from './commands/store-info.command';

/** The operator's composition root: the same adapters as the api, driven from the command line. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(config)],
      providers: [AuditCommand, AuditVerifyCommand, StoreInfoCommand],
    };
  }
}
