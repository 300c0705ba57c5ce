import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  AppConfig,
  BodylessRoutesInterceptor,
  documentETags,
  documentIdempotency,
  documentProblems,
  documentSchemaIds,
  guardHttpEdge,
  NfcNormalizePipe,
  ProblemDetailsFilter,
  TextInputPipe,
} from '@gl/platform';
import type { Clock } from '@gl/domain';
import { ApiModule } from '../api.module';
import { serveWebApp } from './serve-web-app';

export const API_PREFIX = 'api/v1';

/** The OpenAPI document of the running app: served at /docs-json, linted in CI (`npm run lint:openapi`). */
export const openApiDocument = (app: INestApplication, config: AppConfig): OpenAPIObject => {
  const info = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Grassroots Ledger API')
    .setDescription(
      'The immutable record of how a city carries out its plan for implementing the Law on Implementing ' +
        'Grassroots Democracy (Luật Thực hiện dân chủ ở cơ sở, 10/2022/QH15). Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .addServer('/', 'this server')
    .build();
  // What every write or resource shares is documented once, after the controllers' own entries.
  return documentSchemaIds(
    documentETags(
      documentProblems(documentIdempotency(SwaggerModule.createDocument(app, info), config.idempotencyTtlSeconds)),
    ),
  );
};

const openApi = (app: INestApplication, config: AppConfig) => {
  SwaggerModule.setup('docs', app, () => openApiDocument(app, config), { jsonDocumentUrl: 'docs-json' });
};

/** `https://id.example.vn` of an http(s) URL; null for anything else. */
const originOf = (url: string | null): string | null => {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
};

/** Applies everything the API needs around its modules; shared by main.ts and the e2e tests. */
export const configureApiApp = (app: NestExpressApplication, config: AppConfig): NestExpressApplication => {
  app.useLogger(app.get(Logger));
  // Rate limits count per client address: behind a proxy, only its X-Forwarded-For names the client.
  app.set('trust proxy', config.trustProxy);
  // Only resources answer an ETag (the stream's revision, ETagInterceptor), as the document says:
  // Express's own hash of every body would give undocumented 304s to a browser that revalidates.
  app.set('etag', false);
  // The web app's sign-in fetches the identity provider's discovery document and token endpoint itself.
  const issuerOrigin = config.auth.oidcClientId ? originOf(config.auth.oidcIssuer) : null;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", ...(issuerOrigin ? [issuerOrigin] : [])],
          'script-src': ["'self'"],
          'style-src': ["'self'", 'https:', "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  guardHttpEdge(app, config);
  serveWebApp(app, config.webDir);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/{*path}', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new NfcNormalizePipe(), new TextInputPipe());
  // Before the Idempotency-Key interceptor (a module's): a body sent to a step that takes none is refused first.
  app.useGlobalInterceptors(new BodylessRoutesInterceptor());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Signals are main.ts's (installGracefulShutdown): Nest's own hooks would close the stores under running requests.
  openApi(app, config);
  return app;
};

export const createApiApp = async (
  config: AppConfig,
  overrides: { clock?: Clock } = {},
): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, overrides), {
    bufferLogs: true,
    bodyParser: false,
  });
  return configureApiApp(app, config);
};
