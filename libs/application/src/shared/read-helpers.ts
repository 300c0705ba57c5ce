import { canRead, type Scope } from '@gl/domain';
import { isSystem } from './command-context';

/** A read-model document without the store's own fields (`_id`, `_position`). */
export const withoutStoreFields = <T>(d: Record<string, unknown>): T => {
  const { _id, _position, ...rest } = d;
  return rest as T;
};

/** Auditors (and the system) read every unit. */
export const seesAll = (scope: Scope): boolean => isSystem(scope) || scope.readsAll;

/** Whether the scope reads this unit's records: auditors and the system read them all. */
export const seesUnit = (scope: Scope, unitId: string): boolean => seesAll(scope) || canRead(scope, unitId);
