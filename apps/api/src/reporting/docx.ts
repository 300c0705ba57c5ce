import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip as mm,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx';
import type { CalendarDate } from '@gl/domain';
import {
  HeadingUnit,
  indicatorRow,
  issuerAbbreviation,
  issuerLines,
  placeAndDate,
  placeOf,
  signerTitle,
} from './docx-letter';
import { INDICATOR_VI } from './xlsx';

/*
 * A unit's report (and the city's compiled report) as a Word document in the layout of Decree
 * 30/2020/NĐ-CP, Appendix I (văn bản hành chính, "Báo cáo"): A4, Times New Roman 13–14 pt, margins
 * top and bottom 20 mm, left 30 mm, right 15 mm; the heading as a borderless two-column table (the
 * issuing body and its số, ký hiệu on the left; Quốc hiệu, Tiêu ngữ, place and date on the right);
 * the type and trích yếu centred; the body; then Nơi nhận on the left and the signer on the right.
 */

export interface ReportDocxInput {
  period: { title: string; year: number | null };
  /** The reporting unit, its city's People's Committee (the chủ quản of a department), and the recipient's name. */
  unit: HeadingUnit;
  city: HeadingUnit | null;
  recipient: string;
  /** The plan the report answers, as the introduction names it. */
  plan: string | null;
  version: { indicators: Record<string, number | string>; narrative: string; submittedAt: string | null };
  /** The signer's display name, when the report was signed and the name is known. */
  signerName: string | null;
  /** The day of the document: the day it was submitted in Vietnam, or today's for a draft. */
  day: CalendarDate;
  moneyIndicators: readonly string[];
}

const FONT = 'Times New Roman';
/** Half-points, as Word counts a font's size. */
const pt = (n: number) => n * 2;
/** The text width of an A4 page less the margins (210 − 30 − 15 mm). */
const TEXT_WIDTH = mm(165);
const LEFT = Math.round(TEXT_WIDTH * 0.4);
const RIGHT = TEXT_WIDTH - LEFT;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

interface Line {
  text: string;
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
  after?: number;
  indent?: boolean;
}

const para = (l: Line) =>
  new Paragraph({
    alignment: l.align ?? AlignmentType.CENTER,
    spacing: { before: l.before ?? 0, after: l.after ?? 0, line: 264 },
    indent: l.indent ? { firstLine: mm(12.7) } : undefined,
    children: [
      new TextRun({
        text: l.text.normalize('NFC'),
        font: FONT,
        size: pt(l.size ?? 13),
        bold: l.bold,
        italics: l.italics,
        underline: l.underline ? { type: UnderlineType.SINGLE } : undefined,
      }),
    ],
  });

/** A short centred rule (a paragraph's bottom border, indented to a third of the column). */
const rule = (width: number) =>
  new Paragraph({
    border: { bottom: RULE },
    indent: { left: Math.round(width / 3), right: Math.round(width / 3) },
    spacing: { after: 120, line: 120 },
    children: [],
  });

const cell = (width: number, children: (Paragraph | Table)[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

/** A borderless row of two columns: the decree's heading and its closing. */
const twoColumns = (left: (Paragraph | Table)[], right: (Paragraph | Table)[]) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(LEFT, left), cell(RIGHT, right)] })],
  });

const heading = (r: ReportDocxInput, abbr: string) => {
  const issuer = issuerLines(r.unit, r.city);
  return twoColumns(
    [
      ...(issuer.parent ? [para({ text: issuer.parent, size: 12 })] : []),
      ...issuer.body.map((text) => para({ text, size: 12, bold: true })),
      rule(LEFT),
      para({ text: `Số:        /BC-${abbr}` }),
    ],
    [
      para({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 12, bold: true }),
      para({ text: 'Độc lập - Tự do - Hạnh phúc', size: 13, bold: true, underline: true, after: 240 }),
      para({ text: placeAndDate(placeOf(r.unit, r.city), r.day), italics: true }),
    ],
  );
};

