/**
 * The layout plan: a pure description of the workbook for one template — sheets, cells,
 * styles, merges, names, validations, protection and print setup. The Office.js adapter
 * (src/excel) and the ExcelJS writer (src/xlsx) both apply this one plan, so the add-in
 * and `cchc new` produce the same workbook.
 */
import type { FormDef, ReportData, ReportInfo, RowDef, TemplateDef } from "../catalog/types";
import { BUILTIN_TEMPLATES, rowIndex, rowKey } from "../catalog";
import { completeInfo, INFO_FIELDS } from "../info";
import { periodLabel } from "../period";
import { dateToExcelSerial, parseIsoDate } from "../format/vi";
import { a1, infoName, narrativeName, nameForKey, noteName, sentenceTextName, sentenceUseName } from "./names";
import { sentenceIds } from "../report/narrative";
import { computeRatio } from "../compute";
import { formSubtitleFormula, ratioFormula, windowFromFormula, windowToFormula } from "./formulas";

export const APP_ID = "bao-cao-cchc";
export const INFO_SHEET = "Thông tin";
export const NARRATIVE_SHEET = "Thuyết minh";
export const LEGACY_SHEET = "Dữ liệu cũ";
export const META_SHEET = "CCHC_META";

/** First data row of a form sheet; rows above are the title block and the two header rows. */
export const FORM_HEADER_ROWS = [5, 6] as const;
export const FORM_FIRST_ROW = 7;
/** Columns of a form sheet: STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu | Ghi chú. */
export const FORM_COLS = { stt: 1, label: 2, unit: 3, value: 4, note: 5 } as const;

export type StyleId =
  | "caption"
  | "title"
  | "subtitle"
  | "header"
  | "section"
  | "sectionStt"
  | "stt"
  | "label"
  | "unit"
  | "count"
  | "money"
  | "ratioFormula"
  | "ratioInput"
  | "code"
  | "text"
  | "note"
  | "infoLabel"
  | "infoInput"
  | "infoYear"
  | "infoDate"
  | "infoLocked"
  | "narrativeHeading"
  | "narrativeText"
  | "sentenceLabel"
  | "sentenceUse"
  | "plain";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle";
  wrap?: boolean;
  border?: boolean;
  /** ARGB-free hex "#RRGGBB". */
  fill?: string;
  numberFormat?: string;
  /** Unlocked cells are where staff type; everything else is locked on protected sheets. */
  locked: boolean;
}

export const FONT_NAME = "Times New Roman";
export const INPUT_FILL = "#FFF8E1";

export const STYLES: Record<StyleId, CellStyle> = {
  caption: { bold: true, size: 13, hAlign: "center", locked: true },
  title: { bold: true, size: 13, hAlign: "center", wrap: true, locked: true },
  subtitle: { italic: true, size: 12, hAlign: "center", locked: true },
  header: { bold: true, size: 12, hAlign: "center", vAlign: "middle", wrap: true, border: true, fill: "#E8EEF7", locked: true },
  sectionStt: { bold: true, size: 12, hAlign: "center", vAlign: "middle", border: true, numberFormat: "@", locked: true },
  section: { bold: true, size: 12, hAlign: "left", vAlign: "middle", wrap: true, border: true, numberFormat: "@", locked: true },
  // "@" (text) keeps STT "2.1" and "1.10" from turning into numbers when written through Office.js.
  stt: { size: 12, hAlign: "center", vAlign: "middle", border: true, numberFormat: "@", locked: true },
  // Explicit "left": Excel and LibreOffice apply the indent of sub-rows only to left-aligned cells.
  label: { size: 12, hAlign: "left", vAlign: "middle", wrap: true, border: true, numberFormat: "@", locked: true },
  unit: { size: 12, hAlign: "center", vAlign: "middle", wrap: true, border: true, numberFormat: "@", locked: true },
  count: { size: 12, hAlign: "right", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "#,##0", locked: false },
  money: { size: 12, hAlign: "right", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "#,##0.00", locked: false },
  ratioFormula: { size: 12, bold: true, hAlign: "right", vAlign: "middle", border: true, numberFormat: "0.00", locked: true },
  ratioInput: { size: 12, hAlign: "right", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "0.00", locked: false },
  code: { size: 12, hAlign: "center", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "0", locked: false },
  text: { size: 12, vAlign: "middle", wrap: true, border: true, fill: INPUT_FILL, numberFormat: "@", locked: false },
  note: { size: 11, vAlign: "middle", wrap: true, border: true, fill: INPUT_FILL, numberFormat: "@", locked: false },
  infoLabel: { size: 12, bold: true, vAlign: "middle", wrap: true, border: true, locked: true },
  infoInput: { size: 12, vAlign: "middle", wrap: true, border: true, fill: INPUT_FILL, numberFormat: "@", locked: false },
  infoYear: { size: 12, hAlign: "left", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "0", locked: false },
  infoDate: { size: 12, hAlign: "left", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "dd/mm/yyyy", locked: false },
  infoLocked: { size: 11, italic: true, vAlign: "middle", wrap: true, locked: true },
  narrativeHeading: { bold: true, size: 12, vAlign: "middle", wrap: true, locked: true },
  narrativeText: { size: 12, vAlign: "top", wrap: true, border: true, fill: INPUT_FILL, numberFormat: "@", locked: false },
  sentenceLabel: { size: 11, italic: true, vAlign: "middle", wrap: true, border: true, numberFormat: "@", locked: true },
  sentenceUse: { size: 11, hAlign: "center", vAlign: "middle", border: true, fill: INPUT_FILL, numberFormat: "@", locked: false },
  plain: { size: 12, locked: true },
};

