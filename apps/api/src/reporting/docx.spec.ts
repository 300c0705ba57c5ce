import mammoth from 'mammoth';
import { MONEY_INDICATORS } from '@gl/domain';
import { reportDocx, ReportDocxInput } from './docx';
import { issuerAbbreviation, placeAndDate, placeOf, signerTitle, viNumber } from './docx-letter';

/*
 * The DOCX is written with `docx` and read back with `mammoth`, another library: what a reader of
 * the file sees, not what the writer meant to put in it.
 */

const CITY = { name: 'Ủy ban nhân dân thành phố Cần Thơ', kind: 'city-peoples-committee' };

const input = (over: Partial<ReportDocxInput> = {}): ReportDocxInput => ({
  period: { title: 'Báo cáo kết quả triển khai thi hành Luật Thực hiện dân chủ ở cơ sở', year: 2023 },
  unit: { name: 'Sở Nội vụ thành phố Cần Thơ', kind: 'department' },
  city: CITY,
  recipient: 'Bộ Nội vụ',
  plan: 'Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở của Ủy ban nhân dân thành phố Cần Thơ',
  version: {
    indicators: { conferences: 12, conferenceParticipants: 1234, budgetEstimated: '1234567', difficultiesRaised: 2 },
    narrative: 'Đã tổ chức hội nghị quán triệt.\nĐơn vị chưa báo cáo (1): ninh-kieu-cai-khe',
    submittedAt: '2023-11-15T02:00:00.000Z',
  },
  signerName: 'Nguyễn Văn A',
  day: '2023-11-15',
  moneyIndicators: MONEY_INDICATORS,
  ...over,
});

const text = async (r: ReportDocxInput) => {
  const { value } = await mammoth.extractRawText({ buffer: await reportDocx(r) });
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
};

describe('the report as DOCX (Decree 30/2020/NĐ-CP, Appendix I)', () => {
  it('has the heading: issuing body under its chủ quản, số and ký hiệu, Quốc hiệu, Tiêu ngữ, place and date', async () => {
    const lines = await text(input());
    expect(lines.slice(0, 6)).toEqual([
      'UBND THÀNH PHỐ CẦN THƠ',
      'SỞ NỘI VỤ',
      'Số:        /BC-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Cần Thơ, ngày 15 tháng 11 năm 2023',
    ]);
    expect(lines).not.toContain('DỰ THẢO');
  });

  it('names its type and trích yếu, introduces the plan, and lists the indicators with values in vi-VN form', async () => {
    const lines = await text(input());
    expect(lines.slice(6, 8)).toEqual(['BÁO CÁO', 'Kết quả thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2023']);
    expect(lines[8]).toBe(
      'Thực hiện Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở của Ủy ban nhân dân thành phố Cần Thơ, ' +
        'Sở Nội vụ thành phố Cần Thơ báo cáo kết quả thực hiện năm 2023 như sau:',
    );
    const after = (label: string) => lines[lines.indexOf(label) + 1];
    expect(after('Số hội nghị quán triệt, phổ biến')).toBe('12');
    expect(after('Số lượt người tham dự hội nghị')).toBe('1.234');
    expect(after('Kinh phí dự toán')).toBe('1.234.567 đồng');
    expect(lines).toContain('Đã tổ chức hội nghị quán triệt.');
    expect(lines).toContain('III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ');
  });

  it('closes with Nơi nhận on the left and the signer, by title and name, on the right', async () => {
    const lines = await text(input());
    expect(lines.slice(-5)).toEqual(['Nơi nhận:', '- Bộ Nội vụ;', '- Lưu: VT, SNV.', 'GIÁM ĐỐC', 'Nguyễn Văn A']);
  });

  it('marks a draft DỰ THẢO, dated the day it is printed, and leaves the signature empty', async () => {
    const lines = await text(input({ version: { ...input().version, submittedAt: null }, signerName: null }));
    expect(lines[0]).toBe('DỰ THẢO');
    expect(lines.at(-1)).toBe('GIÁM ĐỐC');
  });

  it('is written in NFC, and the HTML a reader makes of it keeps the bold heading', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: await reportDocx(input()) });
    expect(value).toBe(value.normalize('NFC'));
    expect(value).toContain('<strong>BÁO CÁO</strong>');
    expect(value).toContain('<strong><em>Nơi nhận:</em></strong>');
  });

  it("heads a ward's report as its People's Committee, placed at the ward, signed for the committee", async () => {
    const ward = { name: 'Phường Tân An', kind: 'commune' };
    const lines = await text(input({ unit: ward, recipient: 'Quận Ninh Kiều' }));
    expect(lines.slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG TÂN AN', 'Số:        /BC-UBND']);
    expect(lines).toContain('Tân An, ngày 15 tháng 11 năm 2023');
    expect(lines.slice(-6)).toEqual([
      'Nơi nhận:',
      '- Quận Ninh Kiều;',
      '- Lưu: VT, UBND.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn A',
    ]);
  });
});

describe('the words of the heading', () => {
  it('pads a day under 10 and the months 1 and 2 with 0, as the decree writes dates', () => {
    expect(placeAndDate('Cần Thơ', '2024-02-05')).toBe('Cần Thơ, ngày 05 tháng 02 năm 2024');
    expect(placeAndDate('Cần Thơ', '2023-03-09')).toBe('Cần Thơ, ngày 09 tháng 3 năm 2023');
  });

  it('abbreviates the body, places it, and titles its signer from its kind', () => {
    const labour = { name: 'Sở Lao động - Thương binh và Xã hội thành phố Cần Thơ', kind: 'department' };
    expect(issuerAbbreviation(labour, CITY)).toBe('SLĐTBXH');
    expect(placeOf({ name: 'Quận Ninh Kiều', kind: 'district' }, CITY)).toBe('Ninh Kiều');
    expect(placeOf({ name: 'Phường 1', kind: 'commune' }, CITY)).toBe('Phường 1');
    expect(placeOf(labour, null)).toBe('Cần Thơ');
    expect(signerTitle({ name: 'Thanh tra thành phố Cần Thơ', kind: 'department' })).toEqual(['CHÁNH THANH TRA']);
    expect(signerTitle({ name: 'Quận Ninh Kiều', kind: 'district' })).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  });

  it('groups thousands with dots at any size', () => {
    expect(viNumber('12345678901234567890')).toBe('12.345.678.901.234.567.890');
    expect(viNumber(999)).toBe('999');
  });
});