/** The indicators as a bordered table: STT, chỉ tiêu, kết quả. */
const indicatorTable = (r: ReportDocxInput) => {
  const widths = [mm(14), mm(106), mm(45)];
  const row = (cells: string[], bold = false) =>
    new TableRow({
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            children: [
              // The header row centred; names left, numbers right.
              para({
                text,
                bold,
                align: bold || i === 0 ? AlignmentType.CENTER : i === 1 ? AlignmentType.LEFT : AlignmentType.RIGHT,
              }),
            ],
          }),
      ),
    });
  // In the order of the catalogue of indicators, then any other by name.
  const order = (k: string) => (k in INDICATOR_VI ? Object.keys(INDICATOR_VI).indexOf(k) : Infinity);
  const entries = Object.entries(r.version.indicators).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  const rows = entries.map(([k, v], i) => [String(i + 1), ...indicatorRow(k, v, r.moneyIndicators)]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(['STT', 'Chỉ tiêu', 'Kết quả'], true), ...rows.map((cells) => row(cells))],
  });
};

const body = (r: ReportDocxInput) => {
  const year = r.period.year ? ` năm ${r.period.year}` : '';
  const intro = r.plan
    ? `Thực hiện ${r.plan}, ${r.unit.name} báo cáo kết quả thực hiện${year} như sau:`
    : `${r.unit.name} báo cáo kết quả thực hiện${year} (${r.period.title}) như sau:`;
  const text = (t: string) => para({ text: t, align: AlignmentType.JUSTIFIED, indent: true, after: 120 });
  const section = (t: string) => para({ text: t, bold: true, align: AlignmentType.LEFT, after: 120 });
  const { difficultiesRaised: raised, difficultiesAnswered: answered } = r.version.indicators;
  const narrative = r.version.narrative
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [
    text(intro),
    section('I. TÌNH HÌNH TRIỂN KHAI'),
    ...(narrative.length ? narrative : ['(Không có nội dung thuyết minh.)']).map(text),
    section('II. KẾT QUẢ THỰC HIỆN'),
    indicatorTable(r),
    para({ text: '', after: 120 }),
    // Difficulties are counted in the indicators; the report names them only when there were any.
    ...(Number(raised ?? 0) > 0
      ? [
          section('III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ'),
          text(
            `Trong kỳ báo cáo, đơn vị đã phản ánh ${raised} khó khăn, vướng mắc` +
              (answered !== undefined ? `; đã được trả lời ${answered}.` : '.'),
          ),
        ]
      : []),
  ];
};

const closing = (r: ReportDocxInput, abbr: string) =>
  twoColumns(
    [
      para({ text: 'Nơi nhận:', size: 12, bold: true, italics: true, align: AlignmentType.LEFT }),
      para({ text: `- ${r.recipient};`, size: 11, align: AlignmentType.LEFT }),
      para({ text: `- Lưu: VT, ${abbr}.`, size: 11, align: AlignmentType.LEFT }),
    ],
    [
      ...signerTitle(r.unit).map((text) => para({ text, size: 13, bold: true })),
      // The space for the signature and seal (chữ ký, dấu).
      ...[1, 2, 3, 4].map(() => para({ text: '' })),
      para({ text: r.signerName ?? '', size: 13, bold: true }),
    ],
  );

/** "DỰ THẢO" in a box above the heading: a draft is not a document until it is signed. */
const draftMark = () =>
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: { after: 120 },
    children: [new TextRun({ text: 'DỰ THẢO', font: FONT, size: pt(13), bold: true, border: RULE })],
  });

/** The report as a .docx, NFC throughout. */
export const reportDocx = async (r: ReportDocxInput): Promise<Buffer> => {
  const abbr = issuerAbbreviation(r.unit, r.city);
  const subject = r.period.year
    ? `Kết quả thực hiện Luật Thực hiện dân chủ ở cơ sở năm ${r.period.year}`
    : r.period.title;
  const doc = new Document({
    creator: 'Grassroots Ledger',
    title: `Báo cáo ${subject}`.normalize('NFC'),
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          ...(r.version.submittedAt ? [] : [draftMark()]),
          heading(r, abbr),
          para({ text: 'BÁO CÁO', size: 14, bold: true, before: 360 }),
          para({ text: subject, size: 14, bold: true }),
          rule(TEXT_WIDTH),
          ...body(r),
          para({ text: '' }),
          closing(r, abbr),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
};
