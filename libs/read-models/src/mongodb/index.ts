export * from './mongo-read-store';
export * from './mongo-idempotency-store';
export * from './mongo-webhook-store';
