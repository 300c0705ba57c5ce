export * from './port/read-store.port';
export * from './port/projection-store.port';
export * from './engine/projection';
export * from './engine/apply-events';
export * from './engine/projection-runner';
export * from './engine/projection-engine';
export * from './projections/all-projections';
export * from './projections/audit/stream-catalogue.projection';
