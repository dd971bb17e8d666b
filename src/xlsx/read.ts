/* global Buffer */
/** Reads a workbook laid out by the add-in or `cchc new` back into a snapshot (names → cells). */
import ExcelJS from "exceljs";
import { APP_ID, META_SHEET } from "../core/layout/plan";
import { NAME_PREFIX, keyFromMangled, parseSheetRef } from "../core/layout/names";
import type { CellSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { CellValue } from "../core/compute";

export class WorkbookFormatError extends Error {}

function cellValue(cell: ExcelJS.Cell): { value: CellValue; formula?: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string") return { value: v };
  if (typeof v === "boolean") return { value: v ? 1 : 0 };
  if (v instanceof Date) return { value: Math.round(v.getTime() / 86400000 + 25569) };
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue;
      const r = f.result as unknown;
      const value =
        typeof r === "number" || typeof r === "string" ? r : r instanceof Date ? Math.round(r.getTime() / 86400000 + 25569) : null;
      return { value: value === "" ? null : value, formula: `=${f.formula ?? cell.formula}` };
    }
    if ("richText" in v) return { value: v.richText.map((t) => t.text).join("") };
    if ("error" in v) return { value: String(v.error) };
    if ("text" in v) return { value: String((v as { text: unknown }).text) };
  }
  return { value: String(v) };
}

export async function loadWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new WorkbookFormatError(`Không đọc được tệp Excel (.xlsx): ${(e as Error).message}`);
  }
  return wb;
}

export function snapshotWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const meta = wb.getWorksheet(META_SHEET);
  const snapshot: WorkbookSnapshot = {
    sheetNames: wb.worksheets.map((w) => w.name),
    values: {},
    notes: {},
    info: {},
    narrative: {},
    brokenNames: [],
  };
  if (meta && meta.getCell("B1").value === APP_ID) {
    snapshot.templateId = String(meta.getCell("B2").value ?? "");
    snapshot.templateVersion = String(meta.getCell("B3").value ?? "");
    const chunks = Number(meta.getCell("B4").value ?? 0);
    if (chunks > 0)
      snapshot.embeddedTemplate = Array.from({ length: chunks }, (_, i) => String(meta.getCell(`D${i + 1}`).value ?? "")).join("");
  }
  const read = (ref: { sheet: string; address: string }): CellSnapshot | undefined => {
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) return undefined;
    return { sheet: ref.sheet, address: ref.address, ...cellValue(ws.getCell(ref.address)) };
  };
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (!name.startsWith(NAME_PREFIX)) continue;
    const ref = ranges.length === 1 ? parseSheetRef(ranges[0]) : undefined;
    const cell = ref && read(ref);
    if (!cell) {
      snapshot.brokenNames.push(name);
      continue;
    }
    const rest = name.slice(NAME_PREFIX.length);
    if (rest.startsWith("info_")) snapshot.info[rest.slice(5)] = cell;
    else if (rest.startsWith("nar_")) {
      if (cell.value !== null && cell.value !== undefined && String(cell.value).trim())
        snapshot.narrative[rest.slice(4).replace(/_/g, ".")] = String(cell.value);
    } else if (rest.startsWith("use_") || rest.startsWith("sen_")) {
      const text = cell.value === null || cell.value === undefined ? "" : String(cell.value).trim();
      const bag = rest.startsWith("use_") ? (snapshot.sentenceUse ??= {}) : (snapshot.sentenceText ??= {});
      if (text) bag[keyFromMangled(rest.slice(4))] = text;
    } else if (rest.startsWith("note_")) {
      if (cell.value !== null && cell.value !== undefined && String(cell.value).trim())
        snapshot.notes[keyFromMangled(rest.slice(5))] = String(cell.value).trim();
    } else {
      snapshot.values[keyFromMangled(rest)] = cell;
    }
  }
  return snapshot;
}

export async function readXlsxSnapshot(data: Buffer | ArrayBuffer): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await loadWorkbook(data));
}
