import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Clock,
  decideUser,
  evolveUser,
  initialUser,
  isActiveOn,
  Role,
  User,
  UserCommand,
  UserEvent,
  userStream,
  valueOn,
  vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { requireReadable, requireRole, requireWritable } from '../shared/access.errors';
import { CommandContext, CommandResult } from '../shared/command-context';
import { newIdFor, runDecider } from '../shared/stream-runner';
import { RegistryLoader } from '../units/registry-loader';
import { CLOCK_PORT } from '../shared/ports';

export class RegisterUser {
  constructor(
    readonly input: {
      userId?: string;
      displayName: string;
      unitId: string;
      email?: string | null;
      externalId?: string | null;
      from?: string;
    },
    readonly context: CommandContext,
  ) {}
}
export class GrantRole {
  constructor(
    readonly input: { userId: string; role: Role; unitId: string; reason?: string | null; from?: string },
    readonly context: CommandContext,
  ) {}
}
export class RevokeRole {
  constructor(
    readonly input: { userId: string; role: Role; unitId: string; reason: string },
    readonly context: CommandContext,
  ) {}
}

/** Registers people and grants or revokes their roles: the plan coordinator's work, within their scope. */
@Injectable()
export class UserCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly registry: RegistryLoader,
  ) {}

  async execute(cmd: RegisterUser | GrantRole | RevokeRole): Promise<CommandResult & { userId: string }> {
    const { context } = cmd;
    requireReadable(context.scope, cmd.input.unitId);
    requireRole(context.scope, 'plan-coordinator', 'managing users and roles');
    requireWritable(context.scope, cmd.input.unitId);
    const now = this.clock.now();
    // The unit must exist on the day the registration or grant takes effect (a 2023 commune for 2023's work).
    const unit = async (unitId: string, from?: string) => {
      const u = (await this.registry.load()).units.get(unitId);
      const day = vietnamDateOf(from ? new Date(from) : now);
      return {
        id: unitId,
        kind: u ? (valueOn(u.classes, day)?.kind ?? 'other') : 'other',
        active: !!u && isActiveOn(u, day),
      };
    };
    let command: UserCommand;
    if (cmd instanceof RegisterUser) {
      const { from, ...input } = cmd.input;
      command = {
        type: 'RegisterUser',
        ...input,
        userId: cmd.input.userId ?? newIdFor(context, 'user'),
        unit: await unit(cmd.input.unitId, from),
      };
    } else if (cmd instanceof GrantRole) {
      command = {
        type: 'GrantRole',
        ...cmd.input,
        unit: await unit(cmd.input.unitId, cmd.input.from),
        grantedBy: context.actor.userId,
      };
    } else {
      command = { type: 'RevokeRole', ...cmd.input, revokedBy: context.actor.userId };
    }
    const userId = command.userId;
    const result = await runDecider<User, UserEvent>(
      this.store,
      userStream(userId),
      { initial: initialUser, evolve: evolveUser },
      (s) => decideUser(command, s, now),
      context,
    );
    return { ...result, userId };
  }
}

@CommandHandler(RegisterUser)
export class RegisterUserHandler implements ICommandHandler<RegisterUser> {
  constructor(private readonly users: UserCommands) {}
  execute(cmd: RegisterUser) {
    return this.users.execute(cmd);
  }
}

@CommandHandler(GrantRole)
export class GrantRoleHandler implements ICommandHandler<GrantRole> {
  constructor(private readonly users: UserCommands) {}
  execute(cmd: GrantRole) {
    return this.users.execute(cmd);
  }
}

@CommandHandler(RevokeRole)
export class RevokeRoleHandler implements ICommandHandler<RevokeRole> {
  constructor(private readonly users: UserCommands) {}
  execute(cmd: RevokeRole) {
    return this.users.execute(cmd);
  }
}
