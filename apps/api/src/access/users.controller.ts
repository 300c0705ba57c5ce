import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext, GetUser, GrantRole, ListUsers, Principal, RegisterUser, RevokeRole } from '@gl/application';
import { ChangesRights, CurrentPrincipal, WriteContext } from '@gl/platform';
import { WriteResultDto } from '../shared/common.dto';
import { GrantRoleDto, ListUsersQueryDto, RegisterUserDto, RevokeRoleDto } from './users.dto';

/** People and the roles they hold, granted and revoked with dates and by whom. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'People of the units the caller may read' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ListUsersQueryDto) {
    return this.queries.execute(new ListUsers(p.scope, q.unitId, q.page, q.pageSize));
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetUser(p.scope, id));
  }

  @Post()
  @ApiOperation({ summary: 'Register a person in a unit (plan coordinator)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  register(@WriteContext() ctx: CommandContext, @Body() dto: RegisterUserDto) {
    return this.commands.execute(new RegisterUser(dto, ctx));
  }

  @Post(':id/grants')
  @ApiOperation({ summary: 'Grant a role from now (plan coordinator)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  grant(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: GrantRoleDto) {
    return this.commands.execute(new GrantRole({ userId: id, ...dto }, ctx));
  }

  @Post(':id/revocations')
  @ChangesRights()
  @ApiOperation({ summary: 'Revoke a role from now, with a reason (plan coordinator)' })
  @ApiCreatedResponse({ type: WriteResultDto })
  revoke(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() dto: RevokeRoleDto) {
    return this.commands.execute(new RevokeRole({ userId: id, ...dto }, ctx));
  }
}
