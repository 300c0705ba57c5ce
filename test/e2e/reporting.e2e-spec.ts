import ExcelJS from 'exceljs';
import { CommandBus } from '@nestjs/cqrs';
import { DefineRegime, systemScope } from '@gl/application';
import { SYSTEM_ACTOR } from '@gl/domain';
import { FixedClock } from '@gl/testing';
import { schemaErrors } from '@gl/platform';
import { ComplianceAnswer, PeriodListAnswer, ReportAnswer } from '../../apps/api/src/reporting/reporting.responses';
import { expectDashboardsMatchReference } from './support/dashboard-comparison';
import { Harness, startApi } from './support/api-harness';
import { expectEventsMatchTheirSchemas } from './support/event-schemas';

const UNITS = 'cantho-2023-ldcs-units_2023';
const CITY = 'cantho-2023-ldcs-city_2023';
const communes = [
  'ninh-kieu-tan-an',
  'ninh-kieu-an-hoa',
  'ninh-kieu-xuan-khanh',
  'ninh-kieu-thoi-binh',
  'ninh-kieu-cai-khe',
];

describe("the 2023 reporting cycle over HTTP, from opening the period to the city's report to the Ministry", () => {
  const clock = new FixedClock('2023-10-02T02:00:00.000Z');
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const post = async (who: string, path: string, body: object = {}, status = 201) =>
    (
      await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as(who))
        .send(body)
        .expect(status)
    ).body;
  const get = async (who: string, path: string, position = '0') =>
    (
      await h
        .http()
        .get(`/api/v1/${path}`)
        .set(await as(who))
        .set('X-Wait-For-Position', position)
        .expect(200)
    ).body;
  const indicators = (n: number) => ({
    conferences: 1,
    conferenceParticipants: 50 + n,
    trainees: n,
    budgetEstimated: String(10_000_000 * n),
  });

  beforeAll(async () => {
    h = await startApi({}, clock);
    for (const unitId of communes.slice(1)) {
      const short = unitId.replace('ninh-kieu-', '');
      await post('sonv-coordinator', 'users', {
        userId: `${short}-head`,
        displayName: `Chủ tịch UBND phường ${short} (demo)`,
        unitId,
        from: '2023-06-01T00:00:00+07:00',
      });
      await post('sonv-coordinator', `users/${short}-head/grants`, {
        role: 'unit-head',
        unitId,
        from: '2023-06-01T00:00:00+07:00',
      });
    }
    await h.settle();
  });
  afterAll(() => h.close());

  it('opens the period with one expected report per department, district and commune of the tree that day', async () => {
    const opened = await post('sonv-coordinator', 'reporting/periods', {
      regimeId: 'cantho-2023-ldcs-units',
      year: 2023,
    });
    expect(opened).toMatchObject({ periodId: UNITS, expected: 19 + 9 + 83 });
    const again = await post('sonv-coordinator', 'reporting/periods', {
      regimeId: 'cantho-2023-ldcs-units',
      year: 2023,
    });
    expect(again.position).toBe(opened.position);
    const periods = await get('sonv-coordinator', 'reporting/periods?regimeId=cantho-2023-ldcs-units', opened.position);
    expect(periods.items.map((p: { periodId: string }) => p.periodId)).toEqual([UNITS]);
    expect(schemaErrors(PeriodListAnswer, periods)).toEqual([]);
  });

  it("expects reports from the groups under the regime's own plan issuer (a district's plan: its wards only)", async () => {
    await post('ninhkieu-head', 'plans', {
      planId: 'ninh-kieu-2023',
      number: '12/KH-UBND',
      issuedOn: '2023-08-01',
      assignedOn: '2023-08-01',
      issuerUnitId: 'ninh-kieu',
      signer: { name: 'Chủ tịch UBND quận (demo)', title: 'Chủ tịch' },
      legalBasis: [],
      title: 'Kế hoạch chi tiết của quận Ninh Kiều',
      purposes: [],
      requirements: [],
      sections: [],
      budgetDuties: [],
      difficultyChannel: { reportToUnitId: 'ninh-kieu', text: '' },
      recipients: [],
      parent: { planId: 'cantho-2023-ldcs', taskCodes: ['IV.2.a'] },
    });
    const system = { actor: SYSTEM_ACTOR, scope: systemScope(), correlationId: 'test', causationId: 'test' };
    await h.app.get(CommandBus).execute(
      new DefineRegime(
        {
          regimeId: 'ninh-kieu-2023-wards',
          planId: 'ninh-kieu-2023',
          title: 'Báo cáo của các phường gửi UBND quận',
          reporters: [{ group: 'every-commune-peoples-committee' }],
          recipientUnitId: 'ninh-kieu',
          opensOn: { month: 10, day: 1 },
          deadline: { month: 11, day: 10 },
          cutOff: { month: 11, day: 9 },
          fromYear: 2023,
          outline: [],
          compiles: null,
        },
        system,
      ),
    );
    const opened = await post('sonv-coordinator', 'reporting/periods', {
      regimeId: 'ninh-kieu-2023-wards',
      year: 2023,
    });
    expect(opened).toMatchObject({ periodId: 'ninh-kieu-2023-wards_2023', expected: 11 });
  });

  it('takes three communes on time, one late (00:30 on 15 November, Vietnam time), and one missing', async () => {
    // Tân An records its conferences first; its report is prefilled from what it recorded up to the data cut-off.
    await post('tanan-reporter', 'activities/conference', {
      unitId: 'ninh-kieu-tan-an',
      obligationId: 'cantho-2023-ldcs.II.1.d.ninh-kieu-tan-an',
      year: 2023,
      details: {
        level: 'commune',
        heldOn: '2023-09-15',
        place: 'Hội trường',
        chairedBy: 'Chủ tịch UBND phường',
        participants: { cadres: 20, 'residents-representatives': 31 },
        evidence: null,
      },
    });
    // Held after the data cut-off (14 November): not in this year's report.
    await post('tanan-reporter', 'activities/conference', {
      unitId: 'ninh-kieu-tan-an',
      year: 2023,
      details: {
        level: 'commune',
        heldOn: '2023-11-20',
        place: 'Nhà văn hóa khu vực 3',
        chairedBy: 'Phó Chủ tịch UBND phường',
        participants: { 'residents-representatives': 45 },
        evidence: null,
      },
    });
    await h.settle();
    const pre = await post('tanan-reporter', `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/prefill`, {
      narrative: 'Phường đã tổ chức hội nghị quán triệt.',
    });
    const prefilled = await get('tanan-reporter', `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an`, pre.position);
    expect(prefilled.versions[0].indicators).toMatchObject({ conferences: 1, conferenceParticipants: 51 });

    clock.set('2023-11-10T03:00:00.000Z');
    await post('tanan-head', `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/submission`);
    for (const [i, unitId] of communes.slice(1, 3).entries()) {
      const short = unitId.replace('ninh-kieu-', '');
      const reporter = short === 'an-hoa' ? 'anhoa-reporter' : `${short}-head`;
      await post(reporter, `reporting/periods/${UNITS}/reports/${unitId}/draft`, {
        indicators: indicators(i + 1),
        narrative: 'Báo cáo năm 2023',
      });
      await post(`${short}-head`, `reporting/periods/${UNITS}/reports/${unitId}/submission`);
    }
    // 00:30 on 15 November in Vietnam: late, although UTC still says the 14th.
    clock.set('2023-11-14T17:30:00.000Z');
    await post('thoi-binh-head', `reporting/periods/${UNITS}/reports/ninh-kieu-thoi-binh/draft`, {
      indicators: indicators(4),
      narrative: 'Báo cáo năm 2023',
    });
    const last = await post('thoi-binh-head', `reporting/periods/${UNITS}/reports/ninh-kieu-thoi-binh/submission`);

    const c = await get('sonv-coordinator', `reporting/periods/${UNITS}/compliance?level=commune`, last.position);
    expect(c).toMatchObject({ expected: 83, received: 4, onTime: 3, late: 1, missing: 79 });
    const status = (u: string) => c.rows.find((r: { unitId: string }) => r.unitId === u).status;
    expect(communes.map(status)).toEqual(['on-time', 'on-time', 'on-time', 'late', 'missing']);
    expect(schemaErrors(ComplianceAnswer, c)).toEqual([]);
  });

  it('reminds the units that have not reported', async () => {
    const r = await post('sonv-coordinator', `reporting/periods/${UNITS}/reminders`, {
      message: 'Đề nghị gửi báo cáo trước ngày 20/11/2023',
    });
    expect(r.reminded).toBe(111 - 4);
    const c = await get('sonv-coordinator', `reporting/periods/${UNITS}/compliance?level=commune`, r.position);
    expect(c.rows.find((x: { unitId: string }) => x.unitId === 'ninh-kieu-cai-khe').reminders).toBe(1);
    expect(c.rows.find((x: { unitId: string }) => x.unitId === 'ninh-kieu-tan-an').reminders).toBe(0);
  });

  it('keeps both versions when a submitted report is corrected, and the first submission decides on-time', async () => {
    clock.set('2023-11-16T02:00:00.000Z');
    await post('xuan-khanh-head', `reporting/periods/${UNITS}/reports/ninh-kieu-xuan-khanh/correction`, {
      indicators: { ...indicators(2), trainees: 9 },
      narrative: 'Bổ sung số liệu tập huấn',
      reason: 'Thiếu số học viên đợt 2',
    });
    const s = await post('xuan-khanh-head', `reporting/periods/${UNITS}/reports/ninh-kieu-xuan-khanh/submission`);
    const r = await get('sonv-coordinator', `reporting/periods/${UNITS}/reports/ninh-kieu-xuan-khanh`, s.position);
    expect(
      r.versions.map((v: { version: number; supersedes: number | null; reason: string | null }) => [
        v.version,
        v.supersedes,
        v.reason,
      ]),
    ).toEqual([
      [1, null, null],
      [2, 1, 'Thiếu số học viên đợt 2'],
    ]);
    expect(r).toMatchObject({ status: 'submitted', current: 2, onTime: true });
    expect(schemaErrors(ReportAnswer, r)).toEqual([]);
  });

  it('lets the recipient return a report with a reason, and the unit send a corrected version', async () => {
    await post('sonv-coordinator', `reporting/periods/${UNITS}/reports/ninh-kieu-an-hoa/return`, {
      reason: 'Thiếu phần khó khăn, vướng mắc',
    });
    await post('anhoa-reporter', `reporting/periods/${UNITS}/reports/ninh-kieu-an-hoa/correction`, {
      indicators: indicators(1),
      narrative: 'Bổ sung khó khăn, vướng mắc',
      reason: 'Theo yêu cầu của Sở Nội vụ',
    });
    const s = await post('an-hoa-head', `reporting/periods/${UNITS}/reports/ninh-kieu-an-hoa/submission`);
    const r = await get('sonv-coordinator', `reporting/periods/${UNITS}/reports/ninh-kieu-an-hoa`, s.position);
    expect(r).toMatchObject({
      status: 'submitted',
      current: 2,
      returns: [expect.objectContaining({ version: 1, reason: 'Thiếu phần khó khăn, vướng mắc' })],
    });
  });

  it("refuses a report of a unit outside the scope (404), and a submission without the head's signature (403)", async () => {
    await post(
      'anhoa-reporter',
      `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/draft`,
      { indicators: {}, narrative: 'x' },
      404,
    );
    await h
      .http()
      .get(`/api/v1/reporting/periods/${UNITS}/reports/ninh-kieu-tan-an`)
      .set(await as('anhoa-reporter'))
      .expect(404);
    await post(
      'anhoa-reporter',
      `reporting/periods/${UNITS}/reports/ninh-kieu-cai-khe/draft`,
      { indicators: {}, narrative: 'x' },
      404,
    );
    const r = await post('tanan-reporter', `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/submission`, {}, 403);
    expect(r.detail).toMatch(/unit-head/);
    const bad = await post(
      'tanan-reporter',
      `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/correction`,
      { indicators: { trainees: -1 }, narrative: 'x', reason: 'x' },
      400,
    );
    expect(bad.detail).toContain('indicators.trainees must be a whole, non-negative number');
    const unknown = await post(
      'tanan-reporter',
      `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/draft`,
      { indicators: {}, narrative: 'x', note: 'x' },
      400,
    );
    expect(unknown.detail).toContain('property note should not exist');
  });

  it("compiles the city's report from the submitted reports, sums equal, missing units listed, and submits it to the Ministry", async () => {
    clock.set('2023-11-20T02:00:00.000Z');
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-city', year: 2023 });
    const compiled = await post('sonv-coordinator', `reporting/periods/${CITY}/reports/so-noi-vu/compilation`, {
      narrative: 'Báo cáo kết quả năm 2023.',
    });
    const city = await get('sonv-coordinator', `reporting/periods/${CITY}/reports/so-noi-vu`, compiled.position);
    const v = city.versions[0];
    // Sums of the latest submitted versions: Tân An (prefilled), An Hòa v2, Xuân Khánh v2, Thới Bình.
    const units = await Promise.all(
      communes.slice(0, 4).map((u) => get('sonv-coordinator', `reporting/periods/${UNITS}/reports/${u}`)),
    );
    const latest = units.map((r) => r.versions.find((x: { version: number }) => x.version === r.current).indicators);
    const sumOf = (k: string) =>
      latest.reduce((n: bigint, i: Record<string, number | string>) => n + BigInt(i[k] ?? 0), 0n);
    expect(v.indicators).toMatchObject({
      unitsExpected: 111,
      unitsReported: 4,
      conferences: Number(sumOf('conferences')),
      trainees: Number(sumOf('trainees')),
      // Money is a decimal string of whole đồng in the compiled report as in the units' (issue 13, item 8).
      budgetEstimated: sumOf('budgetEstimated').toString(),
      conferenceParticipants: Number(sumOf('conferenceParticipants')),
    });
    // Named as the Ministry reads them, not by id.
    expect(v.narrative).toContain('Phường Cái Khế');
    expect(v.narrative).not.toContain('ninh-kieu-cai-khe');
    expect(schemaErrors(ReportAnswer, city)).toEqual([]);
    clock.set('2023-11-28T09:00:00.000Z');
    const sent = await post('sonv-director', `reporting/periods/${CITY}/reports/so-noi-vu/submission`);
    expect(await get('auditor', `reporting/periods/${CITY}/reports/so-noi-vu`, sent.position)).toMatchObject({
      status: 'submitted',
      onTime: true,
    });
  });

  it('exports the compliance list and the compiled report as XLSX, matching the submissions', async () => {
    const download = async (path: string) => {
      const res = await h
        .http()
        .get(`/api/v1/${path}`)
        .set(await as('sonv-coordinator'))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body);
      return { sheet: wb.worksheets[0], disposition: String(res.headers['content-disposition']) };
    };
    const { sheet, disposition } = await download(`reporting/periods/${UNITS}/compliance.xlsx?level=commune`);
    // The deadline as the plan words it: the day it starts (15 November), as dd/mm/yyyy.
    expect(String(sheet.getCell('A2').value)).toBe('Hạn báo cáo: trước ngày 15/11/2023');
    expect(String(sheet.getCell('A3').value)).toBe(
      'Phải báo cáo: 83; Đã báo cáo: 4; Đúng hạn: 3; Trễ hạn: 1; Chưa báo cáo: 79',
    );
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Cấp',
      'Loại đơn vị',
      'Tình trạng',
      'Thời điểm gửi (giờ Việt Nam)',
      'Phiên bản',
      'Số lần đôn đốc',
    ]);
    const rows = sheet.getSheetValues().slice(6) as unknown[][];
    const row = (unitId: string) => rows.find((r) => r && r[2] === unitId)!;
    expect(row('ninh-kieu-thoi-binh')[4]).toBe('cấp xã');
    expect(row('ninh-kieu-thoi-binh')[5]).toBe('Phường, xã, thị trấn');
    expect(row('ninh-kieu-thoi-binh')[6]).toBe('Trễ hạn');
    expect(row('ninh-kieu-thoi-binh')[7]).toBe('15/11/2023 00:30');
    expect(row('ninh-kieu-cai-khe')[6]).toBe('Chưa báo cáo');
    expect(row('ninh-kieu-tan-an')[6]).toBe('Đúng hạn');
    // RFC 6266: an ASCII fallback and the Vietnamese name in UTF-8; the level is in the name.
    expect(disposition).toBe(
      `attachment; filename="tinh-hinh-bao-cao-${UNITS}-cap-xa.xlsx"; ` +
        `filename*=UTF-8''${encodeURIComponent(`Tình hình báo cáo ${UNITS} cấp xã.xlsx`)}`,
    );
    const whole = await download(`reporting/periods/${UNITS}/compliance.xlsx`);
    expect(whole.disposition).toMatch(
      new RegExp(`^attachment; filename="tinh-hinh-bao-cao-${UNITS}\\.xlsx"; filename\\*=UTF-8''`),
    );
    expect(whole.disposition).not.toBe(disposition);
    const levels = new Set((whole.sheet.getSheetValues().slice(6) as unknown[][]).filter(Boolean).map((r) => r[4]));
    expect([...levels].sort()).toEqual(['cấp huyện', 'cấp thành phố', 'cấp xã']);

    const period = (await get('sonv-coordinator', 'reporting/periods')).items.find(
      (p: { periodId: string }) => p.periodId === CITY,
    );
    const unit = (await get('sonv-coordinator', 'units/so-noi-vu?asOf=2023-11-28')).onDate;
    const got = await download(`reporting/periods/${CITY}/reports/so-noi-vu/report.xlsx`);
    const report = got.sheet;
    const values = Object.fromEntries(
      (report.getSheetValues() as unknown[][]).filter((r) => r && r[2] !== undefined).map((r) => [r[1], r[2]]),
    );
    expect(String(report.getCell('A1').value)).toBe(`Báo cáo kết quả thực hiện — ${period.title}`);
    expect(values['Kỳ báo cáo']).toBe(period.title);
    expect(values['Mã kỳ báo cáo']).toBe(CITY);
    expect(values['Đơn vị báo cáo']).toBe(unit.name);
    expect(values['Mã đơn vị']).toBe('so-noi-vu');
    expect(values['Hạn báo cáo']).toMatch(/^trước ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(values['Thời điểm gửi (giờ Việt Nam)']).toBe('28/11/2023 16:00');
    expect(got.disposition).toBe(
      `attachment; filename="bao-cao-so-noi-vu-${CITY}.xlsx"; ` +
        `filename*=UTF-8''${encodeURIComponent(`Báo cáo ${unit.name} ${CITY}.xlsx`)}`,
    );
    expect(values['Số đơn vị đã báo cáo']).toBe(4);
    expect(values['Số lượt người tham dự hội nghị']).toBeGreaterThan(0);
  });

  it('shows reporting compliance on the dashboards, in the period the reports were due', async () => {
    const of = (period: string) => get('sonv-coordinator', `dashboards/ninh-kieu?year=2023&period=${period}`);
    // Due before 15 November: the district and its 11 wards to Sở Nội vụ; before 10 November: the wards to the district.
    expect((await of('Q4')).rollup.reports).toEqual({ expected: 12 + 11, onTime: 3, late: 1, missing: 19 });
    expect((await of('M11')).rollup.reports.expected).toBe(23);
    expect((await of('Q3')).rollup.reports).toEqual({ expected: 0, onTime: 0, late: 0, missing: 0 });
  });

  it('stores only events that match the JSON Schemas served at /api/v1/event-types', async () => {
    const seen = await expectEventsMatchTheirSchemas(h);
    expect(seen.size).toBeGreaterThan(5);
  });

  it('answers every dashboard of its scenario as the reference over the records does (issue 17)', async () => {
    await h.settle();
    expect(
      await expectDashboardsMatchReference(h.app, clock, { rootId: 'ubnd-can-tho', years: [2023] }),
    ).toBeGreaterThan(100);
  });
});
