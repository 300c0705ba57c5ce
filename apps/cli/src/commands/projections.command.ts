import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { LAG_COUNT_CAP, ProjectionEngine, ProjectionStatus } from '@gl/read-models';

/** Lags are counted up to LAG_COUNT_CAP: at the cap, "at least". */
const eventsText = (n: number): string => (n >= LAG_COUNT_CAP ? `at least ${LAG_COUNT_CAP}` : String(n));

const describe = (s: ProjectionStatus): string => {
  const lines = [`${s.name} (collection ${s.collection}, ${s.state})`];
  if (s.live) {
    lines.push(
      `  live: generation ${s.live.generation}, version ${s.live.version}, position ${s.live.position}, ` +
        `behind by ${eventsText(s.live.lag.events)} events / ${s.live.lag.seconds.toFixed(1)} s`,
    );
  } else lines.push('  live: none yet');
  if (s.building) {
    lines.push(
      `  rebuilding: generation ${s.building.generation}, version ${s.building.version}, position ${s.building.position}, ` +
        `${eventsText(s.building.lag.events)} events to go`,
    );
  }
  if (s.rebuildRequested) lines.push('  rebuild requested: waiting for the process that runs projections');
  if (s.failure) lines.push(`  FAILED at ${s.failure.at} after position ${s.failure.position}: ${s.failure.message}`);
  return lines.join('\n');
};

/** `projections status [--json]`: every projection's generations, checkpoints, lag and failures. */
@SubCommand({ name: 'status', description: "show each projection's generation, checkpoint, lag and failures" })
export class ProjectionsStatusCommand extends CommandRunner {
  constructor(private readonly engine: ProjectionEngine) {
    super();
  }

  async run(_args: string[], options: { json?: boolean }): Promise<void> {
    const status = await this.engine.status();
    process.stdout.write(
      options.json ? `${JSON.stringify(status, null, 2)}\n` : `${status.map(describe).join('\n')}\n`,
    );
  }

  @Option({ flags: '--json', description: 'machine-readable output' })
  json(): boolean {
    return true;
  }
}

/**
 * `projections rebuild NAME [--wait]`: asks the process that runs the projections (the api in
 * embedded mode, the projector in server mode) to rebuild one into a new generation.
 */
@SubCommand({
  name: 'rebuild',
  arguments: '<name>',
  description: 'rebuild one projection into a new generation, swapped in once caught up',
})
export class ProjectionsRebuildCommand extends CommandRunner {
  constructor(private readonly engine: ProjectionEngine) {
    super();
  }

  async run([name]: string[], options: { wait?: boolean }): Promise<void> {
    const before = (await this.engine.status()).find((s) => s.name === name);
    await this.engine.rebuild(name);
    process.stdout.write(
      `Rebuild of ${name} requested. The process running projections starts it within 2 s; queries keep ` +
        `answering from generation ${before?.live?.generation ?? '-'} until the new one has caught up.\n`,
    );
    if (!options.wait) return;
    const from = before?.live?.generation ?? 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = (await this.engine.status()).find((s) => s.name === name)!;
      if ((now.live?.generation ?? 0) > from) {
        process.stdout.write(`${name}: generation ${now.live!.generation} is live at position ${now.live!.position}\n`);
        return;
      }
      if (now.building)
        process.stdout.write(
          `${name}: generation ${now.building.generation} at ${now.building.position}, ${eventsText(now.building.lag.events)} events to go\n`,
        );
    }
  }

  @Option({ flags: '--wait', description: 'wait until the new generation is live' })
  wait(): boolean {
    return true;
  }
}

@Command({
  name: 'projections',
  description: 'read models: status and rebuilds',
  subCommands: [ProjectionsStatusCommand, ProjectionsRebuildCommand],
})
export class ProjectionsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
