import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendProblem } from './problem-response';

type Next = (err?: unknown) => void;

/** A request target longer than `maxBytes` (URL_LIMIT_BYTES) is 414 before any routing or parsing. */
export const urlLengthLimit =
  (maxBytes: number) =>
  (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const length = Buffer.byteLength(req.url ?? '', 'latin1');
    if (length <= maxBytes) return next();
    sendProblem(req, res, {
      type: '/problems/uri-too-long',
      title: 'Request target too long',
      status: 414,
      instance: (req.url ?? '').slice(0, 200),
      detail: `the path and query are ${length} bytes; at most ${maxBytes} are read`,
      limitBytes: maxBytes,
    });
  };

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/;

/** A body is sent when its length is not zero, or it comes in chunks. */
const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** Whether a Content-Type is JSON in UTF-8 (RFC 8259 §8.1: JSON between systems is UTF-8). */
export const isJsonUtf8 = (contentType: string | undefined): boolean => {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (!JSON_TYPE.test(type)) return false;
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
};

/**
 * Writes take JSON only: a body of any other type (text/plain, a form, none named) is 415, not
 * read as an empty object that then fails validation field by field.
 */
export const jsonBodiesOnly = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
  if (!WITH_BODY.has(req.method ?? '') || !hasBody(req) || isJsonUtf8(req.headers['content-type'])) return next();
  const given = req.headers['content-type'];
  res.setHeader('Accept-Post', 'application/json');
  sendProblem(req, res, {
    type: '/problems/unsupported-media-type',
    title: 'Unsupported media type',
    status: 415,
    detail: `a write takes a JSON body in UTF-8 (Content-Type: application/json); this one was ${given ? `sent as ${given.slice(0, 100)}` : 'sent without a Content-Type'}`,
  });
};
