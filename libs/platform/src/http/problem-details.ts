import { HttpException, HttpStatus } from '@nestjs/common';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError, InvalidPinError, InvalidPositionError, NoSealYetError } from '@gl/event-store';
import { UnknownProjectionError } from '@gl/read-models';
import { NotFoundInScopeError, NotPermittedError, TimeTravelTooFarError } from '@gl/application';
import { ActivityError, ObligationError, PlanError, ReportError, UnitRegistryError, UserError } from '@gl/domain';
import { ReadModelBehindError } from './read-your-writes.interceptor';

/** An RFC 9457 problem document. `type` is a relative URI, documented in docs/problems.md. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Turns an error into a problem, or says it does not know it. Feature modules add their own. */
export type ProblemMapper = (error: unknown) => ProblemDetails | undefined;

const statusTitle = (status: number): string =>
  (HttpStatus[status] ?? 'Error').toLowerCase().split('_').map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');

const fromHttpException: ProblemMapper = (e) => {
  if (!(e instanceof HttpException)) return undefined;
  const status = e.getStatus();
  const body = e.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const errors = Array.isArray(message) ? message : undefined;
  return {
    type: status === 400 && errors ? '/problems/validation-failed' : 'about:blank',
    title: statusTitle(status),
    status,
    detail: errors ? errors.join('; ') : typeof message === 'string' ? message : e.message,
    ...(errors && { errors }),
  };
};

/** Errors the event store raises that a client can act on. */
const fromEventStore: ProblemMapper = (e) => {
  if (e instanceof ConcurrencyError) {
    return {
      type: '/problems/concurrency-conflict', title: 'Someone else changed this first', status: 409,
      detail: `${e.message}. Read it again and retry.`, stream: e.stream, expectedRevision: String(e.expected), actualRevision: String(e.actual),
    };
  }
  if (e instanceof IdempotencyConflictError) {
    return { type: '/problems/idempotency-conflict', title: 'Repeated request does not match the first', status: 409, detail: e.message };
  }
  if (e instanceof InvalidPositionError) {
    return { type: '/problems/invalid-position', title: 'Invalid log position', status: 400, detail: e.message };
  }
  if (e instanceof InvalidAppendError) {
    return { type: '/problems/invalid-event', title: 'Invalid event', status: 400, detail: e.message };
  }
  if (e instanceof InvalidPinError) return { type: '/problems/invalid-pin', title: 'Not a pinned seal', status: 400, detail: e.message };
  if (e instanceof NoSealYetError) return { type: '/problems/no-seal-yet', title: 'Nothing is sealed yet', status: 404, detail: e.message };
  return undefined;
};

/** Body-parser errors (malformed JSON, body too large): plain errors with a status and a type. */
export const fromBodyParser: ProblemMapper = (e) => {
  const err = e as { type?: string; status?: number; message?: string };
  if (!err || typeof err.status !== 'number' || typeof err.type !== 'string') return undefined;
  if (err.type === 'entity.parse.failed') {
    return { type: '/problems/malformed-json', title: 'Malformed JSON', status: 400, detail: 'The request body is not valid JSON.' };
  }
  if (err.type === 'entity.too.large') {
    return { type: '/problems/body-too-large', title: 'Request body too large', status: 413, detail: err.message };
  }
  if (err.type === 'entity.too.deep') {
    return { type: '/problems/too-deeply-nested', title: 'Request body nested too deeply', status: 400, detail: err.message, maxDepth: (e as { maxDepth?: number }).maxDepth };
  }
  if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
    return { type: '/problems/unsupported-media-type', title: 'Unsupported media type', status: 415, detail: err.message };
  }
  return { type: 'about:blank', title: statusTitle(err.status), status: err.status, detail: err.message };
};

/** Errors of the read side, of access, and of the domain's rules. */
const fromReadModels: ProblemMapper = (e) => {
  if (e instanceof ReadModelBehindError) {
    return {
      type: '/problems/read-model-behind', title: 'Read models not yet up to date', status: 503,
      detail: `${e.message}; retry shortly.`, position: e.position, retryAfterSeconds: 1,
    };
  }
  if (e instanceof TimeTravelTooFarError) return { type: '/problems/time-travel-too-far', title: 'Too far back to replay', status: 422, detail: e.message };
  if (e instanceof NotFoundInScopeError) return { type: 'about:blank', title: 'Not found', status: 404, detail: e.message };
  if (e instanceof NotPermittedError) return { type: '/problems/not-permitted', title: 'Not permitted', status: 403, detail: e.message };
  if (e instanceof UnitRegistryError) {
    const status = e.code === 'unit-not-found' ? 404 : e.code === 'unit-exists' || e.code === 'code-in-use' ? 409 : 422;
    return { type: `/problems/${e.code}`, title: 'The organisation tree does not allow this change', status, detail: e.message };
  }
  if (e instanceof UserError) {
    const status = e.code === 'user-not-found' ? 404 : e.code === 'user-exists' || e.code === 'already-granted' ? 409 : 422;
    return { type: `/problems/${e.code}`, title: 'Users and roles do not allow this change', status, detail: e.message };
  }
  if (e instanceof PlanError) {
    const status = e.code === 'plan-not-found' || e.code === 'task-not-found' ? 404 : e.code === 'plan-exists' || e.code === 'task-exists' ? 409 : 422;
    return { type: `/problems/${e.code}`, title: 'The plan does not allow this change', status, detail: e.message };
  }
  if (e instanceof ObligationError) {
    const status = e.code === 'obligation-not-found' ? 404 : e.code === 'obligation-exists' ? 409 : 422;
    return { type: `/problems/${e.code}`, title: 'The obligation does not allow this step', status, detail: e.message };
  }
  if (e instanceof ActivityError) {
    const status = e.code === 'activity-not-found' ? 404 : e.code === 'activity-exists' ? 409 : 422;
    return { type: `/problems/${e.code}`, title: 'The activity does not allow this', status, detail: e.message };
  }
  if (e instanceof ReportError) {
    return { type: `/problems/${e.code}`, title: 'The report does not allow this step', status: e.code === 'report-not-found' ? 404 : 422, detail: e.message };
  }
  if (e instanceof UnknownProjectionError) {
    return { type: 'about:blank', title: 'Not found', status: 404, detail: e.message };
  }
  return undefined;
};

/** What an error class declares as `static problem` (STYLE.md: the edge looks it up, it does not guess). */
export interface DeclaredProblem {
  type: string;
  status: number;
  title: string;
}

/** Errors that declare their problem; members of their `extensions` join the document (e.g. retryAfterSeconds). */
const fromDeclared: ProblemMapper = (e) => {
  if (!(e instanceof Error)) return undefined;
  const declared = (e.constructor as { problem?: DeclaredProblem }).problem;
  if (!declared) return undefined;
  return { ...declared, detail: e.message, ...(e as { extensions?: Record<string, unknown> }).extensions };
};

export const defaultProblemMappers: ProblemMapper[] = [fromDeclared, fromBodyParser, fromHttpException, fromEventStore, fromReadModels];

export const toProblem = (error: unknown, mappers: ProblemMapper[], instance: string): ProblemDetails => {
  for (const map of mappers) {
    const p = map(error);
    if (p) return { ...p, instance };
  }
  return {
    type: 'about:blank', title: 'Internal server error', status: 500,
    detail: 'Something went wrong on our side; it has been logged.', instance,
  };
};
