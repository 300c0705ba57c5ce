import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './health/event-store.health';
import { HealthController } from './health/health.controller';
import { ProjectionsHealthIndicator } from './health/projections.health';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';

/** `/health/live`, `/health/ready` and `/metrics`, for the api and the projector alike. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' })],
  controllers: [HealthController, MetricsController],
  providers: [EventStoreHealthIndicator, ProjectionsHealthIndicator, MetricsService],
})
export class OperationsModule {}