export interface CellPlan {
  address: string;
  /** The value to write; for a formula cell, its expected result (cached in .xlsx files). */
  value?: string | number | null;
  formula?: string;
  style: StyleId;
  /** Indent level of a label (sub-rows sit deeper than their parent). */
  indent?: number;
}

export interface ValidationPlan {
  address: string;
  type: "list" | "whole" | "decimal" | "date";
  /** Allowed values for a list (what is stored in the cell). */
  list?: string[];
  min?: number;
  max?: number;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface SheetPlan {
  name: string;
  role: "info" | "form" | "narrative" | "legacy" | "meta";
  formId?: string;
  /** Column widths in characters. */
  columns: number[];
  cells: CellPlan[];
  merges: string[];
  rowHeights: Record<number, number>;
  validations: ValidationPlan[];
  freezeRows: number;
  protect: boolean;
  hidden: boolean;
  print?: { orientation: "portrait" | "landscape"; titleRows?: string; fitToWidth: boolean };
}

export interface NamePlan {
  name: string;
  sheet: string;
  address: string;
  /** Row key for value cells, info field or narrative section otherwise. */
  key: string;
}

export interface LayoutPlan {
  templateId: string;
  templateVersion: string;
  sheets: SheetPlan[];
  names: NamePlan[];
}

function emptySheet(name: string, role: SheetPlan["role"], columns: number[]): SheetPlan {
  return { name, role, columns, cells: [], merges: [], rowHeights: {}, validations: [], freezeRows: 0, protect: true, hidden: false };
}

const VALUE_STYLE: Record<Exclude<RowDef["kind"], "section">, StyleId> = {
  count: "count",
  money: "money",
  ratio: "ratioInput",
  code: "code",
  text: "text",
};

/** Estimated row height (points) for a wrapped label in a column `width` characters wide. */
function wrappedHeight(text: string, width: number, lineHeight = 16): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / width)), 0);
  return Math.max(20, lines * lineHeight + 4);
}

export function codeListMessage(row: RowDef): string {
  return (row.codes ?? []).map((c) => `${c.value} = ${c.label}`).join("; ");
}

