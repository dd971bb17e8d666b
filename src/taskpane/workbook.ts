/* global Excel, Office, clearTimeout, setTimeout */
/** The pane's only door to Excel: each function is one Excel.run with as few syncs as it needs. */
import type { ReportInfo, TemplateDef } from "../core/catalog/types";
import { findTemplate } from "../core/catalog";
import { APP_ID, META_SHEET } from "../core/layout/plan";
import { layoutWorkbook, type LayoutResult } from "../excel/layout";
import { queueSnapshot } from "../excel/read";
import { applyHighlights, type CellRef } from "../excel/highlight";
import { snapshotToReportData, type WorkbookSnapshot } from "../core/snapshot";
import type { ReportData } from "../core/catalog/types";

/** Lowest ExcelApi set the layout needs (RangeAreas, page layout, indent, screen-updating suspension). */
export const REQUIRED_EXCEL_API = "1.9";

/** 40 × 30 000 characters: far above any real template. */
const MAX_EMBEDDED_CHUNKS = 40;

export function excelSupported(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API);
}

export interface WorkbookState {
  templateId?: string;
  templateVersion?: string;
  /** An imported template's JSON, carried in the workbook. */
  embeddedTemplate?: string;
}

/** Which template laid this workbook out (one small sync). */
export async function readWorkbookState(): Promise<WorkbookState> {
  return Excel.run(async (context) => {
    const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
    const range = meta.getRange("A1:B4").load("values");
    const embedded = meta.getRange(`D1:D${MAX_EMBEDDED_CHUNKS}`).load("values");
    await context.sync();
    if (meta.isNullObject || range.values[0][1] !== APP_ID) return {};
    const chunks = Number(range.values[3][1]) || 0;
    return {
      templateId: String(range.values[1][1]),
      templateVersion: String(range.values[2][1]),
      embeddedTemplate: chunks
        ? embedded.values
            .slice(0, chunks)
            .map((r) => String(r[0]))
            .join("")
        : undefined,
    };
  });
}

export async function createForms(template: TemplateDef, info: Partial<ReportInfo>, extra: TemplateDef[]): Promise<LayoutResult> {
  const state = await readWorkbookState();
  const recorded = state.templateId ? findTemplate(state.templateId, extra) : undefined;
  return asOwnWrite(() => Excel.run((context) => layoutWorkbook(context, template, { recorded, info })));
}

/** Everything the checks and the Word report need, in one sync. */
export async function readReport(template: TemplateDef): Promise<{ data: ReportData; snapshot: WorkbookSnapshot }> {
  return Excel.run(async (context) => {
    const queued = queueSnapshot(context, [template]);
    await context.sync();
    const snapshot = queued.result();
    return { data: snapshotToReportData(template, snapshot), snapshot };
  });
}

/** Selects a cell a finding points at ("'BM7 …'!D45" or sheet + address). */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The add-in's own writes must not trigger a re-check: events arriving while one runs are ignored. */
let ownWrites = 0;
let ownWritesEndedAt = 0;

export async function asOwnWrite<T>(fn: () => Promise<T>): Promise<T> {
  ownWrites++;
  try {
    return await fn();
  } finally {
    ownWrites--;
    ownWritesEndedAt = Date.now();
  }
}

function isOwnWrite(): boolean {
  // Excel delivers change events asynchronously, shortly after the sync that caused them.
  return ownWrites > 0 || Date.now() - ownWritesEndedAt < 800;
}

/** Calls `onChange` (debounced) whenever staff edit any sheet, for the pane's lifetime. */
export async function watchChanges(onChange: () => void, debounceMs = 700): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handler = async () => {
    if (isOwnWrite()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  await Excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
  });
}

/** Tints the failing cells (or, with none, removes the tint everywhere); the add-in's own write. */
export async function highlightCells(snapshot: WorkbookSnapshot, cells: CellRef[]): Promise<void> {
  await asOwnWrite(() => Excel.run((context) => applyHighlights(context, snapshot, cells)));
}
