import type { UnitEvent, UnitKind, UnitLevel } from '@gl/domain';

const RESOLUTION_1668 = { number: '1668/NQ-UBTVQH15', date: '2025-06-16', issuer: 'Ủy ban Thường vụ Quốc hội' };

/** A unit existing since 2023 (a commune unless said otherwise). */
export const unitEstablished = (
  unitId: string,
  at: { parentId?: string | null; level?: UnitLevel; kind?: UnitKind } = {},
): UnitEvent => ({
  type: 'unit.established.v1',
  data: {
    unitId,
    name: unitId,
    kind: at.kind ?? 'commune',
    level: at.level ?? 'commune',
    parentId: at.parentId ?? null,
    effectiveOn: '2023-01-01',
    legalBasis: null,
    asExisting: true,
  },
});

/** Communes merged into a new one on 1 July 2025 (Resolution 1668/NQ-UBTVQH15), whole or in part. */
export const unitsMerged = (
  successor: string,
  predecessors: { unitId: string; whole: boolean; share?: number }[],
  parentId: string | null = null,
): UnitEvent => ({
  type: 'units.merged.v1',
  data: {
    predecessors,
    successor: { unitId: successor, name: successor, kind: 'commune', level: 'commune', parentId },
    effectiveOn: '2025-07-01',
    legalBasis: RESOLUTION_1668,
  },
});
