import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, grantsAt, Scope, scopeOf, User, vietnamDateOf } from '@gl/domain';
import { READ_STORE, ReadStore, UserDoc } from '@gl/read-models';
import { CLOCK_PORT } from '../shared/ports';
import { UnitDirectory } from '../units/unit-directory';

/** The person behind a request: who they are, the roles they hold now, and their scope. */
export interface Principal {
  actor: Actor;
  scope: Scope;
  user: UserDoc;
}

/**
 * Turns a verified token subject into a principal. Roles come from the event-sourced grants, not
 * from the token, so a revocation takes effect at once.
 */
@Injectable()
export class PrincipalResolver {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly directory: UnitDirectory,
  ) {}

  async resolve(subject: string): Promise<Principal | null> {
    const user = ((await this.reads.get('users', subject)) ??
      (await this.reads.find('users', { externalId: subject }, { limit: 1 }))[0] ??
      null) as (UserDoc & { _id: string }) | null;
    if (!user) return null;
    const now = this.clock.now();
    const grants = grantsAt({ ...user, exists: true } as User, now.toISOString());
    const scope = scopeOf(grants, await this.directory.units(), vietnamDateOf(now));
    return { actor: { userId: user.userId, unitId: user.unitId, roles: scope.roles }, scope, user };
  }
}
