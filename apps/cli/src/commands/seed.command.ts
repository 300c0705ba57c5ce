import { Command, CommandRunner } from 'nest-commander';
import { SeedService } from '@gl/platform';

/**
 * `seed`: loads the Cần Thơ organisation tree (2023, with the 2024 and 2025 reorganisations) and
 * the demo users. Safe to run twice: every step has an idempotency key, so nothing is recorded again.
 */
@Command({ name: 'seed', description: 'load the seed organisation tree and demo users (idempotent)' })
export class SeedCommand extends CommandRunner {
  constructor(private readonly seed: SeedService) {
    super();
  }

  async run(): Promise<void> {
    const r = await this.seed.seed();
    process.stdout.write(`Seeded: ${r.unitSteps} changes to the organisation tree, ${r.users} demo users (nothing is recorded twice).\n`);
  }
}
