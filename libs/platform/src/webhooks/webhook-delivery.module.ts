import { Global, Module } from '@nestjs/common';
import { UnitDirectory } from '@gl/application';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookMetrics } from './webhook-metrics';
import { WebhookStoreModule } from './webhook-store.module';

/**
 * Delivery of the log to the webhook endpoints (ADR 0011) and its metrics. Imported by the api and
 * the projector alike; the dispatcher starts only where `config.webhooks.deliver` says. Global, so
 * the metrics of /metrics (OperationsModule) find WebhookMetrics.
 */
@Global()
@Module({
  imports: [WebhookStoreModule],
  providers: [UnitDirectory, WebhookDispatcher, WebhookMetrics],
  exports: [WebhookDispatcher, WebhookMetrics],
})
export class WebhookDeliveryModule {}
