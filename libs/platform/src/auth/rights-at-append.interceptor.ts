import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defer, finalize, from, Observable, switchMap } from 'rxjs';
import { PrincipalResolver, RightsBarrier } from '@gl/application';
import type { AuthenticatedRequest } from './auth.guard';

const CHANGES_RIGHTS = 'gl:changes-rights';
/** A write that takes rights away (a revocation): it waits for the writes in flight and holds new ones. */
export const ChangesRights = () => SetMetadata(CHANGES_RIGHTS, true);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rights take effect at once: every write is checked against the person's grants as the log has
 * them when it gets through the barrier (not the users projection, which lags), and a revocation
 * is never overtaken by a write that started before it was appended.
 */
@Injectable()
export class RightsAtAppendInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly barrier: RightsBarrier,
    private readonly principals: PrincipalResolver,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (READS.has(req.method) || !req.principal) return next.handle();
    const exclusive =
      this.reflector.getAllAndOverride<boolean>(CHANGES_RIGHTS, [context.getHandler(), context.getClass()]) === true;
    return defer(() => from(exclusive ? this.barrier.changeRights() : this.barrier.write())).pipe(
      switchMap((release) =>
        from(this.withRightsFromLog(req)).pipe(
          switchMap(() => next.handle()),
          finalize(release),
        ),
      ),
    );
  }

  private async withRightsFromLog(req: AuthenticatedRequest): Promise<void> {
    const current = await this.principals.fromLog(req.principal!.actor.userId);
    if (!current) throw new UnauthorizedException(`no registered user ${req.principal!.actor.userId}`);
    req.principal = current;
  }
}
