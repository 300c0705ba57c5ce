import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetUnit, GetUser, systemScope } from '@gl/application';
import { vietnamDateOf } from '@gl/domain';
import type { UserDoc } from '@gl/read-models';
import { Answers, APP_CONFIG, AppConfig, BodyOf, Public, seedDirectory, TokenService } from '@gl/platform';
import { DemoSession, DemoSignInBody, SignInOptions } from './sign-in.responses';

interface DemoUsersFile {
  users: { userId: string }[];
}

/**
 * What the web app's sign-in page offers: the demo users in embedded, non-production runs that
 * seeded them, and the identity provider when one is configured. Public: nobody has a token yet.
 */
@ApiTags('sign-in')
@Controller('sign-in')
export class SignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: QueryBus,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Get('options')
  @ApiOperation({ summary: 'How to sign in here: demo users (not in production) and the identity provider' })
  @Answers(SignInOptions)
  async options() {
    const users = await this.demoUsers();
    return { demo: users ? { users } : null, oidc: this.oidc() };
  }

  @Public()
  @Post('demo')
  @HttpCode(201)
  @ApiOperation({ summary: 'A token for a seeded demo user (not in production)' })
  @Answers(DemoSession, 201, 'Signed in')
  async demo(@BodyOf(DemoSignInBody) body: DemoSignInBody) {
    const users = await this.demoUsers();
    if (!users?.some((u) => u.userId === body.userId)) throw new NotFoundException(`no demo user ${body.userId}`);
    const ttl = this.config.auth.tokenTtlSeconds;
    const token = await this.tokens.sign(body.userId, ttl);
    return { token, tokenType: 'Bearer', expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /** The demo users that are registered in this record, or null where demo sign-in is off. */
  private async demoUsers() {
    if (this.config.nodeEnv === 'production' || !this.tokens.canSign()) return null;
    let file: DemoUsersFile;
    try {
      file = JSON.parse(readFileSync(join(seedDirectory(), 'users', 'demo-users.json'), 'utf8')) as DemoUsersFile;
    } catch {
      return null;
    }
    const scope = systemScope();
    const found = [];
    for (const { userId } of file.users) {
      const user: UserDoc | null = await this.queries.execute(new GetUser(scope, userId)).catch(() => null);
      if (!user) continue;
      const unit = await this.queries
        .execute(new GetUnit(scope, user.unitId, vietnamDateOf(new Date())))
        .catch(() => null);
      found.push({
        userId: user.userId,
        displayName: user.displayName,
        unitId: user.unitId,
        unitName: unit?.onDate?.name ?? unit?.history.names.at(-1)?.value.name ?? user.unitId,
        roles: user.grants.filter((g) => !g.until).map((g) => ({ role: g.role, unitId: g.unitId })),
      });
    }
    return found.length ? found : null;
  }

  /** The identity provider and the web app's public client there, when both are configured. */
  private oidc() {
    const { oidcIssuer, oidcClientId, oidcScope, oidcResource } = this.config.auth;
    if (!oidcIssuer || !oidcClientId) return null;
    return { issuer: oidcIssuer, clientId: oidcClientId, scope: oidcScope, resource: oidcResource };
  }
}
