import { BadRequestException, createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { CommandContext } from '@gl/application';
import type { AuthenticatedRequest } from './auth.guard';
import { boundIdempotencyKey, IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../http/idempotency-request';
import { correlationIdOf } from '../http/request-id';
import { checkText } from '../http/text-input';
import type { IfMatchRequest } from '../http/etag.interceptor';

/**
 * The context of a write: the authenticated actor and scope, the correlation id (X-Correlation-Id
 * or the request id), the Idempotency-Key bound to this request (see boundIdempotencyKey), and the
 * reason (X-Reason, percent-encoded UTF-8) if given.
 */
export const WriteContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new UnauthorizedException('no authenticated principal');
  const key = parseIdempotencyKey(req.header(IDEMPOTENCY_KEY_HEADER));
  const reason = req.header('x-reason');
  let decodedReason: string | undefined;
  try {
    decodedReason = reason ? decodeURIComponent(reason).normalize('NFC') : undefined;
  } catch {
    throw new BadRequestException('X-Reason must be percent-encoded UTF-8');
  }
  // A reason is a long text, and is stored: the body's rule on control characters holds for it too.
  if (decodedReason) checkText(decodedReason, 'X-Reason', 'reason', 'header');
  return {
    actor: req.principal.actor,
    scope: req.principal.scope,
    correlationId: correlationIdOf(req),
    ...(key && { idempotencyKey: boundIdempotencyKey(req, key) }),
    ...(decodedReason && { reason: decodedReason }),
    ...((req as IfMatchRequest).ifMatch && { ifMatch: (req as IfMatchRequest).ifMatch }),
  };
});
