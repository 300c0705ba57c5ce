import ExcelJS from 'exceljs';
import { deadlineWords, kindNameVi, levelNameVi, viDateTime } from '@gl/domain';

/*
 * Dates in these workbooks are text in the form Vietnamese administration writes them: dd/mm/yyyy
 * (and dd/mm/yyyy hh:mm for the time a report was sent, in Vietnam time). Text rather than Excel
 * dates, because an Excel date has no time zone (exceljs would write the UTC day and hour), and text
 * reads the same in every spreadsheet program and when printed.
 */

/** Column headers in Vietnamese, with the plan's terms. */
const STATUS_VI: Record<string, string> = { 'on-time': 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa báo cáo' };

export interface ComplianceSheet {
  title: string;
  /** The instant the period's reports fell due (00:00 in Vietnam on the day the plan names). */
  deadline: string;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  rows: {
    unitId: string;
    name: string;
    kind: string;
    level: string;
    status: string;
    submittedAt: string | null;
    version: number | null;
    reminders: number;
  }[];
}

const vietnamTime = (iso: string | null) => (iso ? viDateTime(iso) : '');

const finish = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

/** Tình hình báo cáo: the compliance list of a period. */
export const complianceWorkbook = async (c: ComplianceSheet): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots Ledger';
  const ws = wb.addWorksheet('Tình hình báo cáo');
  ws.addRow([c.title]).font = { bold: true, size: 13 };
  ws.addRow([`Hạn báo cáo: ${deadlineWords(c.deadline)}`]);
  ws.addRow([
    `Phải báo cáo: ${c.expected}; Đã báo cáo: ${c.received}; Đúng hạn: ${c.onTime}; Trễ hạn: ${c.late}; Chưa báo cáo: ${c.missing}`,
  ]);
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Mã đơn vị',
    'Tên đơn vị',
    'Cấp',
    'Loại đơn vị',
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
      levelNameVi(r.level),
      kindNameVi(r.kind),
      STATUS_VI[r.status] ?? r.status,
      vietnamTime(r.submittedAt),
      r.version ?? '',
      r.reminders,
    ]),
  );
  ws.columns.forEach((col, i) => (col.width = [6, 28, 40, 16, 24, 16, 26, 10, 14][i]));
  return finish(wb);
};

/** Who reported, for which period: names for reading, ids in their own cells. */
export interface ReportHeading {
  periodId: string;
  periodTitle: string;
  deadline: string | null;
  unitId: string;
  unitName: string;
}

/** Báo cáo tổng hợp: the compiled report's indicators and narrative. */
export const reportWorkbook = async (
  h: ReportHeading,
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
  ws.addRow([`Báo cáo kết quả thực hiện — ${h.periodTitle}`]).font = { bold: true, size: 13 };
  ws.addRow(['Kỳ báo cáo', h.periodTitle]);
  ws.addRow(['Mã kỳ báo cáo', h.periodId]);
  if (h.deadline) ws.addRow(['Hạn báo cáo', deadlineWords(h.deadline)]);
  ws.addRow(['Đơn vị báo cáo', h.unitName]);
  ws.addRow(['Mã đơn vị', h.unitId]);
  ws.addRow(['Phiên bản', version.version]);
  ws.addRow(['Thời điểm gửi (giờ Việt Nam)', vietnamTime(version.submittedAt) || 'chưa gửi']);
  ws.addRow([]);
  ws.addRow(['Chỉ tiêu', 'Giá trị']).font = { bold: true };
  for (const [k, v] of Object.entries(version.indicators)) ws.addRow([INDICATOR_VI[k] ?? k, v]);
  ws.addRow([]);
  ws.addRow(['Nội dung báo cáo']).font = { bold: true };
  ws.addRow([version.narrative]);
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 40;
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
