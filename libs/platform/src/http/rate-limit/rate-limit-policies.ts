import { SkipThrottle } from '@nestjs/throttler';
import type { AppConfig } from '../../config/app-config';

/**
 * The abuse limits (fixed windows): every request by one person (the token's subject); every
 * request from one client address (an office behind one NAT shares it, so it is generous); and,
 * much stricter, failed authentications from one address, which is what guessing and broken
 * scripts look like.
 */
export type RateLimitPolicyName = 'user' | 'address' | 'failed-auth';

export interface RateLimitPolicy {
  name: RateLimitPolicyName;
  quota: number;
  windowSeconds: number;
}

export const rateLimitPolicies = (limits: AppConfig['rateLimits']): Record<RateLimitPolicyName, RateLimitPolicy> => ({
  address: { name: 'address', quota: limits.perAddress, windowSeconds: limits.windowSeconds },
  user: { name: 'user', quota: limits.perUser, windowSeconds: limits.windowSeconds },
  'failed-auth': { name: 'failed-auth', quota: limits.failedAuthPerAddress, windowSeconds: limits.windowSeconds },
});

/** Where a policy stands after a request: what is left, and in how many seconds it resets. */
export interface RateLimitState {
  policy: RateLimitPolicy;
  remaining: number;
  resetSeconds: number;
}

/*
 * The fields of draft-ietf-httpapi-ratelimit-headers-10 (the current form, Structured Fields
 * lists): `RateLimit-Policy: "user";q=600;w=60` and `RateLimit: "user";r=598;t=41`. The older
 * RateLimit-Limit/-Remaining/-Reset trio is not sent.
 */
export const policyField = (states: RateLimitState[]): string =>
  states.map(({ policy: p }) => `"${p.name}";q=${p.quota};w=${p.windowSeconds}`).join(', ');

export const limitField = (states: RateLimitState[]): string =>
  states.map((s) => `"${s.policy.name}";r=${Math.max(0, s.remaining)};t=${Math.max(0, s.resetSeconds)}`).join(', ');

/** A request over a limit: 429 problem+json; `retryAfterSeconds` also becomes Retry-After. */
export class RateLimitedError extends Error {
  static readonly problem = { type: '/problems/rate-limited', status: 429, title: 'Too many requests' };
  readonly extensions: { policy: RateLimitPolicyName; quota: number; windowSeconds: number; retryAfterSeconds: number };

  constructor(state: RateLimitState) {
    const { name, quota, windowSeconds } = state.policy;
    const what =
      name === 'failed-auth'
        ? 'failed authentications from this address'
        : name === 'user'
          ? 'requests by this user'
          : 'requests from this address';
    super(`more than ${quota} ${what} in ${windowSeconds} s; retry after ${state.resetSeconds} s`);
    this.name = 'RateLimitedError';
    this.extensions = { policy: name, quota, windowSeconds, retryAfterSeconds: Math.max(1, state.resetSeconds) };
  }
}

/** Probes and scrapes are never limited: a throttled readiness probe would take a healthy instance out. */
export const NotRateLimited = () => SkipThrottle({ user: true, address: true });
