import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** JSON logs (pino) for the long-running processes; secrets in headers never reach the log. */
export const loggerModule = (config: AppConfig): DynamicModule =>
  LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  });
