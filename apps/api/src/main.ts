import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { installGracefulShutdown, loadConfig } from '@gl/platform';
import { createApiApp } from './bootstrap/create-api-app';

const main = async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await createApiApp(config);
  installGracefulShutdown(app, config.shutdown);
  await app.listen(config.port, config.host);
  // The port bound, which PORT=0 leaves to the system.
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`Grassroots Ledger API on http://localhost:${port} (docs: /docs, health: /health/ready)\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
