export * from './inspection.events';
export * from './inspection.decider';