function validationFor(row: RowDef, address: string): ValidationPlan | undefined {
  const where = `"${row.label.slice(0, 60)}${row.label.length > 60 ? "…" : ""}"`;
  switch (row.kind) {
    case "count":
      return {
        address,
        type: "whole",
        min: 0,
        prompt: {
          title: "Số nguyên ≥ 0",
          message: `Nhập số ${row.unit.toLowerCase() || "lượng"} (số nguyên, không âm). Ghi chú để ở cột Ghi chú.`,
        },
        error: { title: "Số liệu không hợp lệ", message: `Ô này chỉ nhận số nguyên không âm (${where}). Ghi chú xin nhập ở cột Ghi chú.` },
      };
    case "money":
      return {
        address,
        type: "decimal",
        min: 0,
        prompt: { title: "Triệu đồng", message: "Nhập số tiền (triệu đồng), không âm." },
        error: { title: "Số tiền không hợp lệ", message: `Ô này chỉ nhận số tiền không âm, đơn vị triệu đồng (${where}).` },
      };
    case "ratio":
      return {
        address,
        type: "decimal",
        min: 0,
        max: 100,
        prompt: { title: "Tỷ lệ %", message: "Nhập tỷ lệ phần trăm từ 0 đến 100, tối đa 2 chữ số thập phân." },
        error: { title: "Tỷ lệ không hợp lệ", message: `Tỷ lệ phải là số từ 0 đến 100 (${where}).` },
      };
    case "code":
      return {
        address,
        type: "list",
        list: (row.codes ?? []).map((c) => String(c.value)),
        prompt: { title: "Chọn mã", message: codeListMessage(row) },
        error: { title: "Mã không có trong danh sách", message: `Chỉ chọn một trong các mã: ${codeListMessage(row)} (${where}).` },
      };
    default:
      return undefined;
  }
}

function infoValue(info: ReportInfo, field: keyof ReportInfo): string | number | null {
  const v = info[field];
  if (field === "period") return periodLabel(info.period);
  if (field === "recipients")
    return (v as string[])
      .filter((r) => r.trim())
      .map((r) => `- ${r.replace(/^-\s*/, "")}`)
      .join("\n");
  if (field === "windowFrom" || field === "windowTo" || field === "docDate") {
    const d = parseIsoDate(String(v ?? ""));
    return d ? dateToExcelSerial(d) : null;
  }
  return (v as string | number | undefined) ?? null;
}

function infoSheet(template: TemplateDef, data: ReportData | undefined, names: NamePlan[]): SheetPlan {
  const sheet = emptySheet(INFO_SHEET, "info", [30, 52, 50]);
  const info = completeInfo(template, data?.info ?? {});
  const givenWindow = { windowFrom: !!data?.info?.windowFrom, windowTo: !!data?.info?.windowTo };
  sheet.cells.push({ address: "A1", value: "THÔNG TIN BÁO CÁO CẢI CÁCH HÀNH CHÍNH", style: "caption" });
  sheet.merges.push("A1:C1");
  sheet.cells.push({
    address: "A2",
    value: `Mẫu biểu: ${template.title} (${template.id}, phiên bản ${template.version})`,
    style: "subtitle",
  });
  sheet.merges.push("A2:C2");
  sheet.cells.push(
    { address: "A4", value: "Mục", style: "header" },
    { address: "B4", value: "Nội dung", style: "header" },
    { address: "C4", value: "Hướng dẫn", style: "header" },
  );
  INFO_FIELDS.forEach((f, i) => {
    const row = 5 + i;
    const address = a1(2, row);
    sheet.cells.push({ address: a1(1, row), value: f.label, style: "infoLabel" });
    sheet.cells.push({ address: a1(3, row), value: f.hint, style: "infoLocked" });
    const cell: CellPlan = {
      address,
      value: infoValue(info, f.field),
      style: f.kind === "date" ? "infoDate" : f.kind === "year" ? "infoYear" : "infoInput",
    };
    // Untouched windows follow period and year live; a window the data gives is kept as typed.
    if (f.field === "windowFrom" && !givenWindow.windowFrom) cell.formula = windowFromFormula();
    if (f.field === "windowTo" && !givenWindow.windowTo) cell.formula = windowToFormula();
    sheet.cells.push(cell);
    if (f.kind === "lines") sheet.rowHeights[row] = 110;
    names.push({ name: infoName(f.field), sheet: sheet.name, address, key: `info:${f.field}` });
    if (f.kind === "list") {
      sheet.validations.push({
        address,
        type: "list",
        list: f.options,
        prompt: { title: f.label, message: f.hint },
        error: { title: "Giá trị không hợp lệ", message: `${f.label}: chỉ chọn một trong ${f.options!.join(", ")}.` },
      });
    } else if (f.kind === "year") {
      sheet.validations.push({
        address,
        type: "whole",
        min: 2000,
        max: 2100,
        prompt: { title: f.label, message: f.hint },
        error: { title: "Năm không hợp lệ", message: "Năm báo cáo phải là số từ 2000 đến 2100." },
      });
    } else if (f.kind === "date") {
      sheet.validations.push({
        address,
        type: "date",
        prompt: { title: f.label, message: `${f.hint} Nhập ngày dạng ngày/tháng/năm.` },
        error: { title: "Ngày không hợp lệ", message: `${f.label}: nhập một ngày hợp lệ.` },
      });
    }
  });
  sheet.print = { orientation: "portrait", fitToWidth: true };
  return sheet;
}

