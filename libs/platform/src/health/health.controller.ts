import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectionsHealthIndicator } from './projections.health';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { Public } from '../auth/auth.guard';
import { NotRateLimited } from '../http/rate-limit/rate-limit-policies';
import { Answers } from '../http/schema-params.decorators';
import { OneOf, Type } from '@gl/domain';

const CHECKS = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Object({ status: Type.String({ maxLength: 20 }) }, { additionalProperties: true }),
);
/** The readiness body as terminus writes it: each check's status under info (up) or error (down), all under details. */
const READINESS = Type.Object({
  status: OneOf(['ok', 'error', 'shutting_down']),
  info: Type.Optional(CHECKS),
  error: Type.Optional(CHECKS),
  details: Type.Optional(CHECKS),
});

/**
 * Probes for orchestrators: live = the process answers; ready = it can serve (not shutting down, the event store
 * answers; the read store answers and its projections are not failed or too far behind).
 */
@Public()
@NotRateLimited()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projections: ProjectionsHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @Answers(Type.Object({ status: Type.Literal('ok') }), 200, 'The process is up')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  // Terminus's own entry is OpenAPI 3.0 (nullable); ours describes the same body in 3.1.
  @HealthCheck({ swaggerDocumentation: false })
  @Answers(READINESS, 200, 'Ready: every check is up')
  @Answers(READINESS, 503, "Not ready: shutting down, or a check is down (terminus's body, not problem+json)")
  @ApiOperation({
    summary:
      'Readiness: not shutting down, stores answer, projections are not failed or too far behind (503 otherwise)',
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    // Orchestrators and dashboards read terminus's own body, so a 503 keeps it rather than problem+json.
    // Shutting down: not ready at once, without asking stores that are about to close.
    if (this.shutdown.draining) {
      res.status(503);
      const down = { shutdown: { status: 'down', message: 'shutting down: send new work elsewhere' } };
      return { status: 'error', info: {}, error: down, details: down };
    }
    try {
      return await this.health.check([() => this.eventStore.check(), () => this.projections.check()]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(503);
      return e.getResponse();
    }
  }
}
