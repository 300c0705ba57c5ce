import { readFileSync } from 'node:fs';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { EventStore, parsePin, PinnedSeal, RecordVerification, verifyRecord } from '@gl/event-store';
import { RAW_EVENT_STORE, SEAL_KEYS, SealKeys, SealScheduler } from '@gl/platform';

/** A pin file: one seal or `seals/latest` answer, or an array of them. */
const readPins = (file: string): PinnedSeal[] => {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return Array.isArray(json) ? json.map(parsePin) : [parsePin(json)];
};

/** What is broken, one line each: the chains, the seals, the pins, the positions; empty when the record holds. */
const brokenLines = (r: RecordVerification, pinFiles: string[]): string[] => {
  const lines: string[] = [];
  if (r.firstBad) {
    const b = r.firstBad;
    lines.push(
      `BROKEN: ${b.stream} revision ${b.revision} (position ${b.position}, event ${b.eventId}): ${b.problem.kind}\n${JSON.stringify(b.problem)}`,
    );
  }
  if (r.seals.firstBad) {
    const b = r.seals.firstBad;
    lines.push(`BROKEN SEAL ${b.sealRevision} (positions after ${b.after} up to ${b.upTo}): ${b.problem}: ${b.detail}`);
  }
  r.pins.forEach((p, i) => {
    if (!p.ok)
      lines.push(`BROKEN PIN ${pinFiles[i]} (seal after ${p.after} up to ${p.upTo}): ${p.problem}: ${p.detail}`);
  });
  // Last: a hole in SQLite's numbering is a strong hint, but not signed evidence as the lines above are.
  if (r.gaps.applies && r.gaps.firstGap) lines.push(`GAP: ${r.gaps.firstGap.detail}`);
  return lines;
};

/**
 * `audit verify [--pin <file>]…`: recomputes every stream's hash chain, looks for missing positions,
 * checks every seal and every pinned one; exit code 1 names what is broken, 2 a pin file it cannot read.
 */
@SubCommand({
  name: 'verify',
  description: "recompute every stream's hash chain, check every seal (and pinned seals), and name the first bad event",
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(SEAL_KEYS) private readonly keys: SealKeys,
  ) {
    super();
  }

  async run(_args: string[] = [], options: { pin?: string[] } = {}): Promise<void> {
    const files: string[] = [];
    const pins: PinnedSeal[] = [];
    for (const file of options.pin ?? []) {
      try {
        const read = readPins(file);
        pins.push(...read);
        files.push(...read.map((_, i) => (read.length > 1 ? `${file}[${i}]` : file)));
      } catch (e) {
        process.stderr.write(`cannot read pin ${file}: ${(e as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
    }
    const started = Date.now();
    const r = await verifyRecord(this.store, this.keys.publicKey, pins);
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    const broken = brokenLines(r, files);
    if (broken.length > 0) {
      process.stderr.write(`${broken.join('\n')}\nchecked ${r.eventsChecked} events in ${took}\n`);
      process.exitCode = 1;
      return;
    }
    const gaps = r.gaps.applies ? 'no position missing' : `gap detection does not apply (${r.gaps.reason})`;
    process.stdout.write(
      `OK: ${r.eventsChecked} events in ${r.streams} streams verified up to position ${r.position} in ${took}; ` +
        `${r.seals.seals} seals by key ${this.keys.keyId.slice(0, 16)}… vouch for the log up to position ${r.seals.sealedUpTo}; ${gaps}` +
        `${pins.length > 0 ? `; ${pins.length} pinned seals still held` : ''}\n`,
    );
  }

  @Option({
    flags: '--pin <file>',
    description:
      'a seal kept outside the system (the JSON of GET /api/v1/audit/seals/latest, or its seal); repeat for several',
  })
  pin(file: string, previous: string[] = []): string[] {
    return [...previous, file];
  }
}

/** `audit seal`: signs what was appended since the last seal, now. */
@SubCommand({
  name: 'seal',
  description: 'seal the log now: a signed Merkle root over what was appended since the last seal',
})
export class AuditSealCommand extends CommandRunner {
  constructor(private readonly sealer: SealScheduler) {
    super();
  }

  async run(): Promise<void> {
    const seal = await this.sealer.sealNow();
    process.stdout.write(
      seal
        ? `sealed ${seal.count} events after position ${seal.after} up to ${seal.upTo} (root ${seal.root.slice(0, 16)}…)\n`
        : 'nothing new to seal\n',
    );
  }
}

@Command({ name: 'audit', description: 'audit the record', subCommands: [AuditVerifyCommand, AuditSealCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
