import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pretty from 'pino-pretty';
import { AppConfig } from '../config/app-config';
import { correlationIdOf, REQUEST_ID_HEADER, requestIdOf } from '../http/request-id';

/**
 * Pretty for a person at a terminal, JSON for everything else: `auto` looks at NODE_ENV and
 * whether stdout is a TTY; `json` and `pretty` say it outright (LOG_FORMAT).
 */
export const prettyLogs = (
  config: Pick<AppConfig, 'logFormat' | 'nodeEnv'>,
  isTty = process.stdout.isTTY === true,
): boolean =>
  config.logFormat === 'pretty' || (config.logFormat === 'auto' && config.nodeEnv !== 'production' && isTty);

/** One line a request when pretty: its method, path and status in the message, not the whole request object. */
const PRETTY = {
  colorize: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,req,res',
  messageFormat: '{if req.method}{req.method} {req.url} {end}{if res.statusCode}{res.statusCode} {end}{msg}',
};

/**
 * Logs (pino) for the long-running processes; secrets in headers never reach the log. Every line
 * of a request carries its requestId and correlationId, the ids a problem+json answer shows.
 */
export const loggerModule = (config: AppConfig): DynamicModule => {
  const options = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
    autoLogging: { ignore: (req: { url?: string }) => (req.url ?? '').startsWith('/health') },
    // The request-ids middleware has usually fixed the id already; the projector has no such middleware.
    genReqId: (
      req: Parameters<typeof requestIdOf>[0],
      res: { headersSent: boolean; setHeader: (k: string, v: string) => void },
    ) => {
      const id = requestIdOf(req);
      if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customProps: (req: Parameters<typeof requestIdOf>[0]) => ({
      requestId: requestIdOf(req),
      correlationId: correlationIdOf(req),
    }),
  };
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    // An in-process stream, not a worker transport: nothing to resolve in dist/, nothing left running at exit.
    pinoHttp: prettyLogs(config) ? [options, pretty(PRETTY)] : options,
  });
};
