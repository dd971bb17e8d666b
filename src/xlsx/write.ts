/* global Buffer */
/** Applies a layout plan with ExcelJS: the .xlsx face of the same plan the add-in writes through Office.js. */
import ExcelJS from "exceljs";
import { FONT_NAME, STYLES, type CellPlan, type LayoutPlan, type SheetPlan, type ValidationPlan } from "../core/layout/plan";
import { sheetRef } from "../core/layout/names";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

function applyStyle(cell: ExcelJS.Cell, plan: CellPlan): void {
  const s = STYLES[plan.style];
  cell.font = { name: FONT_NAME, size: s.size ?? 12, bold: s.bold, italic: s.italic };
  cell.alignment = { horizontal: s.hAlign, vertical: s.vAlign ?? "middle", wrapText: s.wrap, indent: plan.indent };
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  cell.protection = { locked: s.locked };
}

function applyValidation(ws: ExcelJS.Worksheet, v: ValidationPlan): void {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title.slice(0, 32),
    prompt: v.prompt.message.slice(0, 255),
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: v.error.title.slice(0, 32),
    error: v.error.message.slice(0, 255),
  };
  const cell = ws.getCell(v.address);
  if (v.type === "list") {
    cell.dataValidation = { ...common, type: "list", formulae: [`"${(v.list ?? []).join(",")}"`] };
  } else if (v.type === "date") {
    cell.dataValidation = { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1990, 0, 1))] };
  } else if (v.max !== undefined) {
    cell.dataValidation = { ...common, type: v.type, operator: "between", formulae: [v.min ?? 0, v.max] };
  } else {
    cell.dataValidation = { ...common, type: v.type, operator: "greaterThanOrEqual", formulae: [v.min ?? 0] };
  }
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? "veryHidden" : "visible",
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : [{}],
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.print?.orientation ?? "portrait",
      fitToPage: sheet.print?.fitToWidth ?? false,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: sheet.print?.titleRows,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  if (sheet.print) ws.headerFooter.oddFooter = '&C&"Times New Roman"&10Trang &P/&N';
  sheet.columns.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const merge of sheet.merges) ws.mergeCells(merge);
  for (const plan of sheet.cells) {
    const cell = ws.getCell(plan.address);
    if (plan.formula) {
      cell.value = { formula: plan.formula.replace(/^=/, ""), result: plan.value ?? "" } as ExcelJS.CellFormulaValue;
    } else if (plan.value !== undefined && plan.value !== null && plan.value !== "") {
      cell.value = plan.value;
    }
    applyStyle(cell, plan);
  }
  for (const v of sheet.validations) applyValidation(ws, v);
  if (sheet.protect) {
    // No password: staff can still unprotect from the Review tab; protection only guards formulas and labels.
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, insertRows: false });
  }
}

/** Writes the plan to an ExcelJS workbook (not yet serialised). */
export async function planToWorkbook(plan: LayoutPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Báo cáo CCHC";
  wb.title = `Báo cáo CCHC (${plan.templateId} ${plan.templateVersion})`;
  // Excel recomputes every formula when it opens the file; cached results are there for readers that do not.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await writeSheet(wb, sheet);
  for (const n of plan.names) wb.definedNames.add(sheetRef(n.sheet, n.address), n.name);
  return wb;
}

export async function planToXlsxBuffer(plan: LayoutPlan): Promise<Buffer> {
  const wb = await planToWorkbook(plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