/** What formSubtitleFormula shows. */
export function formSubtitle(info: ReportInfo): string {
  const p = periodLabel(info.period);
  const when = info.period === "Y" ? `Năm ${info.year}` : `${p} năm ${info.year}`;
  return `Kỳ báo cáo: ${when} - ${info.unitKind} ${info.unitName}`;
}

function formSheet(template: TemplateDef, form: FormDef, data: ReportData | undefined, names: NamePlan[]): SheetPlan {
  const widths = [8, 58, 14, 14, 24];
  const sheet = emptySheet(form.sheetName, "form", widths);
  sheet.formId = form.id;
  sheet.cells.push({ address: "A1", value: form.caption, style: "caption" });
  sheet.cells.push({ address: "A2", value: form.title, style: "title" });
  sheet.cells.push({
    address: "A3",
    formula: formSubtitleFormula(),
    value: formSubtitle(completeInfo(template, data?.info ?? {})),
    style: "subtitle",
  });
  sheet.merges.push("A1:E1", "A2:E2", "A3:E3");
  sheet.rowHeights[2] = wrappedHeight(form.title, 100, 18);
  const [h1, h2] = FORM_HEADER_ROWS;
  sheet.cells.push(
    { address: a1(1, h1), value: "STT", style: "header" },
    { address: a1(2, h1), value: "Chỉ tiêu thống kê", style: "header" },
    { address: a1(3, h1), value: "Đơn vị tính", style: "header" },
    { address: a1(4, h1), value: "Kết quả thống kê", style: "header" },
    { address: a1(4, h2), value: "Số liệu", style: "header" },
    { address: a1(5, h2), value: "Ghi chú", style: "header" },
  );
  // Merged cells keep the top-left value only; the others are written empty with the same style.
  sheet.cells.push(
    { address: a1(1, h2), value: null, style: "header" },
    { address: a1(2, h2), value: null, style: "header" },
    { address: a1(3, h2), value: null, style: "header" },
    { address: a1(5, h1), value: null, style: "header" },
  );
  sheet.merges.push(`A${h1}:A${h2}`, `B${h1}:B${h2}`, `C${h1}:C${h2}`, `D${h1}:E${h1}`);
  sheet.freezeRows = h2;
  sheet.print = { orientation: "portrait", titleRows: `${h1}:${h2}`, fitToWidth: true };

  form.rows.forEach((row, i) => {
    const r = FORM_FIRST_ROW + i;
    const key = rowKey(form, row);
    const isSection = row.kind === "section";
    sheet.cells.push({ address: a1(1, r), value: row.stt, style: isSection ? "sectionStt" : "stt" });
    sheet.cells.push({ address: a1(2, r), value: row.label, style: isSection ? "section" : "label", indent: row.level || undefined });
    sheet.cells.push({ address: a1(3, r), value: row.unit, style: isSection ? "section" : "unit" });
    sheet.rowHeights[r] = Math.max(
      wrappedHeight(row.label, widths[1] - row.level * 3),
      row.kind === "code" ? wrappedHeight(row.unit, widths[2]) : 0,
    );
    const noteCell: CellPlan = { address: a1(5, r), value: data?.notes?.[key] ?? row.note ?? null, style: "note" };
    if (row.kind === "section") {
      sheet.cells.push({ address: a1(4, r), value: null, style: "section" }, { ...noteCell, style: "section", value: null });
      return;
    }
    const valueAddress = a1(4, r);
    const cell: CellPlan = { address: valueAddress, style: row.ratio ? "ratioFormula" : VALUE_STYLE[row.kind] };
    if (row.ratio) {
      cell.formula = ratioFormula(row.ratio);
      cell.value = computeRatio(row.ratio, (k) => data?.values[k]) ?? null;
    } else cell.value = data?.values[key] ?? null;
    sheet.cells.push(cell, noteCell);
    names.push({ name: nameForKey(key), sheet: sheet.name, address: valueAddress, key });
    names.push({ name: noteName(key), sheet: sheet.name, address: noteCell.address, key: `note:${key}` });
    const validation = row.ratio ? undefined : validationFor(row, valueAddress);
    if (validation) sheet.validations.push(validation);
  });
  return sheet;
}

