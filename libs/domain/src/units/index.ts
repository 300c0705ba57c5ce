export * from './unit.types';
export * from './unit.events';
export * from './unit.errors';
export * from './unit-timeline';
export * from './unit-registry.decider';
export * from './unit-names-vi';
