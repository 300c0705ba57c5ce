import { BadRequestException, createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@gl/application';
import type { AuthenticatedRequest } from './auth.guard';
import { boundIdempotencyKey, IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../http/idempotency-request';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The context of a write: the authenticated actor and scope, the correlation id (X-Correlation-Id
 * or a new one), the Idempotency-Key bound to this request (see boundIdempotencyKey), and the
 * reason (X-Reason, percent-encoded UTF-8) if given.
 */
export const WriteContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.principal) throw new UnauthorizedException('no authenticated principal');
  const key = parseIdempotencyKey(req.header(IDEMPOTENCY_KEY_HEADER));
  const correlation = req.header('x-correlation-id');
  const reason = req.header('x-reason');
  let decodedReason: string | undefined;
  try {
    decodedReason = reason ? decodeURIComponent(reason).normalize('NFC') : undefined;
  } catch {
    throw new BadRequestException('X-Reason must be percent-encoded UTF-8');
  }
  return {
    actor: req.principal.actor,
    scope: req.principal.scope,
    correlationId: correlation && KEY.test(correlation) ? correlation : randomUUID(),
    ...(key && { idempotencyKey: boundIdempotencyKey(req, key) }),
    ...(decodedReason && { reason: decodedReason }),
  };
});
