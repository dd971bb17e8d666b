/* global Blob, Buffer */
/**
 * ReportDocument (src/core/report/narrative.ts) → a .docx laid out per Nghị định 30/2020/NĐ-CP,
 * Phụ lục I. This file only arranges what the model says; it decides no wording and no numbers.
 * No side effects at import: the task pane loads it lazily, when the user asks for the Word file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { AppendixForm, AppendixRow, ReportDocument } from "../core/report/narrative";

// ---------------------------------------------------------------- page geometry (twips)

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 9355
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

const FONT = "Times New Roman";
const pt = (size: number) => size * 2; // docx sizes are half-points
const BODY = { size: 14, indent: 720 /* 1.27 cm */, after: 120 /* 6 pt */, line: 288 /* 1.2 lines */ };

// ---------------------------------------------------------------- small builders

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: pt(s.size ?? BODY.size), bold: s.bold, italics: s.italics });

interface ParaStyle extends RunStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Left indent in twips. */
  indent?: number;
  before?: number;
  after?: number;
  line?: number;
  firstLine?: number;
  keepNext?: boolean;
}

function para(text: string | TextRun[], s: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof text === "string" ? [run(text, s)] : text,
    alignment: s.align ?? AlignmentType.LEFT,
    spacing: { before: s.before ?? 0, after: s.after ?? 0, line: s.line ?? 240, lineRule: LineRuleType.AUTO },
    indent: s.firstLine || s.indent ? { firstLine: s.firstLine, left: s.indent || undefined } : undefined,
    keepNext: s.keepNext,
    keepLines: s.keepNext,
  });
}

/** A centred horizontal rule `width` twips long inside a box `boxWidth` wide: an empty paragraph's bottom border. */
function rule(width: number, boxWidth: number, after = 0, before = 40): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - width) / 2));
  return new Paragraph({
    children: [new TextRun({ text: "", font: FONT, size: 2 })],
    indent: { left: side, right: side },
    // A little room above so the line clears the descenders of the text it underlines.
    spacing: { before, after, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function cell(children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...extra });
}

/** A borderless grid: NĐ 30's header and the Nơi nhận / signature block. */
function grid(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((children, i) => cell(children, widths[i], { margins: NO_MARGINS, borders: TableBorders.NONE })),
        }),
    ),
  });
}

// "Độc lập - Tự do - Hạnh phúc" in Times New Roman 14 pt bold is 171 pt wide (measured in the PDF): its rule is as long.
const MOTTO_RULE = 171 * 20;
// Under the issuing body NĐ 30 wants 1/3–1/2 of the line: estimated from its length (bold caps ≈ 0.64 em a letter).
const issuerRule = (lines: string[], size: number) => Math.round(0.4 * Math.max(...lines.map((l) => l.length)) * 0.64 * size * 20);

// ---------------------------------------------------------------- first page

const HEADER_COLS = [mm(62), TEXT_WIDTH - mm(62)];

function headerGrid(doc: ReportDocument): Table {
  const h = doc.header;
  const left = [
    ...h.issuer.map((t) => para(t, { size: 13, bold: true, align: AlignmentType.CENTER })),
    rule(issuerRule(h.issuer, 13), HEADER_COLS[0]),
  ];
  const right = [
    para(h.motto, { size: 13, bold: true, align: AlignmentType.CENTER }),
    para(h.mottoSub, { size: 14, bold: true, align: AlignmentType.CENTER }),
    rule(MOTTO_RULE, HEADER_COLS[1]),
  ];
  // Second row: "Số" and the place/date share a baseline, as in every printed report.
  const number = [para(h.number, { size: 13, align: AlignmentType.CENTER, before: 120 })];
  const date = [para(h.placeDate, { size: 14, italics: true, align: AlignmentType.CENTER, before: 120 })];
  return grid(HEADER_COLS, [
    [left, right],
    [number, date],
  ]);
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  const out = [para(doc.title, { size: 14, bold: true, align: AlignmentType.CENTER, before: 360 })];
  for (const line of doc.subject) out.push(para(line, { size: 14, bold: true, align: AlignmentType.CENTER }));
  if (doc.dataWindow) out.push(para(doc.dataWindow, { size: 14, italics: true, align: AlignmentType.CENTER }));
  out.push(rule(mm(35), TEXT_WIDTH, 240, 100));
  return out;
}

