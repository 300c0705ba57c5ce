export * from './shared/actor';
export * from './shared/clock';
export * from './shared/event';
