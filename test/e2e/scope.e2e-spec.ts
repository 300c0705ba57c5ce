import { Harness, startApi } from './support/api-harness';

const basis = { number: '1/QĐ', date: '2023-12-01', issuer: 'UBND' };
const effective = { effectiveOn: '2024-01-01', legalBasis: basis };
const unit = { name: 'X', kind: 'commune', level: 'commune' };

/**
 * Every endpoint, probed by the reporter of Phường An Hòa against Phường Tân An (another commune
 * of the same district): each answers 404 as if Tân An did not exist, and writes nothing.
 */
const probes: [string, 'get' | 'post', string, object?][] = [
  ['a unit', 'get', '/api/v1/units/ninh-kieu-tan-an?asOf=2023-12-31'],
  ['a lineage', 'get', '/api/v1/units/ninh-kieu-tan-an/lineage'],
  ['a subtree', 'get', '/api/v1/units/tree?asOf=2023-12-31&rootId=ninh-kieu-tan-an'],
  [
    'establishing under it',
    'post',
    '/api/v1/units',
    { ...unit, parentId: 'ninh-kieu-tan-an', effectiveOn: '2024-01-01', asExisting: true },
  ],
  ['renaming', 'post', '/api/v1/units/ninh-kieu-tan-an/renaming', { name: 'X', ...effective }],
  ['recoding', 'post', '/api/v1/units/ninh-kieu-tan-an/recoding', { code: { code: '1', table: 't' }, ...effective }],
  [
    'reclassifying',
    'post',
    '/api/v1/units/ninh-kieu-tan-an/reclassification',
    { kind: 'commune', level: 'commune', ...effective },
  ],
  ['re-parenting', 'post', '/api/v1/units/ninh-kieu-tan-an/reparenting', { parentId: 'ubnd-can-tho', ...effective }],
  [
    'splitting',
    'post',
    '/api/v1/units/ninh-kieu-tan-an/split',
    {
      successors: [
        { ...unit, parentId: 'ninh-kieu' },
        { ...unit, name: 'Y', parentId: 'ninh-kieu' },
      ],
      ...effective,
    },
  ],
  [
    'transferring part',
    'post',
    '/api/v1/units/ninh-kieu-tan-an/part-transfers',
    { toUnitId: 'ninh-kieu-an-hoa', description: 'ấp 1', ...effective },
  ],
  ['dissolving', 'post', '/api/v1/units/ninh-kieu-tan-an/dissolution', effective],
  [
    'merging',
    'post',
    '/api/v1/units/mergers',
    {
      predecessors: [
        { unitId: 'ninh-kieu-tan-an', whole: true },
        { unitId: 'ninh-kieu-an-hoa', whole: true },
      ],
      continuingUnitId: 'ninh-kieu-an-hoa',
      ...effective,
    },
  ],
  ['a person', 'get', '/api/v1/users/tanan-reporter'],
  ['the people of a unit', 'get', '/api/v1/users?unitId=ninh-kieu-tan-an'],
  ['registering a person', 'post', '/api/v1/users', { displayName: 'X', unitId: 'ninh-kieu-tan-an' }],
  ['granting', 'post', '/api/v1/users/tanan-reporter/grants', { role: 'viewer', unitId: 'ninh-kieu-tan-an' }],
  [
    'revoking',
    'post',
    '/api/v1/users/tanan-reporter/revocations',
    { role: 'unit-reporter', unitId: 'ninh-kieu-tan-an', reason: 'x' },
  ],
  ['an inbox', 'get', '/api/v1/units/ninh-kieu-tan-an/inbox'],
  ['an obligation', 'get', '/api/v1/obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an'],
  ['the obligations of a unit', 'get', '/api/v1/obligations?unitId=ninh-kieu-tan-an'],
  ['acknowledging', 'post', '/api/v1/obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an/acknowledgement', {}],
  [
    'progress',
    'post',
    '/api/v1/obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an/progress',
    { percent: 10, note: 'x' },
  ],
  [
    'completing',
    'post',
    '/api/v1/obligations/cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an/completion',
    { evidence: { documentNumber: '1', documentDate: '2023-01-01', attachments: [] } },
  ],
  [
    'a detailed plan',
    'post',
    '/api/v1/plans',
    {
      planId: 'x',
      assignedOn: '2023-08-01',
      issuerUnitId: 'ninh-kieu-tan-an',
      signer: { name: 'x', title: 'x' },
      legalBasis: [],
      title: 'x',
      purposes: [],
      requirements: [],
      sections: [],
      budgetDuties: [],
      difficultyChannel: { reportToUnitId: 'so-noi-vu', text: '' },
      recipients: [],
      parent: { planId: 'cantho-2023-ldcs', taskCodes: [] },
    },
  ],
  [
    'a receipt',
    'post',
    '/api/v1/plans/cantho-2023-ldcs/receipts',
    { recipientKey: 'xa-phuong-thi-tran', unitId: 'ninh-kieu-tan-an' },
  ],
  [
    'recording an activity',
    'post',
    '/api/v1/activities/conference',
    {
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: { level: 'commune', heldOn: '2023-09-01', place: 'x', chairedBy: 'x', participants: {}, evidence: null },
    },
  ],
  ['the activities of a unit', 'get', '/api/v1/activities?unitId=ninh-kieu-tan-an'],
  ['the figures of a unit', 'get', '/api/v1/units/ninh-kieu-tan-an/figures?year=2023'],
];