const body = (text: string, s: ParaStyle = {}) =>
  para(text, { align: AlignmentType.JUSTIFIED, firstLine: BODY.indent, after: BODY.after, line: BODY.line, ...s });

function narrative(doc: ReportDocument): Paragraph[] {
  const out = [body(doc.opening)];
  doc.sections.forEach((s, i) => {
    // Headings left-aligned: justifying a two-line capital heading stretches its first line.
    out.push(body(s.heading, { bold: true, keepNext: true, align: AlignmentType.LEFT }));
    const sentences = s.sentences.filter((x) => x.enabled);
    for (const p of s.paragraphs) out.push(body(p));
    for (const sentence of sentences) out.push(body(`- ${sentence.text}`));
    // A draft shows where text is still missing (a leaf section with nothing in it); a final prints the heading alone.
    const leaf = !doc.sections[i + 1] || doc.sections[i + 1].level <= s.level;
    if (doc.draft && leaf && !s.paragraphs.length && !sentences.length) out.push(body("(Chưa có nội dung)", { italics: true }));
  });
  out.push(body(doc.closing, { keepNext: true }));
  return out;
}

const SIGN_COLS = [mm(75), TEXT_WIDTH - mm(75)];

function signatureBlock(doc: ReportDocument): Table {
  const left = [
    para(doc.recipients.label, { size: 12, bold: true, italics: true, before: 120 }),
    ...doc.recipients.items.map((t) => para(t, { size: 11 })),
  ];
  const right = [
    ...doc.signature.lines.map((t, i) => para(t, { size: 14, bold: true, align: AlignmentType.CENTER, before: i === 0 ? 120 : 0 })),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => para("", { size: 14 })),
    para(doc.signature.name, { size: 14, bold: true, align: AlignmentType.CENTER, before: 240 }),
  ];
  return grid(SIGN_COLS, [[left, right]]);
}

// ---------------------------------------------------------------- appendix tables

const TABLE_FONT = 12;
const CELL_MARGINS = { top: 40, bottom: 40, left: 70, right: 70 };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BOXED = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

/** STT · Chỉ tiêu · Đơn vị tính · Số liệu · Ghi chú, scaled to the text width. */
function formColumns(width: number): number[] {
  // Đơn vị tính holds coded options ("Trực tuyến = 0") and Số liệu "1 (Phát phiếu)": both on one line.
  const share = [0.075, 0.425, 0.185, 0.175, 0.14];
  const cols = share.map((s) => Math.round(s * width));
  cols[1] += width - cols.reduce((a, b) => a + b, 0);
  return cols;
}

function lines(text: string, s: ParaStyle): Paragraph[] {
  return (text || "").split("\n").map((l) => para(l, { size: TABLE_FONT, ...s }));
}

function headerRows(cols: number[]): TableRow[] {
  const h = (text: string, width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    cell(lines(text, { bold: true, align: AlignmentType.CENTER }), width, {
      verticalAlign: VerticalAlign.CENTER,
      margins: CELL_MARGINS,
      ...extra,
    });
  return [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        h("STT", cols[0], { rowSpan: 2 }),
        h("Chỉ tiêu thống kê", cols[1], { rowSpan: 2 }),
        h("Đơn vị tính", cols[2], { rowSpan: 2 }),
        h("Kết quả thống kê", cols[3] + cols[4], { columnSpan: 2 }),
      ],
    }),
    new TableRow({ tableHeader: true, cantSplit: true, children: [h("Số liệu", cols[3]), h("Ghi chú", cols[4])] }),
  ];
}

