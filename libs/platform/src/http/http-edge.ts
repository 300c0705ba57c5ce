import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';
import { bodyInputGuard } from './body-input.middleware';
import { bodyParserErrors } from './body-parser-errors';
import { answerClientErrors } from './client-errors';
import { jsonDepthGuard } from './json-depth';
import { requestIds } from './request-id';
import { jsonBodiesOnly, urlLengthLimit } from './request-limits';

/**
 * The edge every request meets before routing, in order: its ids (so every answer below carries
 * them), the URL's length (414), the body's type (415), then the JSON parser with its size (413)
 * and depth (400) limits, whose errors become problems, then the parsed body's text, keys and
 * sizes (400). Node itself refuses oversized headers (431).
 */
export const guardHttpEdge = (app: NestExpressApplication, config: AppConfig): void => {
  answerClientErrors(app.getHttpServer(), config.headerLimitBytes);
  app.use(requestIds);
  app.use(urlLengthLimit(config.urlLimitBytes));
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: config.bodyLimitBytes, verify: jsonDepthGuard(config.jsonMaxDepth) });
  app.use(bodyParserErrors);
  app.use(bodyInputGuard(config.jsonMaxItems));
};
