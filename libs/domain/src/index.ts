export * from './shared/actor';
export * from './shared/calendar-date';
export * from './shared/clock';
export * from './shared/event';
export * from './shared/text';
export * from './units';
export * from './access';
export * from './plans';
