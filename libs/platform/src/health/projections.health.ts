import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionEngine } from '@gl/read-models';
import { AppConfig, APP_CONFIG } from '../config/app-config';

/**
 * Readiness of the read side: the read store answers, no projection has failed, and none of the
 * live ones is further behind than READY_MAX_LAG_SECONDS. Each projection's lag is in the details.
 */
@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly engine: ProjectionEngine,
    private readonly health: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(key = 'projections') {
    const indicator = this.health.check(key);
    try {
      const status = await this.engine.status();
      const details = Object.fromEntries(
        status.map((s) => [
          s.name,
          {
            state: s.state,
            generation: s.live?.generation ?? null,
            position: s.live?.position ?? null,
            lagEvents: s.live?.lag.events ?? null,
            lagSeconds: s.live?.lag.seconds ?? null,
            ...(s.building && {
              rebuilding: {
                generation: s.building.generation,
                position: s.building.position,
                lagEvents: s.building.lag.events,
              },
            }),
            ...(s.failure && { failure: s.failure.message }),
          },
        ]),
      );
      const failed = status.filter((s) => s.failure || s.state === 'failed').map((s) => s.name);
      // A live generation frozen during a rebuild still answers queries: that is not being behind.
      const behind = status
        .filter((s) => !s.building && s.live && s.live.lag.seconds > this.config.readyMaxLagSeconds)
        .map((s) => s.name);
      if (failed.length || behind.length) {
        return indicator.down({ ...details, ...(failed.length && { failed }), ...(behind.length && { behind }) });
      }
      return indicator.up(details);
    } catch (e) {
      return indicator.down({ message: e instanceof Error ? e.message : String(e) });
    }
  }
}
