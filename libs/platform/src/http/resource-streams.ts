import {
  ACTIVITY_KINDS,
  activityStream,
  ActivityKind,
  inspectionStream,
  obligationStream,
  planStream,
  reportStream,
  UNIT_REGISTRY_STREAM,
  userStream,
} from '@gl/domain';

/**
 * The resources whose state is one stream: a GET of one answers an ETag from the stream's
 * revision, and a write under it (its path continues the resource's) may send that ETag back in
 * If-Match. Route templates as Nest declares them, below the API prefix.
 */
const RESOURCES: { route: string; stream: (p: Record<string, string>) => string | null; literal?: string }[] = [
  { route: 'obligations/:id', stream: (p) => obligationStream(p.id) },
  // Each kind's writes have their own route (`activities/budget/:id/correction`): the kind may be spelt in the route.
  {
    route: 'activities/:kind/:id',
    literal: 'kind',
    stream: (p) =>
      ACTIVITY_KINDS.includes(p.kind as ActivityKind) ? activityStream(p.kind as ActivityKind, p.id) : null,
  },
  { route: 'plans/:id', stream: (p) => planStream(p.id) },
  { route: 'inspections/:id', stream: (p) => inspectionStream(p.id) },
  { route: 'reporting/periods/:periodId/reports/:unitId', stream: (p) => reportStream(p.unitId, p.periodId) },
  { route: 'users/:id', stream: (p) => userStream(p.id) },
  // The organisation tree is one stream (ADR 0005): a unit's ETag changes with any change of the tree.
  { route: 'units/:id', stream: () => UNIT_REGISTRY_STREAM },
];

const segments = (route: string) => route.replace(/^\/+|\/+$/g, '').split('/');

/**
 * The stream of the resource a route addresses: for a GET, the resource itself (not its
 * sub-resources: `units/:id/lineage` has none); for a write, the resource it acts on.
 */
export const resourceStreamOf = (
  routeTemplate: string,
  params: Record<string, string>,
  write: boolean,
): string | null => {
  const route = segments(routeTemplate);
  for (const r of RESOURCES) {
    const parts = segments(r.route);
    const bound: Record<string, string> = { ...params };
    const literal = r.literal;
    const matches = (p: string, i: number) =>
      p === route[i] ||
      (!!literal && p === `:${literal}` && !route[i].startsWith(':') && ((bound[literal] = route[i]), true));
    const under = route.length >= parts.length && parts.every(matches);
    if (under && (write ? route.length > parts.length : route.length === parts.length)) return r.stream(bound);
  }
  return null;
};
