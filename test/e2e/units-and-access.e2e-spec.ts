import { SignJWT, UnsecuredJWT } from 'jose';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { UserDocSchema } from '@gl/read-models';
import { schemaErrors } from '@gl/platform';
import { MeAnswer, UsersPage, UserWriteResult } from '../../apps/api/src/access/users.responses';
import {
  UnitAnswer,
  UnitLineage,
  UnitsPage,
  UnitTree,
  UnitWriteResult,
} from '../../apps/api/src/units/units.responses';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!';

describe('units, people and access over HTTP (seeded Cần Thơ)', () => {
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });

  beforeAll(async () => {
    h = await startApi({ JWT_SECRET: SECRET });
  });
  afterAll(() => h.close());

  describe('the tree with its history', () => {
    it('answers "as of 2023-12-31" with the 9 districts and their communes', async () => {
      const res = await h
        .http()
        .get('/api/v1/units/tree?asOf=2023-12-31')
        .set(await as('city-viewer'))
        .expect(200);
      expect(schemaErrors(UnitTree, res.body)).toEqual([]);
      const city = res.body.roots.find((r: { id: string }) => r.id === 'ubnd-can-tho');
      const districts = city.children.filter((c: { level: string }) => c.level === 'district');
      expect(districts).toHaveLength(9);
      expect(districts.reduce((n: number, d: { children: unknown[] }) => n + d.children.length, 0)).toBe(83);
    });

    it('answers "as of 2025-07-01" without the district level', async () => {
      const res = await h
        .http()
        .get('/api/v1/units?asOf=2025-07-01&level=district')
        .set(await as('city-viewer'))
        .expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
      const communes = await h
        .http()
        .get('/api/v1/units?asOf=2025-07-01&level=commune&pageSize=500')
        .set(await as('city-viewer'))
        .expect(200);
      expect(schemaErrors(UnitsPage, communes.body)).toEqual([]);
      // NQ 1668/NQ-UBTVQH15 khoản 96: the new city has 103 commune-level units (31 phường, 72 xã).
      expect(communes.body.total).toBe(103);
      expect(communes.body.items.every((c: { parentId: string }) => c.parentId === 'ubnd-can-tho')).toBe(true);
    });

    it('lists the units of a level anywhere under a unit', async () => {
      const res = await h
        .http()
        .get('/api/v1/units?asOf=2023-12-31&level=commune&underId=ubnd-can-tho&pageSize=500')
        .set(await as('city-viewer'))
        .expect(200);
      expect(res.body.total).toBe(83);
      const wards = await h
        .http()
        .get('/api/v1/units?asOf=2023-12-31&kind=commune&parentId=ninh-kieu')
        .set(await as('city-viewer'))
        .expect(200);
      expect(wards.body.total).toBe(11);
    });

    it('finds units by name without diacritics or case', async () => {
      const res = await h
        .http()
        .get('/api/v1/units?asOf=2023-12-31&q=ninh kieu')
        .set(await as('city-viewer'))
        .expect(200);
      expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Quận Ninh Kiều');
      const d = await h
        .http()
        .get(`/api/v1/units?asOf=2023-12-31&q=${encodeURIComponent('DAI PHAT THANH')}`)
        .set(await as('city-viewer'))
        .expect(200);
      expect(d.body.items[0].name).toMatch(/^Đài Phát thanh/);
    });

    it('follows the lineage of a ward through 2024 and 2025', async () => {
      const res = await h
        .http()
        .get('/api/v1/units/ninh-kieu-an-cu/lineage')
        .set(await as('city-viewer'))
        .expect(200);
      expect(schemaErrors(UnitLineage, res.body)).toEqual([]);
      expect(res.body.successors.map((s: { unitId: string; depth: number }) => [s.unitId, s.depth])).toEqual([
        ['ninh-kieu-thoi-binh', 1],
        ['new-phuong-ninh-kieu', 2],
      ]);
    });

    it('shows one unit as it stood on a day, with its history', async () => {
      const res = await h
        .http()
        .get('/api/v1/units/ninh-kieu-tan-an?asOf=2023-11-14')
        .set(await as('tanan-reporter'))
        .expect(200);
      expect(schemaErrors(UnitAnswer, res.body)).toEqual([]);
      expect(res.body.onDate).toMatchObject({ name: 'Phường Tân An', parentId: 'ninh-kieu', level: 'commune' });
      expect(res.body.history.ended).toEqual({ on: '2025-07-01', reason: 'merged' });
    });
  });

  describe('changes by the plan coordinator', () => {
    it('establishes and renames a unit; the events carry the actor and the business time', async () => {
      const headers = { ...(await as('sonv-coordinator')), 'Idempotency-Key': 'new-enterprise-1' };
      const body = {
        unitId: 'cty-cap-thoat-nuoc',
        name: 'Công ty Cổ phần Cấp thoát nước Cần Thơ',
        kind: 'state-enterprise',
        level: 'city',
        parentId: 'ubnd-can-tho',
        effectiveOn: '2023-01-01',
        asExisting: true,
      };
      const first = await h.http().post('/api/v1/units').set(headers).send(body).expect(201);
      expect(first.body).toMatchObject({ stream: 'units-registry', unitId: 'cty-cap-thoat-nuoc' });
      expect(schemaErrors(UnitWriteResult, first.body)).toEqual([]);
      const again = await h.http().post('/api/v1/units').set(headers).send(body).expect(201);
      expect(again.body).toEqual(first.body);

      const renamed = await h
        .http()
        .post('/api/v1/units/cty-cap-thoat-nuoc/renaming')
        .set(await as('sonv-coordinator'))
        .set('X-Reason', encodeURIComponent('Đổi tên theo điều lệ mới'))
        .send({
          name: 'Công ty CP Cấp thoát nước Cần Thơ',
          effectiveOn: '2024-01-01',
          legalBasis: { number: '12/QĐ-HĐQT', date: '2023-12-20', issuer: 'Hội đồng quản trị' },
        })
        .expect(201);
      const [last] = await h.app
        .get<EventStore>(EVENT_STORE)
        .readStream('units-registry', { direction: 'backward', maxCount: 1 });
      expect(last.position).toBe(renamed.body.position);
      expect(last.metadata).toMatchObject({
        actor: { userId: 'sonv-coordinator', unitId: 'so-noi-vu', roles: ['plan-coordinator'] },
        occurredAt: '2023-12-31T17:00:00.000Z',
        reason: 'Đổi tên theo điều lệ mới',
      });
      const read = await h
        .http()
        .get('/api/v1/units/cty-cap-thoat-nuoc?asOf=2024-06-01')
        .set(await as('sonv-coordinator'))
        .set('X-Wait-For-Position', renamed.body.position)
        .expect(200);
      expect(read.body.onDate.name).toBe('Công ty CP Cấp thoát nước Cần Thơ');
      expect(schemaErrors(UnitAnswer, read.body)).toEqual([]);
    });

    it('splits a unit into parts with their shares, and merges two into a new one; the answers and the tree stay in their shapes', async () => {
      const coordinator = await as('sonv-coordinator');
      const effective = {
        effectiveOn: '2024-03-01',
        legalBasis: { number: '5/QĐ-UBND', date: '2024-02-20', issuer: 'UBND TP', title: '' },
      };
      const unit = (unitId: string, name: string) => ({
        unitId,
        name,
        nameEn: null,
        kind: 'public-service-unit',
        level: 'city',
        parentId: 'ubnd-can-tho',
      });
      await h
        .http()
        .post('/api/v1/units')
        .set(coordinator)
        .send({ ...unit('trung-tam-a', 'Trung tâm A'), effectiveOn: '2024-01-01', asExisting: true })
        .expect(201);
      const split = await h
        .http()
        .post('/api/v1/units/trung-tam-a/split')
        .set(coordinator)
        .send({
          ...effective,
          successors: [
            { ...unit('trung-tam-a1', 'Trung tâm A1'), share: 0.6 },
            { ...unit('trung-tam-a2', 'Trung tâm A2'), share: 0.4 },
          ],
        })
        .expect(201);
      expect(schemaErrors(UnitWriteResult, split.body)).toEqual([]);
      const merged = await h
        .http()
        .post('/api/v1/units/mergers')
        .set(coordinator)
        .send({
          ...effective,
          effectiveOn: '2024-06-01',
          predecessors: [
            { unitId: 'trung-tam-a1', whole: true },
            { unitId: 'trung-tam-a2', whole: true },
          ],
          successor: {
            unitId: 'trung-tam-b',
            name: 'Trung tâm B',
            kind: 'public-service-unit',
            level: 'city',
            parentId: 'ubnd-can-tho',
          },
        })
        .expect(201);
      expect(merged.body).toMatchObject({ unitId: 'trung-tam-b' });
      const lineage = await h
        .http()
        .get('/api/v1/units/trung-tam-b/lineage')
        .set(coordinator)
        .set('X-Wait-For-Position', merged.body.position)
        .expect(200);
      expect(schemaErrors(UnitLineage, lineage.body)).toEqual([]);
      expect(lineage.body.predecessors.map((l: { unitId: string; share?: number }) => [l.unitId, l.share])).toEqual([
        ['trung-tam-a1', undefined],
        ['trung-tam-a2', undefined],
        ['trung-tam-a', 0.6],
      ]);
      const a = await h.http().get('/api/v1/units/trung-tam-a?asOf=2024-02-01').set(coordinator).expect(200);
      expect(schemaErrors(UnitAnswer, a.body)).toEqual([]);
      expect(a.body.history.successors).toEqual([
        { unitId: 'trung-tam-a1', whole: false, on: '2024-03-01', how: 'split', share: 0.6 },
        { unitId: 'trung-tam-a2', whole: false, on: '2024-03-01', how: 'split', share: 0.4 },
      ]);
      const tree = await h
        .http()
        .get('/api/v1/units/tree?asOf=2024-06-01&rootId=ubnd-can-tho')
        .set(coordinator)
        .expect(200);
      expect(schemaErrors(UnitTree, tree.body)).toEqual([]);
    });

    it.each([
      [
        'a day not in the calendar on the legal basis',
        '/api/v1/units/ninh-kieu-tan-an/renaming',
        { name: 'X', effectiveOn: '2024-01-01', legalBasis: { number: '1', date: '2023-02-29', issuer: 'UBND' } },
        'legalBasis.date must be a real calendar date',
      ],
      [
        'a merger of one unit',
        '/api/v1/units/mergers',
        {
          effectiveOn: '2024-01-01',
          legalBasis: { number: '1', date: null, issuer: 'UBND' },
          predecessors: [{ unitId: 'ninh-kieu-tan-an', whole: true }],
          continuingUnitId: 'ninh-kieu-tan-an',
        },
        'predecessors must have at least 2 items',
      ],
      [
        'a share above the whole',
        '/api/v1/units/ninh-kieu-tan-an/split',
        {
          effectiveOn: '2024-01-01',
          legalBasis: { number: '1', date: null, issuer: 'UBND' },
          successors: [
            { unitId: 'x-1', name: 'X1', kind: 'commune', level: 'commune', parentId: 'ninh-kieu', share: 1.5 },
            { unitId: 'x-2', name: 'X2', kind: 'commune', level: 'commune', parentId: 'ninh-kieu' },
          ],
        },
        'successors[0].share must be at most 1',
      ],
      [
        'the central level abolished',
        '/api/v1/units/level-abolitions',
        { level: 'central', effectiveOn: '2024-01-01', legalBasis: { number: '1', date: null, issuer: 'UBND' } },
        'level must be one of city, district, commune',
      ],
      [
        'a name over 200 characters',
        '/api/v1/units/ninh-kieu-tan-an/renaming',
        { name: 'x'.repeat(201), effectiveOn: '2024-01-01', legalBasis: { number: '1', date: null, issuer: 'UBND' } },
        'name must be at most 200 characters',
      ],
    ])('refuses %s with 400, writing nothing', async (_what, path, body, message) => {
      const before = await h.app.get<EventStore>(EVENT_STORE).headPosition();
      const res = await h
        .http()
        .post(path)
        .set(await as('sonv-coordinator'))
        .send(body)
        .expect(400);
      expect(res.body.type).toBe('/problems/validation-failed');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
      expect(await h.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(before);
    });

    it.each([
      [{ effectiveOn: '2023-02-30' }, 'effectiveOn must be a real calendar date'],
      [{ kind: 'planet' }, 'kind must be one of'],
      [{ colour: 'red' }, 'property colour should not exist'],
      [{ name: '' }, 'name may not be empty'],
    ])('refuses bad input %j with problem+json, writing nothing', async (change, message) => {
      const events = h.app.get<EventStore>(EVENT_STORE);
      const before = await events.headPosition();
      const res = await h
        .http()
        .post('/api/v1/units')
        .set(await as('sonv-coordinator'))
        .send({
          name: 'X',
          kind: 'other',
          level: 'city',
          parentId: 'ubnd-can-tho',
          effectiveOn: '2024-01-01',
          asExisting: true,
          ...change,
        })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe('/problems/validation-failed');
      expect(res.body.detail).toContain(message);
      expect(await events.headPosition()).toBe(before);
    });

    it('refuses a change the registry does not allow with 422, writing nothing', async () => {
      const res = await h
        .http()
        .post('/api/v1/units/ninh-kieu/dissolution')
        .set(await as('sonv-coordinator'))
        .send({ effectiveOn: '2024-01-01', legalBasis: { number: '1/QĐ', date: '2023-12-01', issuer: 'UBND TP' } })
        .expect(422);
      expect(res.body).toMatchObject({ type: '/problems/has-active-children', status: 422 });
    });

    it('registers a person and grants a role, and /me shows it', async () => {
      const registered = await h
        .http()
        .post('/api/v1/users')
        .set(await as('sonv-coordinator'))
        .send({
          userId: 'xuankhanh-reporter',
          displayName: 'Trần Thị Mai',
          unitId: 'ninh-kieu-xuan-khanh',
          email: 'mai@xuankhanh.vn',
          from: '2023-06-01T00:00:00+07:00',
        })
        .expect(201);
      expect(schemaErrors(UserWriteResult, registered.body)).toEqual([]);
      const g = await h
        .http()
        .post('/api/v1/users/xuankhanh-reporter/grants')
        .set(await as('sonv-coordinator'))
        .send({ role: 'unit-reporter', unitId: 'ninh-kieu-xuan-khanh', from: '2023-06-01T00:00:00+07:00' })
        .expect(201);
      await h.settle();
      expect(g.body.userId).toBe('xuankhanh-reporter');
      const me = await h
        .http()
        .get('/api/v1/me')
        .set(await as('xuankhanh-reporter'))
        .expect(200);
      expect(me.body).toMatchObject({
        roles: ['unit-reporter'],
        scope: { readsAll: false, writes: ['ninh-kieu-xuan-khanh'] },
      });
      expect(me.body.user.grants[0]).toMatchObject({
        role: 'unit-reporter',
        grantedBy: 'sonv-coordinator',
        from: '2023-05-31T17:00:00.000Z',
      });
      expect(schemaErrors(MeAnswer, me.body)).toEqual([]);
      const people = await h
        .http()
        .get('/api/v1/users?unitId=ninh-kieu-xuan-khanh')
        .set(await as('sonv-coordinator'))
        .expect(200);
      expect(schemaErrors(UsersPage, people.body)).toEqual([]);
      expect(people.body.items.map((u: { userId: string }) => u.userId)).toContain('xuankhanh-reporter');
      const one = await h
        .http()
        .get('/api/v1/users/xuankhanh-reporter')
        .set(await as('sonv-coordinator'))
        .expect(200);
      expect(schemaErrors(UserDocSchema, one.body)).toEqual([]);
      expect(one.body).toMatchObject({ email: 'mai@xuankhanh.vn', externalId: null });
    });

    it.each([
      [
        'an address that is not one',
        { displayName: 'X', unitId: 'ninh-kieu-xuan-khanh', email: 'không phải' },
        'email must be an email address',
      ],
      [
        'a day where an instant is asked',
        { displayName: 'X', unitId: 'ninh-kieu-xuan-khanh', from: '2023-06-01' },
        'from must be an instant',
      ],
      [
        'an unknown field',
        { displayName: 'X', unitId: 'ninh-kieu-xuan-khanh', role: 'auditor' },
        'property role should not exist',
      ],
    ])('refuses to register a person with %s (400)', async (_what, body, message) => {
      const res = await h
        .http()
        .post('/api/v1/users')
        .set(await as('sonv-coordinator'))
        .send(body)
        .expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    });

    it('refuses a revocation without a reason, and a role that is not one (400)', async () => {
      const coordinator = await as('sonv-coordinator');
      const none = await h
        .http()
        .post('/api/v1/users/tanan-reporter/revocations')
        .set(coordinator)
        .send({ role: 'unit-reporter', unitId: 'ninh-kieu-tan-an' })
        .expect(400);
      expect(none.body.errors).toEqual(['reason is required']);
      const bad = await h
        .http()
        .post('/api/v1/users/tanan-reporter/grants')
        .set(coordinator)
        .send({ role: 'mayor', unitId: 'ninh-kieu-tan-an' })
        .expect(400);
      expect(bad.body.errors[0]).toMatch(/^role must be one of plan-coordinator, unit-reporter/);
    });
  });

  it('stored every change above in the shape the event catalogue publishes', async () => {
    const seen = await expectEventsMatchTheirSchemas(h);
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'unit.established.v1',
        'unit.renamed.v1',
        'unit.split.v1',
        'units.merged.v1',
        'user.registered.v1',
        'user.role-granted.v1',
      ]),
    );
  });

  describe('authentication', () => {
    const sign = (
      claims: Partial<{ iss: string; aud: string; sub: string }>,
      exp: string | number = '1h',
      secret = SECRET,
    ) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub ?? 'auditor')
        .setIssuer(claims.iss ?? 'grassroots-ledger')
        .setAudience(claims.aud ?? 'grassroots-ledger-api')
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));

    it.each([
      ['no token', async () => undefined, /bearer token is required/],
      ['an expired token', async () => sign({}, Math.floor(Date.now() / 1000) - 60), /"exp" claim/],
      [
        'an unsigned token (alg: none)',
        async () =>
          new UnsecuredJWT({ sub: 'auditor' })
            .setIssuer('grassroots-ledger')
            .setAudience('grassroots-ledger-api')
            .setExpirationTime('1h')
            .encode(),
        /algorithm none/,
      ],
      [
        'a wrongly signed token',
        async () => sign({}, '1h', 'another-secret-that-is-also-long-enough!!'),
        /signature verification failed/,
      ],
      ['a foreign issuer', async () => sign({ iss: 'someone-else' }), /"iss" claim/],
      ['another audience', async () => sign({ aud: 'other-api' }), /"aud" claim/],
      ['an unknown user', async () => sign({ sub: 'nobody' }), /no registered user nobody/],
    ])('answers %s with 401 problem+json', async (_what, token, detail) => {
      const t = await token();
      const req = h.http().get('/api/v1/me');
      const res = await (t ? req.set('Authorization', `Bearer ${t}`) : req).expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(detail);
    });
  });
});
