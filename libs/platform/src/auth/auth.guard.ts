import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Principal, PrincipalResolver } from '@gl/application';
import { InvalidTokenError, TokenService } from './token.service';

const PUBLIC = 'gl:public';
/** Open to anyone: probes, metrics, documentation. Everything else needs a bearer token. */
export const Public = () => SetMetadata(PUBLIC, true);

export type AuthenticatedRequest = Request & { principal?: Principal; tokenExpiresAt?: Date };

/** The authenticated person behind the request (set by AuthGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException('no authenticated principal');
  return principal;
});

/** Default deny: a bearer JWT that verifies, for a registered person, on every route not marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.header('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <token>)');
    let subject: string;
    try {
      const claims = await this.tokens.verifyClaims(token);
      subject = claims.subject;
      req.tokenExpiresAt = claims.expiresAt;
    } catch (e) {
      throw new UnauthorizedException(e instanceof InvalidTokenError ? e.message : 'invalid bearer token');
    }
    const principal = await this.principals.resolve(subject);
    if (!principal) throw new UnauthorizedException(`no registered user ${subject}`);
    req.principal = principal;
    return true;
  }
}
