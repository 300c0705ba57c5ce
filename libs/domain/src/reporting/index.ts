export * from './reporting.events';
export * from './report.decider';
export * from './period.decider';
export * from './report-compilation';
