import { Count, List, Obj, TSchema, Type } from '@gl/domain';

const PAGE = { minimum: 1, maximum: 100_000 };
const PAGE_SIZE = { minimum: 1, maximum: 500 };

/** The page a list query asks for (1-based); the query pipe fills the defaults. */
export const PAGE_QUERY = {
  page: Type.Integer({ ...PAGE, default: 1 }),
  pageSize: Type.Integer({ ...PAGE_SIZE, default: 50 }),
};

/** One page of a list, with the total that matches (what `findPage` answers). */
export const PageOf = <T extends TSchema>(item: T) =>
  Obj({
    items: List(item, PAGE_SIZE.maximum),
    page: Type.Integer(PAGE),
    pageSize: Type.Integer(PAGE_SIZE),
    total: Count(100_000_000),
  });
