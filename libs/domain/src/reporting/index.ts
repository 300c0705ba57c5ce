export * from './reporting.events';
export * from './report.decider';
