/* global Excel */
/**
 * "Tạo biểu mẫu" through Office.js: read what the workbook holds (sync 1), build the plan with
 * every entered value kept by key, write it all (sync 2). Nothing is synced inside a loop.
 */
import type { ReportInfo, TemplateDef } from "../core/catalog/types";
import { rowIndex, valueRows } from "../core/catalog";
import {
  buildLayoutPlan,
  FONT_NAME,
  LEGACY_SHEET,
  STYLES,
  type LayoutPlan,
  type LegacyRow,
  type SheetPlan,
  type StyleId,
  type ValidationPlan,
} from "../core/layout/plan";
import { snapshotToReportData, type WorkbookSnapshot } from "../core/snapshot";
import { queueSnapshot } from "./read";
import { BACKUP_SHEET, backupRows, restoreFromBackup } from "../core/backup";

/** Form sheets: no password (staff can unprotect from the Review tab); formulas and labels are guarded. */
export const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: false,
  selectionMode: "Normal",
};

/** Excel on the web refuses requests over 5 MB; stay well under it. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** Column width: the plan speaks in characters, Office.js in points. */
const POINTS_PER_CHAR = 5.6;

export interface LayoutResult {
  syncs: number;
  /** Entries brought back from the backup of an interrupted layout. */
  restored: number;
  /** Entered values and notes carried over from the workbook. */
  keptValues: number;
  keptNotes: number;
  /** Values of rows the new template version dropped, moved to "Dữ liệu cũ". */
  legacyRows: number;
}

/** Values of rows that exist in the workbook's recorded template but not in the new one. */
export function droppedRows(recorded: TemplateDef | undefined, target: TemplateDef, snapshot: WorkbookSnapshot): LegacyRow[] {
  if (!recorded) return [];
  const targetKeys = rowIndex(target);
  return valueRows(recorded)
    .filter(({ key }) => !targetKeys.has(key))
    .map(({ key, row }) => ({
      key,
      label: row.label,
      value: snapshot.values[key]?.value ?? null,
      note: snapshot.notes[key] ?? null,
      fromVersion: recorded.version,
    }))
    .filter((r) => (r.value !== null && r.value !== "") || r.note);
}

function groupByStyle(sheet: SheetPlan): Map<StyleId, string[]> {
  const groups = new Map<StyleId, string[]>();
  for (const c of sheet.cells) {
    const list = groups.get(c.style) ?? [];
    list.push(c.address);
    groups.set(c.style, list);
  }
  return groups;
}

/** RangeAreas addresses are limited in length; split long lists. */
function chunkAddresses(addresses: string[], maxChars = 2000): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const a of addresses) {
    if (length + a.length + 1 > maxChars && current.length) {
      chunks.push(current.join(","));
      current = [];
      length = 0;
    }
    current.push(a);
    length += a.length + 1;
  }
  if (current.length) chunks.push(current.join(","));
  return chunks;
}

