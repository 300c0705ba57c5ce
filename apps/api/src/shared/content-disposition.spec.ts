import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the Vietnamese name in UTF-8 (RFC 6266)', () => {
    expect(attachmentDisposition('bao-cao-x.xlsx', 'Báo cáo cấp xã.xlsx')).toBe(
      `attachment; filename="bao-cao-x.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20c%E1%BA%A5p%20x%C3%A3.xlsx`,
    );
  });

  it('keeps quotes and non-ASCII out of the fallback and escapes what RFC 8187 does not allow', () => {
    expect(attachmentDisposition('a"b đ.xlsx', "it's (1).xlsx")).toBe(
      `attachment; filename="a_b__.xlsx"; filename*=UTF-8''it%27s%20%281%29.xlsx`,
    );
  });
});
