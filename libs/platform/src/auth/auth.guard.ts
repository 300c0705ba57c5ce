import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  Optional,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Principal, PrincipalResolver } from '@gl/application';
import { InvalidTokenError, TokenService } from './token.service';
import { RateLimiter } from '../http/rate-limit/rate-limiter';

const PUBLIC = 'gl:public';
/** Where @nestjs/swagger reads an operation's security requirements (its ApiSecurity decorator's key). */
const SWAGGER_SECURITY = 'swagger/apiSecurity';
/**
 * Open to anyone: probes, metrics, documentation. Everything else needs a bearer token — the
 * document says so once, for all operations; a public one says it takes none (`security: [{}]`).
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC, true), SetMetadata(SWAGGER_SECURITY, [{}]));

export type AuthenticatedRequest = Request & { principal?: Principal; tokenExpiresAt?: Date };

/** The authenticated person behind the request (set by AuthGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException('no authenticated principal');
  return principal;
});

/**
 * Default deny: a bearer JWT that verifies, for a registered person, on every route not marked
 * @Public. Each refusal counts against the client address (RateLimiter): past the limit the answer
 * is 429, not 401, until the window ends. A valid token from that address still passes, since an
 * office shares one address and one broken script should not lock everyone out.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalResolver,
    @Optional() private readonly limiter?: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.header('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    const refuse = async (message: string): Promise<never> => {
      await this.limiter?.failedAuthentication(req, context.switchToHttp().getResponse<Response>());
      throw new UnauthorizedException(message);
    };
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      return refuse('a bearer token is required (Authorization: Bearer <token>)');
    let subject: string;
    try {
      const claims = await this.tokens.verifyClaims(token);
      subject = claims.subject;
      req.tokenExpiresAt = claims.expiresAt;
    } catch (e) {
      return refuse(e instanceof InvalidTokenError ? e.message : 'invalid bearer token');
    }
    const principal = await this.principals.resolve(subject);
    if (!principal) return refuse(`no registered user ${subject}`);
    req.principal = principal;
    return true;
  }
}
