export * from './activity.events';
export * from './activity-rules';
export * from './activity.decider';
