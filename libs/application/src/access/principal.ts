import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  CalendarDate,
  Clock,
  Grant,
  evolveUser,
  grantsAt,
  initialUser,
  Scope,
  scopeOf,
  Unit,
  User,
  UserEvent,
  userStream,
  vietnamDateOf,
} from '@gl/domain';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { READ_STORE, ReadStore, UserDoc } from '@gl/read-models';
import { CLOCK_PORT } from '../shared/ports';
import { UnitDirectory } from '../units/unit-directory';

const SCOPES_KEPT = 10_000;

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
  /** Scopes by registry version, day and grants: a city viewer's holds hundreds of units, and every request asks it. */
  private readonly scopes = new WeakMap<ReadonlyMap<string, Unit>, Map<string, Scope>>();

  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(CLOCK_PORT) private readonly clock: Clock,
    private readonly directory: UnitDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async resolve(subject: string): Promise<Principal | null> {
    const user = ((await this.reads.get('users', subject)) ??
      (await this.reads.find('users', { externalId: subject }, { limit: 1 }))[0] ??
      null) as (UserDoc & { _id: string }) | null;
    if (!user) return null;
    return this.principalOf({ ...user, exists: true } as User);
  }

  /**
   * The person's rights as the log stands now, not as the users projection last saw them: what a
   * write is checked against (a revocation appended a moment ago already counts).
   */
  async fromLog(userId: string): Promise<Principal | null> {
    const history = await this.store.readStream(userStream(userId));
    const user = history.reduce((s, e) => evolveUser(s, { type: e.type, data: e.data } as UserEvent), initialUser());
    return user.exists ? this.principalOf(user) : null;
  }

  private async principalOf(user: User): Promise<Principal> {
    const now = this.clock.now();
    const grants = grantsAt(user, now.toISOString());
    const scope = this.scopeOf(grants, await this.directory.units(), vietnamDateOf(now));
    const { exists: _exists, ...doc } = user;
    return { actor: { userId: user.userId, unitId: user.unitId, roles: scope.roles }, scope, user: doc };
  }

  /** The scope of these grants on this registry and day, worked out once; shared, so never changed by its readers. */
  private scopeOf(grants: Grant[], units: ReadonlyMap<string, Unit>, today: CalendarDate): Scope {
    let known = this.scopes.get(units);
    if (!known) this.scopes.set(units, (known = new Map()));
    const key = `${today}|${JSON.stringify(grants)}`;
    let scope = known.get(key);
    if (!scope) {
      if (known.size >= SCOPES_KEPT) known.clear();
      known.set(key, (scope = scopeOf(grants, units, today)));
    }
    return scope;
  }
}
