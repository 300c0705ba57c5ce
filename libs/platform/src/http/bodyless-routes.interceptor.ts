import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Observable } from 'rxjs';
import { UnexpectedBodyError } from './text-input.errors';

const BODY = `${RouteParamtypes.BODY}:`;

const isEmpty = (body: unknown) =>
  body === undefined ||
  (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * A step that reads no body (an acknowledgement, a submission) refuses one that is not empty, as
 * every other write refuses an unknown field: a body sent there is a client's mistake, not a 201.
 * Whether a handler reads its body is what its parameters declare (@Body, or BodyOf built on it).
 */
@Injectable()
export class BodylessRoutesInterceptor implements NestInterceptor {
  private readonly readsBody = new Map<string, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    if (isEmpty(body) || this.takesBody(context)) return next.handle();
    throw new UnexpectedBodyError(body);
  }

  private takesBody(context: ExecutionContext): boolean {
    const controller = context.getClass();
    const handler = context.getHandler().name;
    const key = `${controller.name}.${handler}`;
    let reads = this.readsBody.get(key);
    if (reads === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, unknown>;
      reads = Object.keys(args).some((k) => k.startsWith(BODY));
      this.readsBody.set(key, reads);
    }
    return reads;
  }
}
