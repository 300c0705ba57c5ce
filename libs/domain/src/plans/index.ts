export * from './time-frame';
export * from './plan.events';
export * from './plan.decider';
export * from './obligation.events';
export * from './obligation.decider';
export * from './fan-out';
