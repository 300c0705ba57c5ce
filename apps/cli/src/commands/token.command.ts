import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { userStream } from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { TokenService } from '@gl/platform';

/** `token --user <id> [--ttl seconds]`: a bearer token for a registered user, signed with JWT_SECRET. */
@Command({ name: 'token', description: 'print a bearer token for a registered user (embedded mode)' })
export class TokenCommand extends CommandRunner {
  constructor(
    private readonly tokens: TokenService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {
    super();
  }

  async run(_args: string[], options: { user?: string; ttl?: number }): Promise<void> {
    if (!options.user) throw new Error('give the user: token --user <userId>');
    // The event store, not a read model: this works before any projection has run.
    const [registered] = await this.events.readStream(userStream(options.user), { maxCount: 1 });
    if (!registered) {
      process.stderr.write(`no registered user ${options.user}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${await this.tokens.sign(options.user, options.ttl)}\n`);
  }

  @Option({ flags: '-u, --user <userId>', description: 'the registered user' })
  user(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <seconds>', description: 'lifetime in seconds (default TOKEN_TTL_SECONDS)' })
  ttl(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 60) throw new Error('--ttl must be a whole number of seconds, at least 60');
    return n;
  }
}
