import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, normalizeIp, ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import {
  limitField,
  policyField,
  RateLimitedError,
  RateLimitPolicy,
  rateLimitPolicies,
  RateLimitState,
} from './rate-limit-policies';

const STATES = Symbol('rate-limit-states');
type Tracked = Response & { [STATES]?: RateLimitState[] };

/** The client address a limit counts: the peer, or what trusted proxies say (TRUST_PROXY). */
export const clientAddress = (req: Request): string => normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown');

/**
 * Counts requests against a policy in @nestjs/throttler's storage, writes the RateLimit fields of
 * every policy counted so far on the response, and throws RateLimitedError when the policy is
 * exhausted (for the rest of its window: a blocked request is not counted again).
 */
@Injectable()
export class RateLimiter {
  private readonly policies;

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.policies = rateLimitPolicies(config.rateLimits);
  }

  get enabled(): boolean {
    return this.config.rateLimits.enabled;
  }

  async consume(policy: RateLimitPolicy, tracker: string, res: Response): Promise<void> {
    const windowMs = policy.windowSeconds * 1000;
    const r = await this.storage.increment(`${policy.name}:${tracker}`, windowMs, policy.quota, windowMs, policy.name);
    const state = {
      policy,
      remaining: policy.quota - r.totalHits,
      resetSeconds: r.isBlocked ? r.timeToBlockExpire : r.timeToExpire,
    };
    const states = ((res as Tracked)[STATES] ??= []);
    states.push(state);
    if (!res.headersSent)
      res.setHeader('RateLimit-Policy', policyField(states)).setHeader('RateLimit', limitField(states));
    if (r.isBlocked) throw new RateLimitedError({ ...state, remaining: 0 });
  }

  /** A refused authentication from this request's address; throws once the address has had too many. */
  async failedAuthentication(req: Request, res: Response): Promise<void> {
    if (this.enabled) await this.consume(this.policies['failed-auth'], clientAddress(req), res);
  }
}
