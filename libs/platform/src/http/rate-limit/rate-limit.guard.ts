import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { RateLimitPolicyName } from './rate-limit-policies';
import { RateLimiter } from './rate-limiter';

/**
 * @nestjs/throttler's guard with our answer: the limits of rate-limit.module.ts counted in its
 * storage, 429 problem+json with Retry-After and the IETF RateLimit fields instead of its
 * X-RateLimit-* headers. Runs after AuthGuard, so a request counts against its user.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(): Promise<boolean> {
    return !this.limiter.enabled;
  }

  /** One budget for the whole API (the library's default key counts each route apart). */
  protected override generateKey(_context: unknown, tracker: string): string {
    return tracker;
  }

  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const name = throttler.name as RateLimitPolicyName;
    const tracker = generateKey(context, await getTracker(req, context), name);
    await this.limiter.consume(
      { name, quota: limit, windowSeconds: ttl / 1000 },
      tracker,
      context.switchToHttp().getResponse<Response>(),
    );
    return true;
  }
}
