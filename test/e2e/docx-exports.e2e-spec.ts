import mammoth from 'mammoth';
import { FixedClock } from '@gl/testing';
import { Harness, startApi } from './support/api-harness';

/**
 * Issue 15, item 8 (DOCX): a unit's report and the city's compiled report to Bộ Nội vụ, downloaded
 * as Word documents in the layout of Decree 30/2020/NĐ-CP and read back with mammoth (not the
 * library that wrote them); the same refusal as the XLSX export for a caller who may not read it.
 */
describe('reports as DOCX, in the layout of Decree 30/2020/NĐ-CP', () => {
  const UNITS = 'cantho-2023-ldcs-units_2023';
  const CITY = 'cantho-2023-ldcs-city_2023';
  const clock = new FixedClock('2023-10-02T02:00:00.000Z');
  let h: Harness;
  const as = async (userId: string) => ({ Authorization: `Bearer ${await h.token(userId)}` });
  const post = async (who: string, path: string, body: object = {}) =>
    (
      await h
        .http()
        .post(`/api/v1/${path}`)
        .set(await as(who))
        .send(body)
        .expect(201)
    ).body;
  /** The answer, whatever its status, with its body as bytes. */
  const download = async (who: string, path: string) =>
    h
      .http()
      .get(`/api/v1/reporting/periods/${path}`)
      .set(await as(who))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const lines = async (body: Buffer) =>
    (await mammoth.extractRawText({ buffer: body })).value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const disposition = (ascii: string, utf8: string) =>
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

  beforeAll(async () => {
    h = await startApi({ RATE_LIMIT_ENABLED: 'false' }, clock);
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-units', year: 2023 });
    await post('tanan-reporter', `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/draft`, {
      indicators: { conferences: 2, conferenceParticipants: 1250, budgetEstimated: '15000000' },
      narrative: 'Phường đã tổ chức hội nghị quán triệt Luật.',
    });
    await post('ninhkieu-reporter', `reporting/periods/${UNITS}/reports/ninh-kieu/draft`, {
      indicators: { conferences: 1 },
      narrative: 'Dự thảo báo cáo của quận.',
    });
    clock.set('2023-11-10T03:00:00.000Z');
    await post('tanan-head', `reporting/periods/${UNITS}/reports/ninh-kieu-tan-an/submission`);
    clock.set('2023-11-20T02:00:00.000Z');
    await post('sonv-coordinator', 'reporting/periods', { regimeId: 'cantho-2023-ldcs-city', year: 2023 });
    await post('sonv-coordinator', `reporting/periods/${CITY}/reports/so-noi-vu/compilation`, {
      narrative: 'Báo cáo kết quả năm 2023.',
    });
    clock.set('2023-11-28T09:00:00.000Z');
    await post('sonv-director', `reporting/periods/${CITY}/reports/so-noi-vu/submission`);
    await h.settle();
  });
  afterAll(() => h.close());

  it("sends a ward's submitted report under its own name, headed by its People's Committee and signed by its chair", async () => {
    const res = await download('tanan-reporter', `${UNITS}/reports/ninh-kieu-tan-an/report.docx`);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      disposition(`bao-cao-ninh-kieu-tan-an-${UNITS}.docx`, `Báo cáo Phường Tân An ${UNITS}.docx`),
    );
    expect(res.status).toBe(200);
    const text = await lines(res.body);
    expect(text.slice(0, 8)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG TÂN AN',
      'Số:        /BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tân An, ngày 10 tháng 11 năm 2023',
      'BÁO CÁO',
      'Kết quả thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2023',
    ]);
    expect(text[8]).toMatch(/^Thực hiện Kế hoạch .* của Ủy ban nhân dân thành phố Cần Thơ, Phường Tân An báo cáo/);
    const after = (label: string) => text[text.indexOf(label) + 1];
    expect(after('Số lượt người tham dự hội nghị')).toBe('1.250');
    expect(after('Kinh phí dự toán')).toBe('15.000.000 đồng');
    expect(text).toContain('Phường đã tổ chức hội nghị quán triệt Luật.');
    expect(text).not.toContain('DỰ THẢO');
    expect(text.slice(-6)).toEqual([
      'Nơi nhận:',
      '- Sở Nội vụ thành phố Cần Thơ;',
      '- Lưu: VT, UBND.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Chủ tịch UBND phường Tân An (demo)',
    ]);
  });

  it("sends the city's compiled report to Bộ Nội vụ from Sở Nội vụ, signed by its director", async () => {
    const res = await download('auditor', `${CITY}/reports/so-noi-vu/report.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toBe(
      disposition(`bao-cao-so-noi-vu-${CITY}.docx`, `Báo cáo Sở Nội vụ thành phố Cần Thơ ${CITY}.docx`),
    );
    const text = await lines(res.body);
    expect(text.slice(0, 6)).toEqual([
      'UBND THÀNH PHỐ CẦN THƠ',
      'SỞ NỘI VỤ',
      'Số:        /BC-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Cần Thơ, ngày 28 tháng 11 năm 2023',
    ]);
    const after = (label: string) => text[text.indexOf(label) + 1];
    expect(after('Số đơn vị phải báo cáo')).toBe('111');
    expect(after('Số đơn vị đã báo cáo')).toBe('1');
    expect(after('Số lượt người tham dự hội nghị')).toBe('1.250');
    expect(after('Kinh phí dự toán')).toBe('15.000.000 đồng');
    expect(text.slice(-5)).toEqual([
      'Nơi nhận:',
      '- Bộ Nội vụ;',
      '- Lưu: VT, SNV.',
      'GIÁM ĐỐC',
      'Giám đốc Sở Nội vụ (demo)',
    ]);
  });

  it('marks a draft DỰ THẢO, dated the day it is printed, with the signature left blank', async () => {
    const res = await download('ninhkieu-reporter', `${UNITS}/reports/ninh-kieu/report.docx`);
    expect(res.status).toBe(200);
    const text = await lines(res.body);
    expect(text.slice(0, 3)).toEqual(['DỰ THẢO', 'ỦY BAN NHÂN DÂN', 'QUẬN NINH KIỀU']);
    expect(text).toContain('Ninh Kiều, ngày 28 tháng 11 năm 2023');
    expect(text.slice(-2)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('refuses a caller who may not read the report exactly as the XLSX export does', async () => {
    const path = `${UNITS}/reports/ninh-kieu-tan-an/report`;
    const xlsx = await download('anhoa-reporter', `${path}.xlsx`);
    const docx = await download('anhoa-reporter', `${path}.docx`);
    expect(xlsx.status).toBe(404);
    expect(docx.status).toBe(xlsx.status);
    expect(docx.headers['content-type']).toBe(xlsx.headers['content-type']);
    const problem = (b: Buffer) => {
      const { instance: _i, correlationId: _c, requestId: _r, ...rest } = JSON.parse(b.toString('utf8'));
      return rest;
    };
    expect(problem(docx.body)).toEqual(problem(xlsx.body));
  });
});
