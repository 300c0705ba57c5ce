import { Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext, GetUser, GrantRole, ListUsers, Principal, RegisterUser, RevokeRole } from '@gl/application';
import { UserDocSchema } from '@gl/read-models';
import { Answers, BodyOf, ChangesRights, CurrentPrincipal, QueryOf, WriteContext } from '@gl/platform';
import { GrantRoleBody, ListUsersQuery, RegisterUserBody, RevokeRoleBody } from './users.requests';
import { UsersPage, UserWriteResult } from './users.responses';

/** People and the roles they hold, granted and revoked with dates and by whom. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'People of the units the caller may read' })
  @Answers(UsersPage)
  @ApiNotFoundResponse({ description: 'The unit is not in your scope' })
  list(@CurrentPrincipal() p: Principal, @QueryOf(ListUsersQuery) q: ListUsersQuery) {
    return this.queries.execute(new ListUsers(p.scope, q.unitId, q.page, q.pageSize));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A person: their unit and every grant with its period' })
  @Answers(UserDocSchema)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetUser(p.scope, id));
  }

  @Post()
  @ApiOperation({ summary: 'Register a person in a unit (plan coordinator)' })
  @Answers(UserWriteResult, 201, 'Recorded')
  register(@WriteContext() ctx: CommandContext, @BodyOf(RegisterUserBody) body: RegisterUserBody) {
    return this.commands.execute(new RegisterUser(body, ctx));
  }

  @Post(':id/grants')
  @ApiOperation({ summary: 'Grant a role from now (plan coordinator)' })
  @Answers(UserWriteResult, 201, 'Recorded')
  grant(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(GrantRoleBody) body: GrantRoleBody) {
    return this.commands.execute(new GrantRole({ userId: id, ...body }, ctx));
  }

  @Post(':id/revocations')
  @ChangesRights()
  @ApiOperation({ summary: 'Revoke a role from now, with a reason (plan coordinator)' })
  @Answers(UserWriteResult, 201, 'Recorded')
  revoke(@WriteContext() ctx: CommandContext, @Param('id') id: string, @BodyOf(RevokeRoleBody) body: RevokeRoleBody) {
    return this.commands.execute(new RevokeRole({ userId: id, ...body }, ctx));
  }
}
