import type { Scope } from '@gl/domain';
import { isSystem } from './command-context';

/** A read-model document without the store's own fields (`_id`, `_position`). */
export const withoutStoreFields = <T>(d: Record<string, unknown>): T => {
  const { _id, _position, ...rest } = d;
  return rest as T;
};

/** Auditors (and the system) read every unit. */
export const seesAll = (scope: Scope): boolean => isSystem(scope) || scope.readsAll;
