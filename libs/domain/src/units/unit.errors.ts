import { DomainError, ProblemsOf } from '../shared/domain-error';

/** A unit command the registry refuses, and why, in words an official understands. */
export class UnitRegistryError extends DomainError<UnitErrorCode> {
  static readonly problems: ProblemsOf<UnitErrorCode> = {
    'unit-not-found': { status: 404, title: 'No such unit' },
    'unit-exists': { status: 409, title: 'The unit exists already' },
    'code-in-use': { status: 409, title: 'The official code is in use by another unit' },
    'unit-not-active': { status: 422, title: 'The unit is not active on that day' },
    'parent-not-active': { status: 422, title: 'The parent unit is not active on that day' },
    'parent-cycle': { status: 422, title: 'The tree would have a cycle' },
    'has-active-children': { status: 422, title: 'The unit still has active units under it' },
    'invalid-change': { status: 422, title: 'The organisation tree does not allow this change' },
  };
}

export type UnitErrorCode =
  | 'unit-not-found'
  | 'unit-exists'
  | 'unit-not-active'
  | 'parent-not-active'
  | 'parent-cycle'
  | 'code-in-use'
  | 'has-active-children'
  | 'invalid-change';

export const refuse = (code: UnitErrorCode, message: string): never => {
  throw new UnitRegistryError(code, message);
};
