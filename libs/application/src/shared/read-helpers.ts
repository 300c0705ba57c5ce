import { canRead, type Scope } from '@gl/domain';
import type { Filter, ReadStore, SortSpec } from '@gl/read-models';
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

/** One page of a list, with the total that matches. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A page of a collection (1-based), without the store's own fields; `sort` should end on `_id` so pages are stable. */
export const findPage = async <T>(
  reads: ReadStore,
  collection: string,
  filter: Filter,
  sort: SortSpec,
  page: number,
  pageSize: number,
): Promise<Page<T>> => {
  const [docs, total] = await Promise.all([
    reads.find(collection, filter, { sort, skip: (page - 1) * pageSize, limit: pageSize }),
    reads.count(collection, filter),
  ]);
  return { items: docs.map((d) => withoutStoreFields<T>(d)), page, pageSize, total };
};