function dataRow(r: AppendixRow, cols: number[]): TableRow {
  const strong = r.kind === "section" || r.level === 0;
  const c = (text: string, width: number, s: ParaStyle) =>
    cell(lines(text, s), width, { verticalAlign: VerticalAlign.CENTER, margins: CELL_MARGINS });
  return new TableRow({
    cantSplit: true,
    children: [
      c(r.stt, cols[0], { align: AlignmentType.CENTER, bold: strong }),
      c(r.label, cols[1], { align: AlignmentType.LEFT, bold: strong, indent: r.stt ? 0 : 170 }),
      c(r.unit, cols[2], { align: AlignmentType.CENTER }),
      c(r.value, cols[3], { align: r.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT }),
      c(r.note, cols[4], { align: AlignmentType.LEFT }),
    ],
  });
}

function formTable(form: AppendixForm, width: number): (Paragraph | Table)[] {
  const cols = formColumns(width);
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders: BOXED,
    rows: [...headerRows(cols), ...form.rows.map((r) => dataRow(r, cols))],
  });
  // Caption and title stick to the table's first rows; a one-table appendix has them in its heading instead.
  const heads = [form.caption, form.title].filter((t, i, xs) => t && xs.indexOf(t) === i);
  const titles = heads.map((t, i) =>
    para(t, {
      size: 13,
      bold: true,
      align: AlignmentType.CENTER,
      before: i === 0 ? 360 : 0,
      after: i === heads.length - 1 ? 120 : 0,
      keepNext: true,
    }),
  );
  return [...titles, table];
}

/** Five columns fit portrait; long Ghi chú texts get the landscape page so rows stay readable. */
const appendixLandscape = (doc: ReportDocument) => doc.appendix.forms.some((f) => f.rows.some((r) => r.note.length > 80));

function appendix(doc: ReportDocument): (Paragraph | Table)[] {
  const a = doc.appendix;
  const width = appendixLandscape(doc) ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  return [
    para(a.heading, { size: 14, bold: true, align: AlignmentType.CENTER }),
    ...a.title.split("\n").map((t) => para(t, { size: 14, bold: true, align: AlignmentType.CENTER })),
    para(a.attachment, { size: 14, italics: true, align: AlignmentType.CENTER, after: 120 }),
    ...a.forms.flatMap((f) => formTable(f, width)),
  ];
}

// ---------------------------------------------------------------- headers, sections, document

/** "DỰ THẢO" boxed at the right of every page of a draft. */
function draftMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [run("DỰ THẢO", { size: 13, bold: true })],
    border: {
      top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 },
      bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 },
      left: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 },
      right: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 },
    },
    indent: { left: TEXT_WIDTH - mm(28) },
  });
}

function pageHeader(draft: boolean, withNumber: boolean): Header {
  const children: Paragraph[] = [];
  if (draft) children.push(draftMark());
  if (withNumber)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(14) })],
      }),
    );
  if (!children.length) children.push(new Paragraph({}));
  return new Header({ children });
}

function pageProperties(landscape: boolean): NonNullable<ISectionOptions["properties"]>["page"] {
  return {
    size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: MARGIN,
  };
}

export function buildReportDocx(model: ReportDocument): Document {
  const report: ISectionOptions = {
    // NĐ 30: page numbers from page 2, centred in the top margin; the first page has none.
    properties: { page: pageProperties(false), titlePage: true },
    headers: { default: pageHeader(model.draft, true), first: pageHeader(model.draft, false) },
    children: [headerGrid(model), ...titleBlock(model), ...narrative(model), signatureBlock(model)],
  };
  const annex: ISectionOptions = {
    properties: { page: pageProperties(appendixLandscape(model)), titlePage: false },
    headers: { default: pageHeader(model.draft, true) },
    children: appendix(model),
  };
  return new Document({
    creator: model.meta.unit,
    title: model.meta.title,
    description: model.draft ? "Dự thảo" : undefined,
    styles: { default: { document: { run: { font: FONT, size: pt(BODY.size) } } } },
    sections: model.appendix.forms.length ? [report, annex] : [report],
  });
}

/** Bytes of the .docx, in Node and in the browser alike. */
export function packReport(doc: Document): Promise<Uint8Array> {
  return Packer.pack(doc, "uint8array");
}

/** Node: a Buffer to write to disk. */
export function reportToBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** Browser: a Blob for `<a download>`. */
export function reportToBlob(doc: Document): Promise<Blob> {
  return Packer.toBlob(doc);
}
