/**
 * Older shapes of activity events brought up to the current one when read (stored events are never
 * rewritten). Plain functions, registered with the event store's upcaster registry by the platform.
 */
export interface ActivityUpcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

export const ACTIVITY_UPCASTERS: ActivityUpcaster[] = [
  {
    // budget.estimated.v1, schema 1 → 2: the source of the money (plan III.1) was not asked for; it reads as unspecified.
    type: 'budget.estimated.v1',
    fromVersion: 1,
    upcast: (data) => {
      const d = data as Record<string, unknown>;
      return d.source ? { ...d } : { ...d, source: { kind: 'unspecified' } };
    },
  },
];
