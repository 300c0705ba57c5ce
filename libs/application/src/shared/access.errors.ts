import { canWrite, Scope } from '@gl/domain';
import { isSystem } from './command-context';
import { seesUnit } from './read-helpers';

/** Outside the caller's scope: answered as if it did not exist (404), so scope does not leak. */
export class NotFoundInScopeError extends Error {
  static readonly problem = { type: 'about:blank', status: 404, title: 'Not found' };
  constructor(readonly what: string) {
    super(`${what} was not found`);
    this.name = 'NotFoundInScopeError';
  }
}

/** Inside the caller's scope, but their roles do not allow this (403). */
export class NotPermittedError extends Error {
  static readonly problem = { type: '/problems/not-permitted', status: 403, title: 'Not permitted' };
  constructor(message: string) {
    super(message);
    this.name = 'NotPermittedError';
  }
}

export const requireReadable = (scope: Scope, unitId: string, what = `unit ${unitId}`): void => {
  if (!seesUnit(scope, unitId)) throw new NotFoundInScopeError(what);
};

/** Acting for a unit: 404 when the caller cannot even see it, 403 when they see it but may not act. */
export const requireWritable = (scope: Scope, unitId: string, what = `unit ${unitId}`): void => {
  if (isSystem(scope)) return;
  requireReadable(scope, unitId, what);
  if (!canWrite(scope, unitId))
    throw new NotPermittedError(`your roles (${scope.roles.join(', ') || 'none'}) do not let you act for ${what}`);
};

export const requireRole = (scope: Scope, role: string, action: string): void => {
  if (!isSystem(scope) && !scope.roles.includes(role as never))
    throw new NotPermittedError(`${action} needs the ${role} role`);
};