function toRule(v: ValidationPlan): Excel.DataValidationRule {
  switch (v.type) {
    case "list":
      return { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
    case "date":
      return { date: { formula1: "1990-01-01", operator: "GreaterThan" } };
    default: {
      const basic =
        v.max !== undefined
          ? { formula1: v.min ?? 0, formula2: v.max, operator: "Between" as const }
          : { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" as const };
      return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

/** Bounding rows/columns of the plan's cells, as a values matrix ("" where nothing is written). */
function cellMatrix(sheet: SheetPlan): { address: string; matrix: (string | number)[][] } | undefined {
  let maxRow = 0;
  let maxCol = 0;
  const parsed = sheet.cells.map((c) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(m[2]);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
    return { c, row, col };
  });
  if (!maxRow) return undefined;
  const matrix = Array.from({ length: maxRow }, () => Array<string | number>(maxCol).fill(""));
  for (const { c, row, col } of parsed) matrix[row - 1][col - 1] = c.formula ?? (c.value === null || c.value === undefined ? "" : c.value);
  const lastCol = String.fromCharCode(64 + maxCol);
  return { address: `A1:${lastCol}${maxRow}`, matrix };
}

function writeSheet(context: Excel.RequestContext, sheet: SheetPlan, ws: Excel.Worksheet, position: number): void {
  ws.position = position;
  // Formats first: number formats decide how the values below are taken ("@" keeps "2.1" as text).
  for (const [style, addresses] of groupByStyle(sheet)) {
    const s = STYLES[style];
    for (const chunk of chunkAddresses(addresses)) {
      const areas = ws.getRanges(chunk);
      areas.format.font.name = FONT_NAME;
      areas.format.font.size = s.size ?? 12;
      areas.format.font.bold = !!s.bold;
      areas.format.font.italic = !!s.italic;
      areas.format.wrapText = !!s.wrap;
      areas.format.verticalAlignment = s.vAlign === "top" ? "Top" : "Center";
      if (s.hAlign) areas.format.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right";
      if (s.fill) areas.format.fill.color = s.fill;
      if (s.border)
        for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const)
          areas.format.borders.getItem(edge).style = "Continuous";
      areas.format.protection.locked = s.locked;
    }
    if (s.numberFormat) for (const a of addresses) ws.getRange(a).numberFormat = [[s.numberFormat]];
  }
  for (const c of sheet.cells) if (c.indent) ws.getRange(c.address).format.indentLevel = c.indent;
  const block = cellMatrix(sheet);
  if (block) ws.getRange(block.address).formulas = block.matrix;
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  sheet.columns.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR));
  for (const [row, h] of Object.entries(sheet.rowHeights)) ws.getRange(`${row}:${row}`).format.rowHeight = h;
  for (const v of sheet.validations) {
    const dv = ws.getRange(v.address).dataValidation;
    dv.rule = toRule(v);
    dv.prompt = { showPrompt: true, title: v.prompt.title.slice(0, 32), message: v.prompt.message.slice(0, 255) };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title.slice(0, 32), message: v.error.message.slice(0, 255) };
  }
  if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.print) {
    const pl = ws.pageLayout;
    pl.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.paperSize = "A4";
    pl.centerHorizontally = true;
    pl.leftMargin = 43;
    pl.rightMargin = 29;
    pl.topMargin = 43;
    pl.bottomMargin = 43;
    if (sheet.print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.print.titleRows) pl.setPrintTitleRows(`$${sheet.print.titleRows.replace(":", ":$")}`);
    pl.headersFooters.defaultForAllPages.centerFooter = "Trang &P/&N";
  }
  ws.visibility = sheet.hidden ? "VeryHidden" : "Visible";
  // No password: staff can unprotect from the Review tab; protection guards formulas and labels.
  if (sheet.protect) ws.protection.protect(SHEET_PROTECTION);
}

/** Rough size of what a sheet queues, to keep each request under Excel on the web's 5 MB. */
function estimateBytes(sheet: SheetPlan): number {
  return sheet.cells.reduce((n, c) => n + 400 + String(c.formula ?? c.value ?? "").length * 2, 0) + sheet.validations.length * 600;
}

export interface LayoutOptions {
  /** The template that laid the workbook out, if the pane knows it (its version may be older). */
  recorded?: TemplateDef;
  /** Report information from the pane's step 1; overrides what the sheet holds. */
  info?: Partial<ReportInfo>;
}

/** Sheets whose form's values were found elsewhere: the user renamed them; keep their name. */
function existingSheetFor(sheet: SheetPlan, template: TemplateDef, snapshot: WorkbookSnapshot): string | undefined {
  if (sheet.role !== "form") return snapshot.sheetNames.includes(sheet.name) ? sheet.name : undefined;
  const form = template.forms.find((f) => f.id === sheet.formId)!;
  for (const row of form.rows) {
    const found = snapshot.values[`${form.id}:${row.code}`];
    if (found) return found.sheet;
  }
  return snapshot.sheetNames.includes(sheet.name) ? sheet.name : undefined;
}

