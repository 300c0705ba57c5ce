import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  ChangeUnitsHandler, GetUnitHandler, GetUnitLineageHandler, GetUnitTreeHandler, GetUserHandler, GrantRoleHandler, ListUnitsHandler,
  ListUsersHandler, PrincipalResolver, RegisterUserHandler, RegistryLoader, RevokeRoleHandler, UnitDirectory, UserCommands,
} from '@gl/application';
import { TokenService } from './auth/token.service';
import { SeedService } from './seed/seed.service';

/** Units, people and access: command and query handlers, tokens, principals, and the seed. */
@Module({
  imports: [CqrsModule],
  providers: [
    ChangeUnitsHandler, ListUnitsHandler, GetUnitTreeHandler, GetUnitHandler, GetUnitLineageHandler,
    UserCommands, RegisterUserHandler, GrantRoleHandler, RevokeRoleHandler, ListUsersHandler, GetUserHandler,
    UnitDirectory, RegistryLoader, PrincipalResolver, TokenService, SeedService,
  ],
  exports: [CqrsModule, UnitDirectory, RegistryLoader, PrincipalResolver, TokenService, SeedService],
})
export class AccessModule {}