export const USE_SENTENCE = { yes: "Có", no: "Không" };

function narrativeSheet(template: TemplateDef, data: ReportData | undefined, names: NamePlan[]): SheetPlan {
  const sheet = emptySheet(NARRATIVE_SHEET, "narrative", [8, 72, 9, 48]);
  const rows = rowIndex(template);
  sheet.cells.push({ address: "A1", value: "THUYẾT MINH BÁO CÁO", style: "caption" });
  sheet.merges.push("A1:D1");
  sheet.cells.push({
    address: "A2",
    value:
      "Ô vàng lớn: đoạn văn của đơn vị cho từng mục (xuống dòng bằng Alt+Enter). Dưới mỗi mục là các câu có số liệu do add-in tự viết từ biểu mẫu khi xuất Word: chọn Không ở cột Dùng để bỏ câu, hoặc gõ câu khác vào cột Viết lại.",
    style: "infoLocked",
  });
  sheet.merges.push("A2:D2");
  sheet.rowHeights[2] = 48;
  ["Mục", "Nội dung", "Dùng", "Viết lại câu tự động (để trống: giữ câu của add-in)"].forEach((h, i) =>
    sheet.cells.push({ address: a1(i + 1, 3), value: h, style: "header" }),
  );
  sheet.freezeRows = 3;
  let r = 4;
  // An edit applies to the sentence wherever it appears, so each id gets one row (in its first section).
  const offered = new Set<string>();
  for (const section of template.narrative) {
    sheet.cells.push(
      { address: a1(1, r), value: section.id, style: "narrativeHeading" },
      { address: a1(2, r), value: section.heading, style: "narrativeHeading" },
    );
    sheet.merges.push(`B${r}:D${r}`);
    r++;
    const address = a1(2, r);
    const text = data?.narrative?.[section.id] ?? null;
    sheet.cells.push({ address: a1(1, r), value: null, style: "plain" }, { address, value: text, style: "narrativeText" });
    sheet.merges.push(`B${r}:D${r}`);
    sheet.rowHeights[r] = Math.min(400, Math.max(60, text ? wrappedHeight(text, 130) : 60));
    names.push({ name: narrativeName(section.id), sheet: sheet.name, address, key: `nar:${section.id}` });
    r++;
    for (const id of sentenceIds(template, section).filter((id) => !offered.has(id))) {
      offered.add(id);
      const edit = data?.sentences?.[id];
      const label = rows.get(id)?.row.label ?? id;
      sheet.cells.push(
        { address: a1(1, r), value: null, style: "plain" },
        { address: a1(2, r), value: `Câu tự động về: ${label}`, style: "sentenceLabel" },
        { address: a1(3, r), value: edit === null ? USE_SENTENCE.no : USE_SENTENCE.yes, style: "sentenceUse" },
        { address: a1(4, r), value: typeof edit === "string" ? edit : null, style: "narrativeText" },
      );
      sheet.rowHeights[r] = wrappedHeight(label, 60);
      sheet.validations.push({
        address: a1(3, r),
        type: "list",
        list: [USE_SENTENCE.yes, USE_SENTENCE.no],
        prompt: { title: "Dùng câu này?", message: "Có: đưa câu vào báo cáo; Không: bỏ câu." },
        error: { title: "Chỉ chọn Có hoặc Không", message: "Chọn Có hoặc Không." },
      });
      names.push({ name: sentenceUseName(id), sheet: sheet.name, address: a1(3, r), key: `use:${id}` });
      names.push({ name: sentenceTextName(id), sheet: sheet.name, address: a1(4, r), key: `sen:${id}` });
      r++;
    }
    r++;
  }
  sheet.print = { orientation: "landscape", fitToWidth: true };
  return sheet;
}

