import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { CommandFactory } from 'nest-commander';
import { loadConfig } from '@gl/platform';
import { CliModule } from './cli.module';

const main = async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    cliName: 'npm run cli --',
    errorHandler: (err) => {
      // Commander has already printed its message; --help and --version come here with exit code 0.
      process.exit((err as Error & { exitCode?: number }).exitCode ?? 1);
    },
  });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