export async function layoutWorkbook(
  context: Excel.RequestContext,
  template: TemplateDef,
  options: LayoutOptions = {},
): Promise<LayoutResult> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  context.application.suspendScreenUpdatingUntilNextSync();
  const templates = options.recorded && options.recorded !== template ? [options.recorded, template] : [template];
  const queued = queueSnapshot(context, templates);
  const legacyRange = context.workbook.worksheets.getItemOrNullObject(LEGACY_SHEET).getUsedRangeOrNullObject(true).load("values");
  const backupSheet = context.workbook.worksheets.getItemOrNullObject(BACKUP_SHEET).load("name");
  const backupRange = backupSheet.getUsedRangeOrNullObject(true).load("values");
  await sync();
  const snapshot = queued.result();

  const data = snapshotToReportData(template, snapshot);
  // A data-window cell that still holds its formula follows period and year: keep the formula, not its result.
  for (const f of ["windowFrom", "windowTo"] as const) if (snapshot.info[f]?.formula) delete data.info[f];
  data.info = { ...data.info, ...options.info };
  // A backup means the last layout was interrupted after it had started clearing: take back what it saved.
  const restored = backupRange.isNullObject ? 0 : restoreFromBackup(data, backupRange.values);
  const previousLegacy: LegacyRow[] = legacyRange.isNullObject
    ? []
    : legacyRange.values
        .slice(3)
        .filter((r) => r[0])
        .map((r) => ({
          key: String(r[0]),
          label: String(r[1]),
          value: r[2] === "" ? null : r[2],
          note: r[3] ? String(r[3]) : null,
          fromVersion: String(r[4]),
        }));
  const legacy = [
    ...previousLegacy,
    ...droppedRows(options.recorded, template, snapshot).filter((r) => !previousLegacy.some((p) => p.key === r.key)),
  ];
  const plan: LayoutPlan = buildLayoutPlan(template, data, legacy);

  context.application.suspendScreenUpdatingUntilNextSync();
  const wb = context.workbook;
  // First in the batch, before anything is cleared: the copy of every entry.
  const rows = backupRows(data);
  const backup = backupSheet.isNullObject ? wb.worksheets.add(BACKUP_SHEET) : wb.worksheets.getItem(BACKUP_SHEET);
  backup.visibility = "VeryHidden";
  backup.getRange().clear("All");
  if (rows.length) {
    const block = backup.getRangeByIndexes(0, 0, rows.length, 3);
    block.numberFormat = rows.map(() => ["@", "@", "@"]);
    block.values = rows;
  }
  for (const name of queued.ourNames()) wb.names.getItem(name).delete();
  let bytes = 0;
  for (const [i, sheet] of plan.sheets.entries()) {
    const existing = existingSheetFor(sheet, template, snapshot);
    let ws: Excel.Worksheet;
    if (existing) {
      ws = wb.worksheets.getItem(existing);
      ws.protection.unprotect();
      const all = ws.getRange();
      all.unmerge();
      all.dataValidation.clear();
      all.clear("All");
    } else ws = wb.worksheets.add(sheet.name);
    writeSheet(context, sheet, ws, i);
    bytes += estimateBytes(sheet);
    if (bytes > MAX_BATCH_BYTES && i < plan.sheets.length - 1) {
      // Only a very large imported template gets here; the built-in ones fit in one request.
      await sync();
      bytes = 0;
    }
  }
  for (const n of plan.names) {
    const ws = wb.worksheets.getItem(
      existingSheetFor(
        plan.sheets.find((s) => s.name === n.sheet)!,
        template,
        snapshot,
      ) ?? n.sheet,
    );
    wb.names.add(n.name, ws.getRange(n.address));
  }
  // A first layout opens the first form; a re-layout leaves staff on the sheet they were working in.
  const firstForm = plan.sheets.find((s) => s.role === "form");
  if (firstForm && !snapshot.templateId)
    wb.worksheets.getItem(existingSheetFor(firstForm, template, snapshot) ?? firstForm.name).activate();
  // Last in the batch: everything above went through, so the copy is no longer needed.
  wb.worksheets.getItem(BACKUP_SHEET).delete();
  await sync();
  return {
    syncs,
    restored,
    keptValues: Object.keys(data.values).length,
    keptNotes: Object.keys(data.notes ?? {}).length,
    legacyRows: legacy.length,
  };
}
