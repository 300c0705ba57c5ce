import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '@gl/platform';

/** Probes for orchestrators: live = the process answers; ready = it can serve (stores reachable). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the event store answers (503 otherwise)' })
  async ready(@Res({ passthrough: true }) res: Response) {
    // Orchestrators and dashboards read terminus's own body, so a 503 keeps it rather than problem+json.
    try {
      return await this.health.check([() => this.eventStore.check()]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(503);
      return e.getResponse();
    }
  }
}