/** Excel holds at most 32 767 characters in a cell; an embedded template is split across column D. */
export const META_CHUNK = 30000;

/**
 * The hidden sheet that says which template (and version) laid the workbook out. A province's imported
 * template travels inside the workbook (JSON in D1…Dn), so the pane and `cchc` recognise it anywhere.
 */
function metaSheet(template: TemplateDef): SheetPlan {
  const sheet = emptySheet(META_SHEET, "meta", [20, 40, 4, 60]);
  sheet.hidden = true;
  const builtin = BUILTIN_TEMPLATES.some((t) => t.id === template.id && t.version === template.version);
  const json = builtin ? "" : JSON.stringify(template);
  const chunks = json ? Math.ceil(json.length / META_CHUNK) : 0;
  sheet.cells.push({ address: "A4", value: "templateChunks", style: "plain" }, { address: "B4", value: chunks, style: "plain" });
  for (let i = 0; i < chunks; i++)
    sheet.cells.push({ address: `D${i + 1}`, value: json.slice(i * META_CHUNK, (i + 1) * META_CHUNK), style: "plain" });
  sheet.cells.push(
    { address: "A1", value: "app", style: "plain" },
    { address: "B1", value: APP_ID, style: "plain" },
    { address: "A2", value: "template", style: "plain" },
    { address: "B2", value: template.id, style: "plain" },
    { address: "A3", value: "version", style: "plain" },
    { address: "B3", value: template.version, style: "plain" },
  );
  return sheet;
}

/** Rows a user kept values for that this template version no longer has. */
export interface LegacyRow {
  key: string;
  label: string;
  value: string | number | null;
  note: string | null;
  fromVersion: string;
}

function legacySheet(rows: LegacyRow[]): SheetPlan {
  const sheet = emptySheet(LEGACY_SHEET, "legacy", [18, 60, 16, 30, 12]);
  sheet.protect = false;
  sheet.cells.push({
    address: "A1",
    value: "Số liệu của các dòng không còn trong phiên bản mẫu mới (được giữ lại, không xóa).",
    style: "infoLocked",
  });
  sheet.merges.push("A1:E1");
  ["Mã dòng", "Chỉ tiêu", "Số liệu", "Ghi chú", "Phiên bản"].forEach((h, i) =>
    sheet.cells.push({ address: a1(i + 1, 3), value: h, style: "header" }),
  );
  rows.forEach((row, i) => {
    const r = 4 + i;
    sheet.cells.push(
      { address: a1(1, r), value: row.key, style: "label" },
      { address: a1(2, r), value: row.label, style: "label" },
      { address: a1(3, r), value: row.value, style: "label" },
      { address: a1(4, r), value: row.note, style: "label" },
      { address: a1(5, r), value: row.fromVersion, style: "label" },
    );
  });
  return sheet;
}

/**
 * The whole workbook for a template, filled with `data` where given (values by key, notes,
 * narrative text, info). `legacy` rows — values of rows a newer version dropped — get a sheet of their own.
 */
export function buildLayoutPlan(template: TemplateDef, data?: ReportData, legacy: LegacyRow[] = []): LayoutPlan {
  const names: NamePlan[] = [];
  const sheets: SheetPlan[] = [infoSheet(template, data, names)];
  for (const form of template.forms) sheets.push(formSheet(template, form, data, names));
  sheets.push(narrativeSheet(template, data, names));
  if (legacy.length) sheets.push(legacySheet(legacy));
  sheets.push(metaSheet(template));
  return { templateId: template.id, templateVersion: template.version, sheets, names };
}
