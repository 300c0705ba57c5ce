export * from './fixed-clock';
export * from './event-builders';
