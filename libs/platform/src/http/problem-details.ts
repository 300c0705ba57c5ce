import { HttpException, HttpStatus } from '@nestjs/common';

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
  (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');

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

/** Body-parser errors (malformed JSON, body too large): plain errors with a status and a type. */
export const fromBodyParser: ProblemMapper = (e) => {
  const err = e as { type?: string; status?: number; message?: string };
  if (!err || typeof err.status !== 'number' || typeof err.type !== 'string') return undefined;
  if (err.type === 'entity.parse.failed') {
    return {
      type: '/problems/malformed-json',
      title: 'Malformed JSON',
      status: 400,
      detail: 'The request body is not valid JSON.',
    };
  }
  if (err.type === 'entity.too.large') {
    return { type: '/problems/body-too-large', title: 'Request body too large', status: 413, detail: err.message };
  }
  if (err.type === 'entity.too.deep') {
    return {
      type: '/problems/too-deeply-nested',
      title: 'Request body nested too deeply',
      status: 400,
      detail: err.message,
      maxDepth: (e as { maxDepth?: number }).maxDepth,
    };
  }
  if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
    return {
      type: '/problems/unsupported-media-type',
      title: 'Unsupported media type',
      status: 415,
      detail: err.message,
    };
  }
  return { type: 'about:blank', title: statusTitle(err.status), status: err.status, detail: err.message };
};

/** What an error class declares as `static problem` (STYLE.md: the edge looks it up, it does not guess). */
export interface DeclaredProblem {
  type: string;
  status: number;
  title: string;
}

/**
 * Errors that declare their problem — one `static problem`, or a family's `static problems` by
 * code (DomainError, type `/problems/<code>`); members of their `extensions` join the document.
 * A lookup, not a chain of comparisons: a new error declares its meaning where it is defined.
 */
const fromDeclared: ProblemMapper = (e) => {
  if (!(e instanceof Error)) return undefined;
  const ctor = e.constructor as {
    problem?: DeclaredProblem;
    problems?: Record<string, { status: number; title: string }>;
  };
  const code = (e as { code?: unknown }).code;
  const byCode = typeof code === 'string' ? ctor.problems?.[code] : undefined;
  const declared = ctor.problem ?? (byCode && { type: `/problems/${code}`, ...byCode });
  if (!declared) return undefined;
  return { ...declared, detail: e.message, ...(e as { extensions?: Record<string, unknown> }).extensions };
};

export const defaultProblemMappers: ProblemMapper[] = [fromDeclared, fromBodyParser, fromHttpException];

export const toProblem = (error: unknown, mappers: ProblemMapper[], instance: string): ProblemDetails => {
  for (const map of mappers) {
    const p = map(error);
    if (p) return { ...p, instance };
  }
  return {
    type: 'about:blank',
    title: 'Internal server error',
    status: 500,
    detail: 'Something went wrong on our side; it has been logged.',
    instance,
  };
};
