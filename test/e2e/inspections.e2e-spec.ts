import { EVENT_STORE, EventStore } from '@gl/event-store';
import { FixedClock } from '@gl/testing';
import { schemaErrors } from '@gl/platform';
import { InspectionDocSchema } from '@gl/read-models';
import { PageOf } from '../../apps/api/src/shared/page.schemas';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';

/**
 * Issue 13, item 9: inspections (kiểm tra; plan I.2.d, II.6, IV.1) as records. Sở Nội vụ inspects
 * Phường Tân An's IV.2 (the annual report) and II.4 (the democracy regulation): planned, conducted
 * with findings, a follow-up requested and answered by Tân An, closed — every step in the audit
 * trail, on Tân An's dashboard, and invisible to another ward.
 */
describe('inspections over HTTP', () => {
  const clock = new FixedClock('2023-12-20T03:00:00.000Z');
  let h: Harness;
  const as = async (u: string) => ({ Authorization: `Bearer ${await h.token(u)}` });
  const post = async (who: string, path: string, body: object, status = 201) =>
    (
      await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as(who))
        .send(body)
        .expect(status)
    ).body;
  const get = async (who: string, path: string, position = '0', status = 200) =>
    (
      await h
        .http()
        .get(`/api/v1/${path}`)
        .set(await as(who))
        .set('X-Wait-For-Position', position)
        .expect(status)
    ).body;
  const head = () => h.app.get<EventStore>(EVENT_STORE).headPosition();
  const TAN_AN = 'ninh-kieu-tan-an';
  const plan = {
    inspectionId: 'kt-tan-an-2023',
    inspectingUnitId: 'so-noi-vu',
    inspectedUnitId: TAN_AN,
    planId: 'cantho-2023-ldcs',
    taskCodes: ['IV.2.b', 'II.4'],
    plannedFrom: '2023-10-16',
    plannedTo: '2023-10-20',
    decision: { number: '120/QĐ-SNV', date: '2023-10-02', issuer: 'Sở Nội vụ' },
    title: 'Kiểm tra việc thực hiện Luật Thực hiện dân chủ ở cơ sở',
  };
  const findings = [
    { taskCode: 'IV.2.b', finding: 'Báo cáo năm đầy đủ, đúng hạn', rating: 'good' },
    { taskCode: 'II.4', finding: 'Chưa ban hành quy chế dân chủ trong cơ quan', rating: 'unsatisfactory' },
  ];
  let last = '0';

  beforeAll(async () => {
    h = await startApi({ SEAL_INTERVAL_MS: '0' }, clock);
  });
  afterAll(() => h.close());

  it('records the whole life: planned → conducted with findings → follow-up requested → answered by Tân An → closed', async () => {
    const planned = await post('sonv-coordinator', 'inspections', plan);
    expect(planned).toMatchObject({ inspectionId: plan.inspectionId, stream: `inspection-${plan.inspectionId}` });
    const id = plan.inspectionId;
    await post('sonv-coordinator', `inspections/${id}/conduct`, {
      heldOn: '2023-10-17',
      endedOn: '2023-10-18',
      inspectors: [{ name: 'Nguyễn Văn A', title: 'Chuyên viên Sở Nội vụ' }],
      findings,
    });
    await post('sonv-coordinator', `inspections/${id}/follow-ups`, {
      followUpId: 'kn-1',
      request: 'Ban hành quy chế dân chủ trong cơ quan',
      requestedOn: '2023-10-25',
      dueOn: '2023-11-30',
    });
    // Only the inspected ward answers its follow-up: not the inspector, not another ward (which does not see it).
    await post(
      'sonv-coordinator',
      `inspections/${id}/follow-ups/kn-1/answer`,
      { answer: 'x', answeredOn: '2023-11-20' },
      403,
    );
    await post(
      'anhoa-reporter',
      `inspections/${id}/follow-ups/kn-1/answer`,
      { answer: 'x', answeredOn: '2023-11-20' },
      404,
    );
    await post('tanan-reporter', `inspections/${id}/follow-ups/kn-1/answer`, {
      answer: 'Đã ban hành Quyết định 5/QĐ-UBND',
      answeredOn: '2023-11-20',
      documentNumber: '5/QĐ-UBND',
    });
    // Tân An does not close its own inspection.
    await post(
      'tanan-head',
      `inspections/${id}/closing`,
      { closedOn: '2023-12-01', conclusion: 'x', document: { number: '1', date: '2023-12-01', issuer: 'x' } },
      403,
    );
    last = (
      await post('sonv-coordinator', `inspections/${id}/closing`, {
        closedOn: '2023-12-01',
        conclusion: 'Phường Tân An thực hiện cơ bản tốt; đã khắc phục kiến nghị',
        document: { number: '200/KL-SNV', date: '2023-12-01', issuer: 'Sở Nội vụ' },
      })
    ).position;

    const doc = await get('tanan-reporter', `inspections/${id}`, last);
    expect(doc).toMatchObject({
      status: 'closed',
      inspectingUnitId: 'so-noi-vu',
      inspectedUnitId: TAN_AN,
      taskCodes: ['IV.2.b', 'II.4'],
      findings,
      year: 2023,
      followUps: [{ followUpId: 'kn-1', dueOn: '2023-11-30', answeredOn: '2023-11-20', documentNumber: '5/QĐ-UBND' }],
      closed: { closedOn: '2023-12-01', document: { number: '200/KL-SNV' } },
    });
    expect(doc.history.map((x: { by: string }) => x.by)).toEqual([
      'sonv-coordinator',
      'sonv-coordinator',
      'sonv-coordinator',
      'tanan-reporter',
      'sonv-coordinator',
    ]);
    expect(schemaErrors(InspectionDocSchema, doc)).toEqual([]);
    const list = await get('tanan-reporter', `inspections?unitId=${TAN_AN}&year=2023&status=closed`, last);
    expect(list).toMatchObject({ total: 1, items: [{ inspectionId: id }] });
    expect(schemaErrors(PageOf(InspectionDocSchema), list)).toEqual([]);
    expect((await get('tanan-reporter', `inspections?unitId=${TAN_AN}&year=2024`, last)).total).toBe(0);
  });

  it("lists every step in Tân An's audit trail, each on its business day", async () => {
    const trail = await get('auditor', `audit/events?unitId=${TAN_AN}&types=inspection.&limit=100`, last);
    expect(trail.items.map((e: { type: string }) => e.type)).toEqual([
      'inspection.planned.v1',
      'inspection.conducted.v1',
      'inspection.follow-up-requested.v1',
      'inspection.follow-up-answered.v1',
      'inspection.closed.v1',
    ]);
    expect(trail.items.map((e: { metadata: { occurredAt: string } }) => e.metadata.occurredAt)).toEqual([
      '2023-10-01T17:00:00.000Z',
      '2023-10-16T17:00:00.000Z',
      '2023-10-24T17:00:00.000Z',
      '2023-11-19T17:00:00.000Z',
      '2023-11-30T17:00:00.000Z',
    ]);
    // Tân An's own staff see it in their unit's trail too.
    expect(
      (await get('tanan-head', `audit/events?unitId=${TAN_AN}&types=inspection.&limit=100`, last)).items,
    ).toHaveLength(5);
  });

  it("shows the inspection on Tân An's dashboard and rolls it up to Ninh Kiều", async () => {
    const d = await get('tanan-reporter', `dashboards/${TAN_AN}?year=2023`, last);
    expect(d.own.inspections).toEqual({ held: 1, findings: 2, followUpsOpen: 0, followUpsClosed: 1 });
    const district = await get('ninhkieu-head', 'dashboards/ninh-kieu?year=2023', last);
    expect(district.rollup.inspections).toMatchObject({ held: 1, findings: 2 });
    expect(district.children.find((c: { unitId: string }) => c.unitId === TAN_AN).rollup.inspections.held).toBe(1);
  });

  it("is not found for another ward's user, nor listed", async () => {
    await get('anhoa-reporter', `inspections/${plan.inspectionId}`, last, 404);
    expect((await get('anhoa-reporter', 'inspections?year=2023', last)).total).toBe(0);
  });

  it('lets a district inspect its own communes only; a ward inspects no one; and every refusal writes nothing', async () => {
    const before = await head();
    const district = {
      ...plan,
      inspectionId: 'kt-ninh-kieu-an-hoa',
      inspectingUnitId: 'ninh-kieu',
      inspectedUnitId: 'ninh-kieu-an-hoa',
    };
    const refused = async (who: string, body: object, status: number) => {
      const res = await h
        .http()
        .post('/api/v1/inspections')
        .set(await as(who))
        .send(body)
        .expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    };
    await refused('ninhkieu-reporter', { ...district, inspectedUnitId: 'cai-rang-ba-lang' }, 404); // another district's ward: outside its scope
    await refused('ninhkieu-reporter', { ...district, inspectingUnitId: 'so-noi-vu' }, 404); // acting for Sở Nội vụ, which it does not see
    await refused('city-viewer', district, 403); // sees the district, may not act for it
    await refused(
      'tanan-reporter',
      { ...district, inspectingUnitId: TAN_AN, inspectedUnitId: 'ninh-kieu-an-hoa' },
      404,
    );
    await refused('auditor', plan, 403);
    await refused('sonv-coordinator', { ...district, taskCodes: ['IX.9'] }, 422); // no such task
    await refused('sonv-coordinator', plan, 409); // planned once
    await refused(
      'sonv-coordinator',
      {
        ...district,
        inspectionId: 'kt-2025',
        inspectedUnitId: TAN_AN,
        plannedFrom: '2025-08-01',
        plannedTo: '2025-08-02',
      },
      422,
    ); // Tân An ended on 2025-07-01
    const conduct = {
      heldOn: '2023-10-10',
      inspectors: [{ name: 'A', title: 'B' }],
      findings: [{ taskCode: 'IV.2.b', finding: 'x', rating: 'good' }],
    };
    await h
      .http()
      .post('/api/v1/inspections/khong-co/conduct')
      .set(await as('sonv-coordinator'))
      .send(conduct)
      .expect(404);
    expect(await head()).toBe(before);

    const ok = await post('ninhkieu-reporter', 'inspections', district);
    await post('ninhkieu-reporter', `inspections/${district.inspectionId}/conduct`, conduct, 422); // before the planned start
    await post(
      'anhoa-reporter',
      `inspections/${district.inspectionId}/conduct`,
      { ...conduct, heldOn: '2023-10-16' },
      403,
    ); // the inspected ward does not record its own inspection
    expect(await head()).toBe(ok.position);
    await post('ninhkieu-reporter', `inspections/${district.inspectionId}/conduct`, {
      ...conduct,
      heldOn: '2023-10-16',
    });
  });

  it('refuses a malformed step with 400, naming the field, writing nothing', async () => {
    const before = await head();
    const bad = async (path: string, body: object, message: string) => {
      const res = await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as('sonv-coordinator'))
        .send(body)
        .expect(400);
      expect(res.body.detail).toContain(message);
    };
    await bad('inspections', { ...plan, inspectionId: 'kt-moi', taskCodes: [] }, 'taskCodes must have at least 1 item');
    await bad(
      'inspections',
      { ...plan, inspectionId: 'kt-moi', decision: { ...plan.decision, date: '02/10/2023' } },
      'decision.date must be a date (YYYY-MM-DD)',
    );
    await bad(
      `inspections/${plan.inspectionId}/conduct`,
      { heldOn: '2023-10-17', inspectors: [], findings },
      'inspectors must have at least 1 item',
    );
    await bad(
      `inspections/${plan.inspectionId}/conduct`,
      {
        heldOn: '2023-10-17',
        inspectors: [{ name: 'A', title: 'B' }],
        findings: [{ ...findings[0], rating: 'excellent' }],
      },
      'findings[0].rating must be one of good, fair, satisfactory, unsatisfactory',
    );
    await bad(
      `inspections/${plan.inspectionId}/closing`,
      { closedOn: '2023-12-01', conclusion: 'x', document: plan.decision, note: 'x' },
      'property note should not exist',
    );
    expect(await head()).toBe(before);
  });

  it('stores every event as its schema says', async () => {
    const seen = await expectEventsMatchTheirSchemas(h);
    for (const t of [
      'inspection.planned.v1',
      'inspection.conducted.v1',
      'inspection.follow-up-requested.v1',
      'inspection.follow-up-answered.v1',
      'inspection.closed.v1',
    ])
      expect(seen).toContain(t);
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023] }),
    ).toBeGreaterThan(100);
  });
});
