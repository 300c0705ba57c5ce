export * from './sqlite-event-store';
export { SqliteSynchronous, SQLITE_SYNCHRONOUS_LEVELS } from './sqlite-schema';
