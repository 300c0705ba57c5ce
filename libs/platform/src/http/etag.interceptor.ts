import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { PreconditionFailedError } from '@gl/application';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { ProjectionEngine } from '@gl/read-models';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { ReadModelBehindError } from './read-your-writes.interceptor';
import { resourceStreamOf } from './resource-streams';

/** What a write asked for with If-Match, read by WriteContext into the command's context. */
export type IfMatchRequest = Request & { ifMatch?: { stream: string; revision: number | 'any' } };

const API_PREFIX = /^\/?api\/v1\//;
const TAG = /^"(0|[1-9]\d{0,15})"$/;

/** `*`, or one strong tag `"<revision>"` (a list or a weak tag cannot match one revision: RFC 9110 §13.1.1). */
const parseIfMatch = (header: string, stream: string, current: number | null): number | 'any' => {
  const value = header.trim();
  if (value === '*') return 'any';
  const m = TAG.exec(value);
  if (m) return Number(m[1]);
  if (/^W\//.test(value) || value.includes(',')) throw new PreconditionFailedError(stream, -1, current);
  throw new BadRequestException('If-Match is "*" or the ETag a GET of this resource answered, e.g. "3"');
};

/**
 * ETags from stream revisions (issue 14, item 6). A GET of a resource answers `ETag: "<revision>"`
 * once the read models have applied that revision (so the body is the state the tag names); a
 * write under the resource may send it back in If-Match and is refused with 412, writing nothing,
 * when the stream has moved on — checked here and again, atomically, by the stream runner's append.
 */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<IfMatchRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const template = (req.route as { path?: string } | undefined)?.path?.replace(API_PREFIX, '');
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    const stream = template ? resourceStreamOf(template, req.params as Record<string, string>, write) : null;
    const ifMatch = req.header('if-match');
    if (!stream) {
      if (ifMatch !== undefined && write)
        throw new BadRequestException(
          'If-Match is taken on writes to a resource that answers an ETag (obligations, activities, plans, inspections, reports, users, units)',
        );
      return next.handle();
    }
    const [last] = await this.store.readStream(stream, { direction: 'backward', maxCount: 1 });
    const current = last ? last.revision : null;
    if (!write) {
      if (last) {
        if (!(await this.engine.waitFor(last.position, this.config.readWaitMaxMs)))
          throw new ReadModelBehindError(last.position, this.config.readWaitMaxMs);
        res.setHeader('ETag', `"${last.revision}"`);
      }
      return next.handle();
    }
    if (ifMatch !== undefined) {
      const revision = parseIfMatch(ifMatch, stream, current);
      if (current === null || (revision !== 'any' && revision !== current))
        throw new PreconditionFailedError(stream, revision, current);
      req.ifMatch = { stream, revision };
    }
    // The write's answer names the resource's new revision: the tag to send with the next write.
    return next.handle().pipe(
      tap((body: unknown) => {
        const r = body as { stream?: string; revision?: number } | undefined;
        if (r?.stream === stream && typeof r.revision === 'number' && !res.headersSent)
          res.setHeader('ETag', `"${r.revision}"`);
      }),
    );
  }
}
