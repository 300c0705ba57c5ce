import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

const STATUS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    '/problems/headers-too-large',
    'the request line and headers together are larger than',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'about:blank', 'the request was not received in time'],
};

/** The raw answer to a request Node could not parse: there is no request object, only the socket. */
export const clientErrorResponse = (code: string | undefined, headerLimitBytes: number): string => {
  const [status, reason, type, what] = STATUS[code ?? ''] ?? [
    400,
    'Bad Request',
    'about:blank',
    'the request is not well-formed HTTP',
  ];
  const requestId = randomUUID();
  const detail = status === 431 ? `${what} ${headerLimitBytes} bytes (the path and query count too)` : what;
  const body = JSON.stringify({
    type,
    title: reason,
    status,
    detail,
    ...(status === 431 && { limitBytes: headerLimitBytes }),
    requestId,
    correlationId: requestId,
  });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`
  );
};

/**
 * Sets Node's limit on the request line and headers (HEADER_LIMIT_BYTES; read per connection) and
 * answers what Node refuses before any middleware runs — headers too large, malformed HTTP, a
 * timeout — as problem+json instead of Node's bare status line.
 */
export const answerClientErrors = (server: Server, headerLimitBytes: number): void => {
  (server as Server & { maxHeaderSize?: number }).maxHeaderSize = headerLimitBytes;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // As Node does: never write into a response already under way, nor to a peer that is gone.
    if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent)
      socket.end(clientErrorResponse(err.code, headerLimitBytes));
    else socket.destroy(err);
  });
};
