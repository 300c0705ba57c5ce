import { Inject } from '@nestjs/common';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { EventStore, verifyLog } from '@gl/event-store';
import { RAW_EVENT_STORE } from '@gl/platform';

/** `audit verify`: recomputes every stream's hash chain over the whole log; exit code 1 names the first bad event. */
@SubCommand({ name: 'verify', description: "recompute every stream's hash chain and name the first bad event" })
export class AuditVerifyCommand extends CommandRunner {
  constructor(@Inject(RAW_EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(): Promise<void> {
    const started = Date.now();
    const result = await verifyLog(this.store);
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (result.firstBad) {
      const b = result.firstBad;
      process.stderr.write(
        `BROKEN: ${b.stream} revision ${b.revision} (position ${b.position}, event ${b.eventId}): ${b.problem.kind}\n` +
        `${JSON.stringify(b.problem)}\nchecked ${result.eventsChecked} events in ${took}\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`OK: ${result.eventsChecked} events in ${result.streams} streams verified up to position ${result.position} in ${took}\n`);
  }
}

@Command({ name: 'audit', description: 'audit the record', subCommands: [AuditVerifyCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
