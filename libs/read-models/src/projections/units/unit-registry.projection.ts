import { evolveRegistry, Unit, UNIT_EVENT_TYPES, UNIT_REGISTRY_STREAM, UnitEvent } from '@gl/domain';
import type { RecordedEvent } from '@gl/event-store';
import { projection } from '../../engine/projection';

/**
 * The whole organisation tree with its history, in one document: a reorganisation (a level
 * abolished, n units merged) changes many units at once, and every query about the tree on a day
 * (as of, lineage, scope) needs all of it. Thousands of units fit in one document.
 */
export interface UnitRegistryDoc {
  units: Record<string, Unit>;
}

export const UNIT_REGISTRY_DOC = 'registry';

export const unitRegistry = projection<UnitRegistryDoc>({
  name: 'unit-registry',
  version: 1,
  handles: UNIT_EVENT_TYPES,
  route: (e: RecordedEvent) => (e.stream === UNIT_REGISTRY_STREAM ? [UNIT_REGISTRY_DOC] : []),
  evolve: (doc, e) => {
    const next = evolveRegistry({ units: new Map(Object.entries(doc?.units ?? {})) }, e as unknown as UnitEvent);
    return { units: Object.fromEntries(next.units) };
  },
});
