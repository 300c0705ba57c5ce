import type { Grant, Unit } from '@gl/domain';
import type { EventStore } from '@gl/event-store';
import type { ReadStore } from '@gl/read-models';
import { FixedClock } from '@gl/testing';
import type { UnitDirectory } from '../units/unit-directory';
import { PrincipalResolver } from './principal';

const grant = (role: Grant['role'], unitId: string, until: string | null = null): Grant => ({
  role,
  unitId,
  from: '2023-06-01T00:00:00.000Z',
  until,
  grantedBy: 'admin',
  revokedBy: null,
});
const user = (grants: Grant[]) => ({
  _id: 'u1',
  userId: 'u1',
  displayName: 'Người xem',
  unitId: 'city',
  email: null,
  externalId: null,
  grants,
});
const unit = (id: string, parent: string | null) =>
  ({ id, parents: [{ from: '2023-01-01', value: parent }] }) as unknown as Unit;

describe('a principal’s scope (PrincipalResolver)', () => {
  const clock = new FixedClock('2023-11-14T03:00:00.000Z');
  let units = new Map([
    ['city', unit('city', null)],
    ['an', unit('an', 'city')],
  ]);
  let doc = user([grant('viewer', 'city')]);
  const reads = { get: async () => doc, find: async () => [] } as unknown as ReadStore;
  const directory = { units: async () => units } as unknown as UnitDirectory;
  const resolver = new PrincipalResolver(reads, clock, directory, {} as EventStore);

  it('is worked out once for the same grants, registry and day, and again when any of them changes', async () => {
    // given a viewer of the city, resolved twice
    const first = (await resolver.resolve('u1'))!.scope;
    const again = (await resolver.resolve('u1'))!.scope;
    // then the scope is the same one, holding the city's subtree
    expect(again).toBe(first);
    expect([...first.reads].sort()).toEqual(['an', 'city']);
    // when the registry changes (a new version of it), the scope follows it
    units = new Map([...units, ['binh', unit('binh', 'city')]]);
    const grown = (await resolver.resolve('u1'))!.scope;
    expect([...grown.reads].sort()).toEqual(['an', 'binh', 'city']);
    // and when the grant is revoked, nothing is read any more
    doc = user([grant('viewer', 'city', '2023-11-01T00:00:00.000Z')]);
    expect((await resolver.resolve('u1'))!.scope.reads.size).toBe(0);
  });
});
