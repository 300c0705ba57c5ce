import ExcelJS from 'exceljs';

/** Column headers in Vietnamese, with the plan's terms. */
const STATUS_VI: Record<string, string> = { 'on-time': 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa báo cáo' };

export interface ComplianceSheet {
  title: string;
  deadlineVietnam: string;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  rows: {
    unitId: string;
    name: string;
    level: string;
    status: string;
    submittedAt: string | null;
    version: number | null;
    reminders: number;
  }[];
}

const vietnamTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 7 * 3600_000).toISOString().replace('T', ' ').slice(0, 16) : '';

const finish = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

/** Tình hình báo cáo: the compliance list of a period. */
export const complianceWorkbook = async (c: ComplianceSheet): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots Ledger';
  const ws = wb.addWorksheet('Tình hình báo cáo');
  ws.addRow([c.title]).font = { bold: true, size: 13 };
  ws.addRow([`Hạn báo cáo: trước ngày ${c.deadlineVietnam} (giờ Việt Nam)`]);
  ws.addRow([
    `Phải báo cáo: ${c.expected}; Đã báo cáo: ${c.received}; Đúng hạn: ${c.onTime}; Trễ hạn: ${c.late}; Chưa báo cáo: ${c.missing}`,
  ]);
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Mã đơn vị',
    'Tên đơn vị',
    'Cấp',
    'Tình trạng',
    'Thời điểm gửi (giờ Việt Nam)',
    'Phiên bản',
    'Số lần đôn đốc',
  ]).font = { bold: true };
  c.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.unitId,
      r.name,
      r.level,
      STATUS_VI[r.status] ?? r.status,
      vietnamTime(r.submittedAt),
      r.version ?? '',
      r.reminders,
    ]),
  );
  ws.columns.forEach((col, i) => (col.width = [6, 28, 40, 10, 16, 26, 10, 14][i]));
  return finish(wb);
};

/** Báo cáo tổng hợp: the compiled report's indicators and narrative. */
export const reportWorkbook = async (
  title: string,
  unitName: string,
  version: {
    version: number;
    indicators: Record<string, number | string>;
    narrative: string;
    submittedAt: string | null;
  },
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots Ledger';
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([
    `Đơn vị báo cáo: ${unitName}; phiên bản ${version.version}; gửi lúc: ${vietnamTime(version.submittedAt) || 'chưa gửi'}`,
  ]);
  ws.addRow([]);
  ws.addRow(['Chỉ tiêu', 'Giá trị']).font = { bold: true };
  for (const [k, v] of Object.entries(version.indicators))
    ws.addRow([INDICATOR_VI[k] ?? k, typeof v === 'string' ? v : v]);
  ws.addRow([]);
  ws.addRow(['Nội dung báo cáo']).font = { bold: true };
  ws.addRow([version.narrative]);
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 20;
  return finish(wb);
};

export const INDICATOR_VI: Record<string, string> = {
  unitsExpected: 'Số đơn vị phải báo cáo',
  unitsReported: 'Số đơn vị đã báo cáo',
  conferences: 'Số hội nghị quán triệt, phổ biến',
  conferenceParticipants: 'Số lượt người tham dự hội nghị',
  mediaItems: 'Số tin, bài tuyên truyền',
  trainings: 'Số lớp tập huấn',
  trainees: 'Số lượt người được tập huấn',
  regulationsInForce: 'Quy chế thực hiện dân chủ đang có hiệu lực',
  documentsReviewed: 'Số văn bản được rà soát',
  budgetEstimated: 'Kinh phí dự toán (đồng)',
  budgetApproved: 'Kinh phí được duyệt (đồng)',
  budgetSpent: 'Kinh phí đã chi (đồng)',
  difficultiesRaised: 'Số khó khăn, vướng mắc phản ánh',
  difficultiesAnswered: 'Số khó khăn, vướng mắc đã được trả lời',
  obligationsCompleted: 'Số nhiệm vụ đã hoàn thành',
  obligationsOverdue: 'Số nhiệm vụ quá hạn',
};
