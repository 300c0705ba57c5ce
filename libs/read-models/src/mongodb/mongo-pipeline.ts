import type { Filter, Pipeline } from '../port/read-store.port';

/** Tombstones (deleted documents kept for the position guard) are never part of an answer. */
export const NOT_DELETED: Filter = { _deleted: { $ne: true } };

export const withoutTombstones = (filter: Filter): Filter =>
  Object.keys(filter).length === 0 ? NOT_DELETED : { $and: [filter, NOT_DELETED] };

/**
 * Rewrites the logical collection names a pipeline mentions (`$lookup.from`, `$unionWith`,
 * `$graphLookup.from`, at any depth) to the live physical collections, and keeps tombstones of
 * the joined collections out, as the embedded store does.
 */
export const rewritePipeline = (pipeline: Pipeline, physical: (collection: string) => string): Pipeline =>
  pipeline.map((stage) => rewriteStage(stage, physical));

const rewriteStage = (stage: Record<string, unknown>, physical: (c: string) => string): Record<string, unknown> => {
  const [op, spec] = Object.entries(stage)[0] ?? [];
  if (!op) return stage;
  if (op === '$lookup') {
    const s = spec as { from: string; pipeline?: Pipeline };
    return {
      $lookup: {
        ...s,
        from: physical(s.from),
        pipeline: [{ $match: NOT_DELETED }, ...rewritePipeline(s.pipeline ?? [], physical)],
      },
    };
  }
  if (op === '$graphLookup') {
    const s = spec as { from: string; restrictSearchWithMatch?: Filter };
    return {
      $graphLookup: {
        ...s,
        from: physical(s.from),
        restrictSearchWithMatch: withoutTombstones(s.restrictSearchWithMatch ?? {}),
      },
    };
  }
  if (op === '$unionWith') {
    const s = typeof spec === 'string' ? { coll: spec, pipeline: [] } : (spec as { coll: string; pipeline?: Pipeline });
    return {
      $unionWith: {
        coll: physical(s.coll),
        pipeline: [{ $match: NOT_DELETED }, ...rewritePipeline(s.pipeline ?? [], physical)],
      },
    };
  }
  if (op === '$facet') {
    const facets = spec as Record<string, Pipeline>;
    return { $facet: Object.fromEntries(Object.entries(facets).map(([k, p]) => [k, rewritePipeline(p, physical)])) };
  }
  return stage;
};
