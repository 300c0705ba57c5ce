import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { loadConfig } from '@gl/platform';
import { ProjectorModule } from './projector.module';

const main = async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  const head = await app.get<EventStore>(EVENT_STORE).headPosition();
  app.get(Logger).log(`projector started; event log head at position ${head}`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
