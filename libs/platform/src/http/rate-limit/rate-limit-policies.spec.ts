import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Response } from 'express';
import { loadConfig } from '../../config/app-config';
import { limitField, policyField, RateLimitedError, rateLimitPolicies } from './rate-limit-policies';
import { RateLimiter } from './rate-limiter';

const policies = rateLimitPolicies(loadConfig({}).rateLimits);

describe('rate limit fields (draft-ietf-httpapi-ratelimit-headers-10)', () => {
  it('lists each policy with its quota and window, and what is left of each', () => {
    const states = [
      { policy: policies.address, remaining: 2990, resetSeconds: 55 },
      { policy: policies.user, remaining: -1, resetSeconds: 41 },
    ];
    expect(policyField(states)).toBe('"address";q=3000;w=60, "user";q=600;w=60');
    expect(limitField(states)).toBe('"address";r=2990;t=55, "user";r=0;t=41');
  });

  it('declares a 429 problem that says which limit, and when to retry', () => {
    const e = new RateLimitedError({ policy: policies['failed-auth'], remaining: 0, resetSeconds: 42 });
    expect(RateLimitedError.problem).toEqual({
      type: '/problems/rate-limited',
      status: 429,
      title: 'Too many requests',
    });
    expect(e.message).toBe('more than 20 failed authentications from this address in 60 s; retry after 42 s');
    expect(e.extensions).toEqual({ policy: 'failed-auth', quota: 20, windowSeconds: 60, retryAfterSeconds: 42 });
  });
});

describe('RateLimiter', () => {
  const response = () => {
    const headers: Record<string, string> = {};
    const res = {
      headersSent: false,
      setHeader: (k: string, v: string) => {
        headers[k] = v;
        return res;
      },
    };
    return { res: res as unknown as Response, headers };
  };
  const storage = new ThrottlerStorageService();
  afterAll(() => storage.onApplicationShutdown());

  it('lets the quota through, then refuses for the rest of the window', async () => {
    const limiter = new RateLimiter(storage, loadConfig({ RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: '3' }));
    const req = { ip: '::ffff:198.51.100.4' } as never;
    for (let i = 0; i < 3; i++) await limiter.failedAuthentication(req, response().res);
    const last = response();
    await expect(limiter.failedAuthentication(req, last.res)).rejects.toBeInstanceOf(RateLimitedError);
    expect(last.headers['RateLimit-Policy']).toBe('"failed-auth";q=3;w=60');
    expect(last.headers.RateLimit).toMatch(/^"failed-auth";r=0;t=(60|59)$/);
    // Another address has its own count.
    await expect(
      limiter.failedAuthentication({ ip: '198.51.100.5' } as never, response().res),
    ).resolves.toBeUndefined();
  });

  it('counts nothing when the limits are off', async () => {
    const limiter = new RateLimiter(
      storage,
      loadConfig({ RATE_LIMIT_ENABLED: 'false', RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: '1' }),
    );
    for (let i = 0; i < 5; i++) await limiter.failedAuthentication({ ip: '198.51.100.6' } as never, response().res);
  });
});
