import { SignJWT, UnsecuredJWT } from 'jose';
import { EVENT_STORE, EventStore } from '@gl/event-store';
import { Harness, startApi } from './support/api-harness';

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
      const res = await h.http().get('/api/v1/units/tree?asOf=2023-12-31').set(await as('city-viewer')).expect(200);
      const city = res.body.roots.find((r: { id: string }) => r.id === 'ubnd-can-tho');
      const districts = city.children.filter((c: { level: string }) => c.level === 'district');
      expect(districts).toHaveLength(9);
      expect(districts.reduce((n: number, d: { children: unknown[] }) => n + d.children.length, 0)).toBe(83);
    });

    it('answers "as of 2025-07-01" without the district level', async () => {
      const res = await h.http().get('/api/v1/units?asOf=2025-07-01&level=district').set(await as('city-viewer')).expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
      const communes = await h.http().get('/api/v1/units?asOf=2025-07-01&level=commune&pageSize=500').set(await as('city-viewer')).expect(200);
      // NQ 1668/NQ-UBTVQH15 khoản 96: the new city has 103 commune-level units (31 phường, 72 xã).
      expect(communes.body.total).toBe(103);
      expect(communes.body.items.every((c: { parentId: string }) => c.parentId === 'ubnd-can-tho')).toBe(true);
    });

    it('lists the units of a level anywhere under a unit', async () => {
      const res = await h.http().get('/api/v1/units?asOf=2023-12-31&level=commune&underId=ubnd-can-tho&pageSize=500').set(await as('city-viewer')).expect(200);
      expect(res.body.total).toBe(83);
      const wards = await h.http().get('/api/v1/units?asOf=2023-12-31&kind=commune&parentId=ninh-kieu').set(await as('city-viewer')).expect(200);
      expect(wards.body.total).toBe(11);
    });

    it('finds units by name without diacritics or case', async () => {
      const res = await h.http().get('/api/v1/units?asOf=2023-12-31&q=ninh kieu').set(await as('city-viewer')).expect(200);
      expect(res.body.items.map((u: { name: string }) => u.name)).toContain('Quận Ninh Kiều');
      const d = await h.http().get(`/api/v1/units?asOf=2023-12-31&q=${encodeURIComponent('DAI PHAT THANH')}`).set(await as('city-viewer')).expect(200);
      expect(d.body.items[0].name).toMatch(/^Đài Phát thanh/);
    });

    it('follows the lineage of a ward through 2024 and 2025', async () => {
      const res = await h.http().get('/api/v1/units/ninh-kieu-an-cu/lineage').set(await as('city-viewer')).expect(200);
      expect(res.body.successors.map((s: { unitId: string; depth: number }) => [s.unitId, s.depth])).toEqual([
        ['ninh-kieu-thoi-binh', 1], ['new-phuong-ninh-kieu', 2],
      ]);
    });

    it('shows one unit as it stood on a day, with its history', async () => {
      const res = await h.http().get('/api/v1/units/ninh-kieu-tan-an?asOf=2023-11-14').set(await as('tanan-reporter')).expect(200);
      expect(res.body.onDate).toMatchObject({ name: 'Phường Tân An', parentId: 'ninh-kieu', level: 'commune' });
      expect(res.body.history.ended).toEqual({ on: '2025-07-01', reason: 'merged' });
    });
  });

  describe('changes by the plan coordinator', () => {
    it('establishes and renames a unit; the events carry the actor and the business time', async () => {
      const headers = { ...(await as('sonv-coordinator')), 'Idempotency-Key': 'new-enterprise-1' };
      const body = {
        unitId: 'cty-cap-thoat-nuoc', name: 'Công ty Cổ phần Cấp thoát nước Cần Thơ', kind: 'state-enterprise', level: 'city',
        parentId: 'ubnd-can-tho', effectiveOn: '2023-01-01', asExisting: true,
      };
      const first = await h.http().post('/api/v1/units').set(headers).send(body).expect(201);
      expect(first.body).toMatchObject({ stream: 'units-registry', unitId: 'cty-cap-thoat-nuoc' });
      const again = await h.http().post('/api/v1/units').set(headers).send(body).expect(201);
      expect(again.body).toEqual(first.body);

      const renamed = await h.http().post('/api/v1/units/cty-cap-thoat-nuoc/renaming').set(await as('sonv-coordinator'))
        .set('X-Reason', encodeURIComponent('Đổi tên theo điều lệ mới'))
        .send({ name: 'Công ty CP Cấp thoát nước Cần Thơ', effectiveOn: '2024-01-01', legalBasis: { number: '12/QĐ-HĐQT', date: '2023-12-20', issuer: 'Hội đồng quản trị' } })
        .expect(201);
      const [last] = await h.app.get<EventStore>(EVENT_STORE).readStream('units-registry', { direction: 'backward', maxCount: 1 });
      expect(last.position).toBe(renamed.body.position);
      expect(last.metadata).toMatchObject({
        actor: { userId: 'sonv-coordinator', unitId: 'so-noi-vu', roles: ['plan-coordinator'] },
        occurredAt: '2023-12-31T17:00:00.000Z', reason: 'Đổi tên theo điều lệ mới',
      });
      const read = await h.http().get('/api/v1/units/cty-cap-thoat-nuoc?asOf=2024-06-01').set(await as('sonv-coordinator'))
        .set('X-Wait-For-Position', renamed.body.position).expect(200);
      expect(read.body.onDate.name).toBe('Công ty CP Cấp thoát nước Cần Thơ');
    });

    it.each([
      [{ effectiveOn: '2023-02-30' }, 'effectiveOn must be a real calendar date'],
      [{ kind: 'planet' }, 'kind must be one of'],
      [{ colour: 'red' }, 'property colour should not exist'],
      [{ name: '' }, 'name must be longer than or equal to 1 characters'],
    ])('refuses bad input %j with problem+json, writing nothing', async (change, message) => {
      const events = h.app.get<EventStore>(EVENT_STORE);
      const before = await events.headPosition();
      const res = await h.http().post('/api/v1/units').set(await as('sonv-coordinator'))
        .send({ name: 'X', kind: 'other', level: 'city', parentId: 'ubnd-can-tho', effectiveOn: '2024-01-01', asExisting: true, ...change }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe('/problems/validation-failed');
      expect(res.body.detail).toContain(message);
      expect(await events.headPosition()).toBe(before);
    });

    it('refuses a change the registry does not allow with 422, writing nothing', async () => {
      const res = await h.http().post('/api/v1/units/ninh-kieu/dissolution').set(await as('sonv-coordinator'))
        .send({ effectiveOn: '2024-01-01', legalBasis: { number: '1/QĐ', date: '2023-12-01', issuer: 'UBND TP' } }).expect(422);
      expect(res.body).toMatchObject({ type: '/problems/has-active-children', status: 422 });
    });

    it('registers a person and grants a role, and /me shows it', async () => {
      await h.http().post('/api/v1/users').set(await as('sonv-coordinator'))
        .send({ userId: 'xuankhanh-reporter', displayName: 'Trần Thị Mai', unitId: 'ninh-kieu-xuan-khanh', from: '2023-06-01T00:00:00+07:00' }).expect(201);
      const g = await h.http().post('/api/v1/users/xuankhanh-reporter/grants').set(await as('sonv-coordinator'))
        .send({ role: 'unit-reporter', unitId: 'ninh-kieu-xuan-khanh', from: '2023-06-01T00:00:00+07:00' }).expect(201);
      await h.settle();
      expect(g.body.userId).toBe('xuankhanh-reporter');
      const me = await h.http().get('/api/v1/me').set(await as('xuankhanh-reporter')).expect(200);
      expect(me.body).toMatchObject({ roles: ['unit-reporter'], scope: { readsAll: false, writes: ['ninh-kieu-xuan-khanh'] } });
      expect(me.body.user.grants[0]).toMatchObject({ role: 'unit-reporter', grantedBy: 'sonv-coordinator', from: '2023-05-31T17:00:00.000Z' });
    });
  });

  describe('authentication', () => {
    const sign = (claims: Partial<{ iss: string; aud: string; sub: string }>, exp: string | number = '1h', secret = SECRET) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub ?? 'auditor')
        .setIssuer(claims.iss ?? 'grassroots-ledger').setAudience(claims.aud ?? 'grassroots-ledger-api')
        .setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(secret));

    it.each([
      ['no token', async () => undefined, /bearer token is required/],
      ['an expired token', async () => sign({}, Math.floor(Date.now() / 1000) - 60), /"exp" claim/],
      ['an unsigned token (alg: none)', async () => new UnsecuredJWT({ sub: 'auditor' }).setIssuer('grassroots-ledger').setAudience('grassroots-ledger-api').setExpirationTime('1h').encode(), /algorithm none/],
      ['a wrongly signed token', async () => sign({}, '1h', 'another-secret-that-is-also-long-enough!!'), /signature verification failed/],
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
