import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  ChangeWebhookStatusHandler,
  GetWebhookHandler,
  ListWebhookDeliveriesHandler,
  ListWebhooksHandler,
  RECEIVER_CHECK,
  ReceiverCheck,
  RegisterWebhookHandler,
  ReplayWebhookHandler,
  RotateWebhookSecretHandler,
  UpdateWebhookHandler,
  WEBHOOK_REGISTRY_SETTINGS,
  WebhookRegistry,
  WebhookRegistrySettings,
  WebhookViews,
} from '@gl/application';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { checkReceiverUrl, LookupFunction, resolveAndCheck } from './receiver-address';

/**
 * The SSRF rules at registration: the URL as written, then every address its host resolves to
 * (https only in production; loopback and private receivers only with WEBHOOK_ALLOW_PRIVATE).
 */
export const receiverCheckOf =
  (config: AppConfig, lookup?: LookupFunction): ReceiverCheck =>
  async (url) => {
    const policy = { production: config.nodeEnv === 'production', allowPrivate: config.webhooks.allowPrivate };
    const refused = checkReceiverUrl(url, policy);
    if (refused) return refused;
    return resolveAndCheck(new URL(url).hostname, lookup, { allowPrivate: policy.allowPrivate });
  };

/** The integration admin's registry of webhook endpoints (the api's; the store is WebhookStoreModule's). */
@Module({
  imports: [CqrsModule],
  providers: [
    WebhookRegistry,
    WebhookViews,
    RegisterWebhookHandler,
    UpdateWebhookHandler,
    ChangeWebhookStatusHandler,
    RotateWebhookSecretHandler,
    ReplayWebhookHandler,
    ListWebhooksHandler,
    GetWebhookHandler,
    ListWebhookDeliveriesHandler,
    { provide: RECEIVER_CHECK, inject: [APP_CONFIG], useFactory: (c: AppConfig) => receiverCheckOf(c) },
    {
      provide: WEBHOOK_REGISTRY_SETTINGS,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig): WebhookRegistrySettings => ({ rotationOverlapMs: c.webhooks.rotationOverlapMs }),
    },
  ],
})
export class WebhookRegistryModule {}
