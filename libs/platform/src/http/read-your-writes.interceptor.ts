import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { InvalidPositionError, isPosition } from '@gl/event-store';
import { ProjectionEngine } from '@gl/read-models';
import { AppConfig, APP_CONFIG } from '../config/app-config';

/** A write answers with the position of what it recorded; a read sends it back in this header. */
export const WAIT_FOR_POSITION_HEADER = 'x-wait-for-position';
/** How long the read may wait, in ms, at most READ_WAIT_MAX_MS. */
export const WAIT_TIMEOUT_HEADER = 'x-wait-timeout-ms';

/** The read models had not reached the position in time: retry shortly. HTTP 503. */
export class ReadModelBehindError extends Error {
  static readonly problem = {
    type: '/problems/read-model-behind',
    status: 503,
    title: 'Read models not yet up to date',
  };
  readonly extensions: { position: string; retryAfterSeconds: number };
  constructor(
    readonly position: string,
    readonly waitedMs: number,
  ) {
    super(`the read models had not reached position ${position} after ${waitedMs} ms; retry shortly.`);
    this.extensions = { position, retryAfterSeconds: 1 };
    this.name = 'ReadModelBehindError';
  }
}

/**
 * Read-your-writes: a GET with `X-Wait-For-Position` is answered once every projection of this
 * process has applied the log up to that position, or refused with 503 when the wait runs out.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const position = req.header(WAIT_FOR_POSITION_HEADER);
    if (position === undefined || req.method !== 'GET') return next.handle();
    if (!isPosition(position)) throw new InvalidPositionError(position);
    const asked = req.header(WAIT_TIMEOUT_HEADER);
    const timeout = asked === undefined ? this.config.readWaitMaxMs : Number(asked);
    if (!Number.isInteger(timeout) || timeout < 0) {
      throw new BadRequestException(`${WAIT_TIMEOUT_HEADER} must be a whole number of milliseconds`);
    }
    const waited = Math.min(timeout, this.config.readWaitMaxMs);
    if (!(await this.engine.waitFor(position, waited))) throw new ReadModelBehindError(position, waited);
    return next.handle();
  }
}
