/**
 * A domain event: a persisted, stable, dotted and versioned type name (`task.assigned.v1`)
 * and plain data. Never a class name.
 */
export interface DomainEvent<T extends string = string, D = Record<string, unknown>> {
  readonly type: T;
  readonly data: D;
}

/** The union of the events a map of `type → data schema` describes: the map is the one definition. */
export type EventsOf<M extends Record<string, import('@sinclair/typebox').TSchema>> = {
  [K in keyof M & string]: DomainEvent<K, import('@sinclair/typebox').Static<M[K]>>;
}[keyof M & string];

/** One event of such a map, by its type. */
export type EventOf<
  M extends Record<string, import('@sinclair/typebox').TSchema>,
  K extends keyof M & string,
> = DomainEvent<K, import('@sinclair/typebox').Static<M[K]>>;
