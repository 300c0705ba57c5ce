import { ExecutionContext, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import type { Principal } from '@gl/application';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { rateLimitPolicies } from './rate-limit-policies';
import { RateLimitGuard } from './rate-limit.guard';
import { clientAddress, RateLimiter } from './rate-limiter';

type WithPrincipal = Request & { principal?: Principal };
const principalOf = (context: ExecutionContext) => context.switchToHttp().getRequest<WithPrincipal>().principal;

/**
 * The abuse limits of the api (RATE_LIMIT_*): per client address and per user through
 * RateLimitGuard (an APP_GUARD placed after AuthGuard), failed authentications per address
 * through RateLimiter, which AuthGuard calls. Counts live in this process's memory.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const p = rateLimitPolicies(config.rateLimits);
        return {
          throttlers: [
            {
              name: 'address',
              limit: p.address.quota,
              ttl: p.address.windowSeconds * 1000,
              getTracker: (req) => clientAddress(req as Request),
            },
            {
              name: 'user',
              limit: p.user.quota,
              ttl: p.user.windowSeconds * 1000,
              // Public routes have no user; their requests count against the address only.
              skipIf: (context) => !principalOf(context),
              getTracker: (_req, context) => principalOf(context)!.actor.userId,
            },
          ],
        };
      },
    }),
  ],
  providers: [RateLimiter, RateLimitGuard],
  exports: [RateLimiter, RateLimitGuard],
})
export class RateLimitModule {}
