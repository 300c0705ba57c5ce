import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

/** A caller's id is kept only if it cannot forge a log line or a header: short, and of a safe alphabet. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Correlation ids were accepted as any printable ASCII up to 200 before request ids existed; kept so. */
const SANE_CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

type Req = IncomingMessage & { id?: unknown; correlationId?: string };

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return typeof v === 'string' ? v : undefined;
};

/** The request's id: the caller's X-Request-Id if sane, else a new UUID v4; the same for every call on one request. */
export const requestIdOf = (req: IncomingMessage): string => {
  const r = req as Req;
  if (typeof r.id === 'string') return r.id;
  const given = header(req, REQUEST_ID_HEADER);
  r.id = given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  return r.id as string;
};

/**
 * The correlation id the request's events carry (envelope `correlationId`): the caller's
 * X-Correlation-Id if sane, else the request id, so a log line and the events it wrote meet.
 */
export const correlationIdOf = (req: IncomingMessage): string => {
  const r = req as Req;
  if (r.correlationId) return r.correlationId;
  const given = header(req, CORRELATION_ID_HEADER);
  r.correlationId = given !== undefined && SANE_CORRELATION_ID.test(given) ? given : requestIdOf(req);
  return r.correlationId;
};

/** First of all middleware: both ids are fixed and echoed before anything can answer. */
export const requestIds = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
  res.setHeader(REQUEST_ID_HEADER, requestIdOf(req));
  res.setHeader(CORRELATION_ID_HEADER, correlationIdOf(req));
  next();
};
