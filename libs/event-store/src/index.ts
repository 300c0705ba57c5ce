export * from './port/envelope';
export * from './port/errors';
export * from './port/event-store.port';
export * from './port/position';
export * from './hashing/hash-chain';
export * from './hashing/verify';
export * from './serialization/upcaster-registry';
export * from './serialization/upcasting-event-store';
