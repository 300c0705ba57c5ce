import { Command, CommandRunner } from 'nest-commander';
import { CommandBus } from '@nestjs/cqrs';
import { OpenYears, systemScope } from '@gl/application';
import { SYSTEM_ACTOR } from '@gl/domain';

/**
 * `open-years`: what the api's scheduler does every hour, by hand: opens each yearly task's
 * obligations for every year up to the current one (in Vietnam). Safe to run any number of times.
 * It reads the list of plans from the read models, so run it where they are up to date.
 */
@Command({ name: 'open-years', description: "open yearly tasks' obligations up to this year (idempotent)" })
export class OpenYearsCommand extends CommandRunner {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async run(): Promise<void> {
    const r = await this.commands.execute(
      new OpenYears({ actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'cli-open-years' }),
    );
    process.stdout.write(`Opened ${r.created} obligations (${r.existing} already existed).\n`);
  }
}
