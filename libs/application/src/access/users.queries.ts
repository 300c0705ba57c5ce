import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Scope } from '@gl/domain';
import { READ_STORE, ReadStore, UserDoc } from '@gl/read-models';
import { NotFoundInScopeError, requireReadable } from '../shared/access.errors';
import { findPage, Page, seesAll, seesUnit, withoutStoreFields } from '../shared/read-helpers';

/** People of the units the caller may read (auditors: everyone). */
export class ListUsers {
  constructor(
    readonly scope: Scope,
    readonly unitId: string | undefined,
    readonly page: number,
    readonly pageSize: number,
  ) {}
}

@QueryHandler(ListUsers)
export class ListUsersHandler implements IQueryHandler<ListUsers, Page<UserDoc>> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, unitId, page, pageSize }: ListUsers): Promise<Page<UserDoc>> {
    const everyone = seesAll(scope);
    const units = unitId ? [unitId] : everyone ? null : [...scope.reads];
    if (unitId) requireReadable(scope, unitId, `unit ${unitId}`);
    const filter = units ? { unitId: { $in: units } } : {};
    return findPage<UserDoc>(this.reads, 'users', filter, { displayName: 1, _id: 1 }, page, pageSize);
  }
}

export class GetUser {
  constructor(
    readonly scope: Scope,
    readonly userId: string,
  ) {}
}

@QueryHandler(GetUser)
export class GetUserHandler implements IQueryHandler<GetUser, UserDoc> {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  async execute({ scope, userId }: GetUser): Promise<UserDoc> {
    const doc = await this.reads.get('users', userId);
    if (!doc || !seesUnit(scope, doc.unitId as string)) throw new NotFoundInScopeError(`user ${userId}`);
    return withoutStoreFields<UserDoc>(doc);
  }
}
