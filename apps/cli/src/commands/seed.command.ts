import { Command, CommandRunner } from 'nest-commander';
import { SeedService } from '@gl/platform';

/**
 * `seed`: loads the Cần Thơ organisation tree (2023, with the 2024 and 2025 reorganisations), the
 * demo users, and the city's plan with its tasks fanned out into obligations. Safe to run twice: every step has an idempotency key, so nothing is recorded again.
 */
@Command({ name: 'seed', description: 'load the seed organisation tree and demo users (idempotent)' })
export class SeedCommand extends CommandRunner {
  constructor(private readonly seed: SeedService) {
    super();
  }

  async run(): Promise<void> {
    const r = await this.seed.seed();
    process.stdout.write(
      `Seeded: ${r.unitSteps} changes to the organisation tree, ${r.users} demo users, the plan's ${r.tasks} tasks (${r.obligations} new obligations). Nothing is recorded twice.\n`,
    );
  }
}
