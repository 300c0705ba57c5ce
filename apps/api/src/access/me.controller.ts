import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gl/application';
import { Answers, CurrentPrincipal } from '@gl/platform';
import { MeAnswer } from './users.responses';

/** `GET /api/v1/me`: who the token belongs to, the roles held now, and what they reach. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The caller: unit, roles held now, and scope' })
  @Answers(MeAnswer)
  me(@CurrentPrincipal() p: Principal) {
    const { _id, _position, ...user } = p.user as typeof p.user & { _id?: string; _position?: string };
    return {
      user,
      roles: p.scope.roles,
      scope: { readsAll: p.scope.readsAll, reads: [...p.scope.reads].sort(), writes: [...p.scope.writes].sort() },
    };
  }
}
