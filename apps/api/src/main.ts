import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { loadConfig } from '@gl/platform';
import { createApiApp } from './bootstrap/create-api-app';

const main = async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  process.stdout.write(`Grassroots Ledger API on http://localhost:${config.port} (docs: /docs, health: /health/ready)\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