describe('scope: a commune reporter and another commune', () => {
  let h: Harness;
  let anHoa: Record<string, string>;

  beforeAll(async () => {
    h = await startApi();
    anHoa = { Authorization: `Bearer ${await h.token('anhoa-reporter')}` };
  });
  afterAll(() => h.close());

  it.each(probes.map(([what, method, path, body]) => ({ what, method, path, body })))(
    'hides $what of another commune (404)',
    async ({ method, path, body }) => {
      const before = await h.http().get('/health/ready');
      const res = await (method === 'get' ? h.http().get(path) : h.http().post(path).send(body)).set(anHoa).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/was not found/);
      const after = await h.http().get('/health/ready');
      expect(after.body.info.eventStore.headPosition).toBe(before.body.info.eventStore.headPosition);
    },
  );

  it('lists only what is in scope', async () => {
    const units = await h.http().get('/api/v1/units?asOf=2023-12-31&pageSize=500').set(anHoa).expect(200);
    expect(units.body.items.map((u: { id: string }) => u.id)).toEqual(['ninh-kieu-an-hoa']);
    const tree = await h.http().get('/api/v1/units/tree?asOf=2023-12-31').set(anHoa).expect(200);
    expect(tree.body.roots.map((r: { id: string }) => r.id)).toEqual(['ninh-kieu-an-hoa']);
    const people = await h.http().get('/api/v1/users').set(anHoa).expect(200);
    expect(people.body.items.map((u: { userId: string }) => u.userId)).toEqual(['anhoa-reporter']);
  });

  it('refuses, with 403, what the reporter can see but may not do', async () => {
    const res = await h
      .http()
      .post('/api/v1/units/ninh-kieu-an-hoa/renaming')
      .set(anHoa)
      .send({ name: 'X', ...effective })
      .expect(403);
    expect(res.body).toMatchObject({ type: '/problems/not-permitted' });
    await h
      .http()
      .post('/api/v1/units/level-abolitions')
      .set(anHoa)
      .send({ level: 'commune', ...effective })
      .expect(403);
  });

  it('lets the district head read its communes but not act for them', async () => {
    const head = { Authorization: `Bearer ${await h.token('ninhkieu-head')}` };
    await h.http().get('/api/v1/units/ninh-kieu-tan-an?asOf=2023-12-31').set(head).expect(200);
    await h.http().get('/api/v1/units/binh-thuy?asOf=2023-12-31').set(head).expect(404);
  });

  it('lets the auditor read everything and write nothing', async () => {
    const auditor = { Authorization: `Bearer ${await h.token('auditor')}` };
    await h.http().get('/api/v1/units/ninh-kieu-tan-an?asOf=2023-12-31').set(auditor).expect(200);
    const people = await h.http().get('/api/v1/users?pageSize=100').set(auditor).expect(200);
    expect(people.body.total).toBe(10);
    const res = await h
      .http()
      .post('/api/v1/units/ninh-kieu-tan-an/renaming')
      .set(auditor)
      .send({ name: 'X', ...effective })
      .expect(403);
    expect(res.body.type).toBe('/problems/not-permitted');
  });
});
