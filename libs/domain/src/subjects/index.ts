export * from './subject-units';
