import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultProblemMappers, toProblem } from './problem-details';
import { sendProblem } from './problem-response';
import { checkInput } from './text-input';

/**
 * Right after the JSON parser, before routing: every string and key of a body is checked
 * (control characters, prototype keys) and no array or object is larger than `maxItems`, for
 * every route, including those that read no body, and before anything else (NFC, validation,
 * the Idempotency-Key's fingerprint) spends time on it.
 */
export const bodyInputGuard =
  (maxItems: number) =>
  (
    req: IncomingMessage & { body?: unknown; originalUrl?: string },
    res: ServerResponse,
    next: (e?: unknown) => void,
  ): void => {
    if (req.body === undefined) return next();
    try {
      checkInput(req.body, 'body', '', maxItems);
    } catch (e) {
      const problem = toProblem(e, defaultProblemMappers, req.originalUrl ?? req.url ?? '');
      return problem.status >= 500 ? next(e) : sendProblem(req, res, problem);
    }
    next();
  };
