/** A unit command the registry refuses, and why, in words an official understands. */
export class UnitRegistryError extends Error {
  constructor(readonly code: UnitErrorCode, message: string) {
    super(message);
    this.name = 'UnitRegistryError';
  }
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
