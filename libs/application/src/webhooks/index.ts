export * from './webhook.errors';
export * from './webhook-registry.ports';
export * from './webhook-access';
export * from './webhooks.commands';
export * from './webhooks.queries';
