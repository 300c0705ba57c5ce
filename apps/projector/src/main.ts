import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { installGracefulShutdown, loadConfig, ProblemDetailsFilter } from '@gl/platform';
import { ProjectorModule } from './projector.module';

const main = async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  if (config.readStore.kind === 'embedded') {
    throw new Error(
      'The projector serves server mode (READ_STORE=mongodb). With the embedded read store the api ' +
        'process runs the projections itself: start it with `npm start`.',
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(ProjectorModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  installGracefulShutdown(app, config.shutdown);
  await app.listen(config.projectorPort, config.host);
  app.get(Logger).log(`projector running; health and metrics on port ${config.projectorPort}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
