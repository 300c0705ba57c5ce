export * from './embedded-read-store';
export * from './embedded-idempotency-store';
