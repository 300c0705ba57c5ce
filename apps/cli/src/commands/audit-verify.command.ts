import { Inject } from '@nestjs/common';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { EventStore, verifyLog, verifySeals } from '@gl/event-store';
import { RAW_EVENT_STORE, SEAL_KEYS, SealKeys, SealScheduler } from '@gl/platform';

/** `audit verify`: recomputes every stream's hash chain and checks every seal; exit code 1 names the first bad event or range. */
@SubCommand({ name: 'verify', description: "recompute every stream's hash chain, check every seal, and name the first bad event" })
export class AuditVerifyCommand extends CommandRunner {
  constructor(@Inject(RAW_EVENT_STORE) private readonly store: EventStore, @Inject(SEAL_KEYS) private readonly keys: SealKeys) {
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
    const seals = await verifySeals(this.store, this.keys.publicKey);
    if (seals.firstBad) {
      const b = seals.firstBad;
      process.stderr.write(`BROKEN SEAL ${b.sealRevision} (positions after ${b.after} up to ${b.upTo}): ${b.problem}: ${b.detail}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`OK: ${result.eventsChecked} events in ${result.streams} streams verified up to position ${result.position} in ${took}; `
      + `${seals.seals} seals by key ${this.keys.keyId.slice(0, 16)}… vouch for the log up to position ${seals.sealedUpTo}\n`);
  }
}

/** `audit seal`: signs what was appended since the last seal, now. */
@SubCommand({ name: 'seal', description: 'seal the log now: a signed Merkle root over what was appended since the last seal' })
export class AuditSealCommand extends CommandRunner {
  constructor(private readonly sealer: SealScheduler) {
    super();
  }

  async run(): Promise<void> {
    const seal = await this.sealer.sealNow();
    process.stdout.write(seal ? `sealed ${seal.count} events after position ${seal.after} up to ${seal.upTo} (root ${seal.root.slice(0, 16)}…)\n` : 'nothing new to seal\n');
  }
}

@Command({ name: 'audit', description: 'audit the record', subCommands: [AuditVerifyCommand, AuditSealCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
