/**
 * A domain event: a persisted, stable, dotted and versioned type name (`task.assigned.v1`)
 * and plain data. Never a class name.
 */
export interface DomainEvent<T extends string = string, D = Record<string, unknown>> {
  readonly type: T;
  readonly data: D;
}
