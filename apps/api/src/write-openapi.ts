import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@gl/platform';
import { createApiApp, openApiDocument } from './bootstrap/create-api-app';

/** Writes the OpenAPI document to a file (CI lints it): the app on an empty, unseeded store. */
const main = async () => {
  const out = process.argv[2] ?? 'openapi.json';
  const dir = mkdtempSync(join(tmpdir(), 'gl-openapi-'));
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SEED_ON_EMPTY: 'false',
    SCHEDULER: 'false',
    SEAL_INTERVAL_MS: '0',
  });
  const app = await createApiApp(config);
  await app.init();
  writeFileSync(out, `${JSON.stringify(openApiDocument(app, config), null, 2)}\n`);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`OpenAPI document written to ${out}\n`);
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
