export * from './fixed-clock';
export * from './event-builders';
export * from './recorded-events';
export * from './projection-spec';
export * from './decider-spec';
export * from './entries-projection';
export * from './unit-events';
