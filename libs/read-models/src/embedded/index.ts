export * from './embedded-read-store';
