import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ChangePlan, ChangeUnits, CommandContext, DefineRegime, GrantRole, loadUnitSeed, RegisterUser, systemScope,
} from '@gl/application';
import { PlanIssued, RegimeDefinition, Role, SYSTEM_ACTOR, TaskDefinition } from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';

interface PlanFile {
  plan: PlanIssued['data'];
  tasks: TaskDefinition[];
}

interface DemoUsersFile {
  from: string;
  users: { userId: string; displayName: string; unitId: string; roles: { role: Role; unitId: string }[] }[];
}

/** Where the seed files live: `seed/` at the project's root (SEED_DIR overrides). */
export const seedDirectory = (): string => process.env.SEED_DIR ?? join(process.cwd(), 'seed');

/**
 * Loads the seed: the organisation tree with its history, then the demo users. Every step carries
 * an idempotency key derived from the seed's own keys, so running it twice records nothing new.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.store.headPosition()) !== '0') return false;
    await this.seed();
    return true;
  }

  async seed(dir = seedDirectory()): Promise<{ unitSteps: number; users: number; tasks: number; obligations: number }> {
    const read = <T>(path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8'));
    const ctx = (key: string): CommandContext => ({
      actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'seed', causationId: `seed:${key}`, idempotencyKey: `seed:${key}`,
      reason: 'Dữ liệu khởi tạo (seed)',
    });
    const steps = loadUnitSeed(read);
    for (const step of steps) await this.commands.execute(new ChangeUnits(step.command, ctx(step.key)));
    const demo = read<DemoUsersFile>('users/demo-users.json');
    for (const u of demo.users) {
      await this.commands.execute(new RegisterUser({ userId: u.userId, displayName: u.displayName, unitId: u.unitId, from: demo.from }, ctx(`user:${u.userId}`)));
      for (const g of u.roles) {
        await this.commands.execute(new GrantRole({ userId: u.userId, role: g.role, unitId: g.unitId, from: demo.from }, ctx(`grant:${u.userId}:${g.role}:${g.unitId}`)));
      }
    }
    // The plan goes through the same commands as the API; each task fans out into obligations.
    const { plan, tasks } = read<PlanFile>('plans/cantho-2023-ldcs.json');
    await this.commands.execute(new ChangePlan({ type: 'IssuePlan', ...plan }, ctx(`plan:${plan.planId}`)));
    let obligations = 0;
    for (const task of tasks) {
      const r = await this.commands.execute(new ChangePlan({ type: 'AddTask', planId: plan.planId, task }, ctx(`task:${plan.planId}:${task.code}`)));
      obligations += (r as { obligations?: { created: number; existing: number } }).obligations?.created ?? 0;
    }
    for (const regime of read<{ regimes: RegimeDefinition[] }>('plans/cantho-2023-ldcs-reporting.json').regimes) {
      await this.commands.execute(new DefineRegime(regime, ctx(`regime:${regime.regimeId}`)));
    }
    this.logger.log(`seeded ${steps.length} changes to the organisation tree, ${demo.users.length} demo users, a plan of ${tasks.length} tasks (${obligations} obligations)`);
    return { unitSteps: steps.length, users: demo.users.length, tasks: tasks.length, obligations };
  }
}
