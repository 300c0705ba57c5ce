import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { correlationIdOf, requestIdOf } from './request-id';

/**
 * Writes a problem as the answer, from any layer (filter, middleware): the ids a caller quotes
 * to an operator are in the body as well as in the headers, and the headers a status calls for.
 */
export const sendProblem = (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  problem: ProblemDetails,
): void => {
  const body = {
    instance: req.originalUrl ?? req.url,
    ...problem,
    requestId: requestIdOf(req),
    correlationId: correlationIdOf(req),
  };
  if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.statusCode = problem.status;
  res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  res.end(JSON.stringify(body));
};
