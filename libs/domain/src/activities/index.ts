export * from './activity.events';
export * from './activity-rules';
export * from './activity.decider';
export * from './activity-dates';
export * from './activity.upcasters';
