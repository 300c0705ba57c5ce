import { Projection, projection } from '@gl/read-models';

/** An entry of some amount under a unit: it may move to another unit, be withdrawn or erased. */
export interface Entry {
  unitId: string;
  n: number;
  withdrawn?: boolean;
}
export type EntryData = { entryId: string; unitId?: string; n?: number };

/** The collection of the entries' figures per unit. */
export const ENTRY_FIGURES = 'entries-figures';

/**
 * A projection of entries with figures per unit (a sum and a count: a double count or a lost move
 * shows in one of them), for the engine's and time travel's tests.
 */
export const entriesProjection = (version = 1): Projection<Entry> =>
  projection<Entry>({
    name: 'entries',
    version,
    handles: ['entry.recorded.v1', 'entry.moved.v1', 'entry.withdrawn.v1', 'entry.erased.v1'],
    route: (e) => [(e.data as EntryData).entryId],
    evolve: (doc, e) => {
      const d = e.data as EntryData;
      if (e.type === 'entry.recorded.v1') return { unitId: d.unitId!, n: d.n! };
      if (!doc || e.type === 'entry.erased.v1') return null;
      return e.type === 'entry.moved.v1' ? { ...doc, unitId: d.unitId! } : { ...doc, withdrawn: true };
    },
    figures: {
      collection: ENTRY_FIGURES,
      contribution: (d) => (d.withdrawn ? null : { unitId: d.unitId, figures: { total: d.n, count: 1 } }),
    },
  });
