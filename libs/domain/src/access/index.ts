export * from './user.events';
export * from './user.decider';
export * from './scope';
