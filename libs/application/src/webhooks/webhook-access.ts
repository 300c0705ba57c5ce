import type { Scope } from '@gl/domain';
import type { WebhookEndpoint } from '@gl/read-models';
import { NotFoundInScopeError, NotPermittedError } from '../shared/access.errors';
import { isSystem } from '../shared/command-context';
import { seesUnit } from '../shared/read-helpers';
import { WebhookError } from './webhook.errors';

/*
 * Who manages which endpoints (issue 16, item 1): a person holding integration-admin, for the units
 * of each grant's subtree. An endpoint belongs to one grant's unit (its owner unit); an admin
 * manages every endpoint whose owner unit they reach, so a city admin also manages a district's.
 */

/** The integration-admin grants: each granted unit and its subtree. @throws 403 without one. */
export const adminGrants = (scope: Scope): ReadonlyMap<string, ReadonlySet<string>> => {
  if (isSystem(scope)) return new Map();
  if (!scope.integrates || scope.integrates.size === 0)
    throw new NotPermittedError('managing webhook endpoints needs the integration-admin role');
  return scope.integrates;
};

/** Every unit the admin reaches; null: all (the system). */
export const adminReach = (scope: Scope): ReadonlySet<string> | null => {
  if (isSystem(scope)) return null;
  const reach = new Set<string>();
  for (const units of adminGrants(scope).values()) for (const u of units) reach.add(u);
  return reach;
};

/** Refuses a unit outside the admin's grants: 404 when the caller cannot see it at all, else 403. */
const requireReached = (scope: Scope, reach: ReadonlySet<string> | null, unitId: string) => {
  if (reach === null || reach.has(unitId)) return;
  if (!seesUnit(scope, unitId)) throw new NotFoundInScopeError(`unit ${unitId}`);
  throw new NotPermittedError(`unit ${unitId} is outside your integration-admin grants`);
};

/**
 * The owner unit for an endpoint of these units: the current owner when it is one of the admin's
 * granted units and its subtree holds them all, else the first such granted unit.
 * @throws when a unit is out of reach, or no one grant holds them all.
 */
export const ownerFor = (scope: Scope, unitIds: readonly string[], current?: string): string => {
  const reach = adminReach(scope);
  for (const u of unitIds) requireReached(scope, reach, u);
  if (reach === null) return current ?? unitIds[0]!;
  const covering = [...adminGrants(scope)].filter(([, units]) => unitIds.every((u) => units.has(u))).map(([g]) => g);
  if (current && covering.includes(current)) return current;
  if (covering.length === 0)
    throw new WebhookError(
      'invalid-webhook',
      'an endpoint serves the units of one of your integration-admin grants: register one per grant',
    );
  return covering[0]!;
};

/** The endpoint, when the admin reaches its owner unit; else 404 (scope does not leak). */
export const requireManaged = (scope: Scope, endpoint: WebhookEndpoint | null, endpointId: string): WebhookEndpoint => {
  const reach = adminReach(scope);
  if (!endpoint || (reach !== null && !reach.has(endpoint.ownerUnitId)))
    throw new WebhookError('webhook-not-found', `no webhook endpoint ${endpointId} in your scope`);
  return endpoint;
};
