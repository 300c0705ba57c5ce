import { DynamicModule, Global, Module } from '@nestjs/common';
import { UnitDirectory } from '@gl/application';
import { WEBHOOKS_DELIVER_HERE, WebhookDispatcher } from './webhook-dispatcher';
import { WebhookMetrics } from './webhook-metrics';
import { WebhookStoreModule } from './webhook-store.module';

/**
 * Delivery of the log to the webhook endpoints (ADR 0011) and its metrics. Imported by the api and
 * the projector alike; the dispatcher starts where `config.webhooks.deliver` says (the api: by default
 * with the embedded read store), or always with `forRoot({ deliver: true })` (the projector, server mode). Global, so
 * the metrics of /metrics (OperationsModule) find WebhookMetrics.
 */
@Global()
@Module({
  imports: [WebhookStoreModule],
  providers: [UnitDirectory, WebhookDispatcher, WebhookMetrics],
  exports: [WebhookDispatcher, WebhookMetrics],
})
export class WebhookDeliveryModule {
  /** `deliver` decides for this process whatever WEBHOOKS_DELIVER says (the projector: always, it runs only in server mode). */
  static forRoot(options: { deliver: boolean }): DynamicModule {
    return {
      module: WebhookDeliveryModule,
      providers: [{ provide: WEBHOOKS_DELIVER_HERE, useValue: options.deliver }],
    };
  }
}
