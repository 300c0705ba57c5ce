export * from './embedded-read-store';
export * from './embedded-idempotency-store';
export * from './embedded-webhook-store';
