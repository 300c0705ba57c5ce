import {
  foldRegistry,
  Id,
  Obj,
  Static,
  Type,
  UNIT_EVENT_TYPES,
  UNIT_REGISTRY_STREAM,
  UnitEvent,
  UnitSchema,
} from '@gl/domain';
import { projection, RecordedFrom } from '../../engine/projection';

/**
 * The whole organisation tree with its history, in one document: a reorganisation (a level
 * abolished, n units merged) changes many units at once, and every query about the tree on a day
 * (as of, lineage, scope) needs all of it. Thousands of units fit in one document.
 */
export const UnitRegistryDocSchema = Obj({ units: Type.Record(Id(), UnitSchema, { maxProperties: 1_000_000 }) });
export type UnitRegistryDoc = Static<typeof UnitRegistryDocSchema>;

export const UNIT_REGISTRY_DOC = 'registry';

export const unitRegistry = projection<UnitRegistryDoc, RecordedFrom<UnitEvent>>({
  name: 'unit-registry',
  version: 1,
  handles: UNIT_EVENT_TYPES,
  route: (e) => (e.stream === UNIT_REGISTRY_STREAM ? [UNIT_REGISTRY_DOC] : []),
  evolve: (doc, e) => foldUnits(doc, [e]),
  fold: (doc, events) => foldUnits(doc, events),
});

/** The registry's document through the domain's fold: one conversion each way for a whole batch. */
function foldUnits(doc: UnitRegistryDoc | undefined, events: RecordedFrom<UnitEvent>[]): UnitRegistryDoc {
  const next = foldRegistry({ units: new Map(Object.entries(doc?.units ?? {})) }, events);
  return { units: Object.fromEntries(next.units) };
}
