import ExcelJS from 'exceljs';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';

/**
 * Issue 15, item 8 (XLSX): an ad hoc request's export words its deadline as the request does
 * ("trước ngày 01/12/2023": the day it starts in Vietnam, not the day before), names the period by
 * its title, and is sent under its own name (RFC 6266, with the Vietnamese name in UTF-8).
 */
describe("an ad hoc request's compliance export", () => {
  const clock = new FixedClock('2023-11-20T02:00:00.000Z');
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });

  beforeAll(async () => {
    h = await startApi({}, clock);
  });
  afterAll(() => h.close());

  it('says "trước ngày 01/12/2023" for a request due at 00:00 on 1 December in Vietnam', async () => {
    await h
      .http()
      .post('/api/v1/reporting/periods')
      .set(await as('sonv-coordinator'))
      .send({
        regimeId: 'cantho-2023-ldcs-units',
        adHoc: {
          periodId: 'dot-xuat-2023-12',
          title: 'Báo cáo đột xuất về hội nghị quán triệt',
          deadline: '2023-12-01T00:00:00+07:00',
          unitIds: ['ninh-kieu-tan-an', 'ninh-kieu'],
        },
      })
      .expect(201);
    await h.settle();
    const res = await h
      .http()
      .get('/api/v1/reporting/periods/dot-xuat-2023-12/compliance.xlsx')
      .set(await as('sonv-coordinator'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="tinh-hinh-bao-cao-dot-xuat-2023-12.xlsx"; ` +
        `filename*=UTF-8''${encodeURIComponent('Tình hình báo cáo dot-xuat-2023-12.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const sheet = wb.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toBe('Báo cáo đột xuất về hội nghị quán triệt');
    expect(String(sheet.getCell('A2').value)).toBe('Hạn báo cáo: trước ngày 01/12/2023');
    const rows = (sheet.getSheetValues().slice(6) as unknown[][]).filter(Boolean);
    expect(rows.map((r) => [r[2], r[4], r[5], r[6]]).sort()).toEqual([
      ['ninh-kieu', 'cấp huyện', 'Quận, huyện', 'Chưa báo cáo'],
      ['ninh-kieu-tan-an', 'cấp xã', 'Phường, xã, thị trấn', 'Chưa báo cáo'],
    ]);
  });
});
