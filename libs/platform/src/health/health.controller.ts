import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectionsHealthIndicator } from './projections.health';
import { Public } from '../auth/auth.guard';
import { NotRateLimited } from '../http/rate-limit/rate-limit-policies';

/**
 * Probes for orchestrators: live = the process answers; ready = it can serve (the event store
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
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: stores answer, projections are not failed or too far behind (503 otherwise)' })
  async ready(@Res({ passthrough: true }) res: Response) {
    // Orchestrators and dashboards read terminus's own body, so a 503 keeps it rather than problem+json.
    try {
      return await this.health.check([() => this.eventStore.check(), () => this.projections.check()]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(503);
      return e.getResponse();
    }
  }
}
