import type { NextFunction, Request, Response } from 'express';
import { fromBodyParser } from './problem-details';
import { sendProblem } from './problem-response';

/**
 * Express error middleware placed right after the body parser. Nest would turn a JSON syntax
 * error into a bare 400; here it becomes a problem that says the body is malformed.
 */
export const bodyParserErrors = (err: unknown, req: Request, res: Response, next: NextFunction): void => {
  const problem = fromBodyParser(err);
  if (!problem) return next(err);
  sendProblem(req, res, problem);
};
