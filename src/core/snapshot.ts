/**
 * What an adapter reads back from a workbook (Office.js or .xlsx), before any interpretation.
 * Turning it into ReportData, and spotting overwritten formulas or deleted rows, is core work.
 */
import type { ReportData, ReportInfo, TemplateDef } from "./catalog/types";
import { valueRows } from "./catalog";
import { INFO_FIELDS } from "./info";
import { periodFromLabel } from "./period";
import { excelSerialToDate, parseIsoDate, toIsoDate } from "./format/vi";
import type { CellValue } from "./compute";

export interface CellSnapshot {
  sheet: string;
  address: string;
  value: CellValue;
  /** The formula as Excel returns it ("=IF(…)"), when the cell holds one. */
  formula?: string;
}

export interface WorkbookSnapshot {
  templateId?: string;
  templateVersion?: string;
  /** JSON of an imported (non built-in) template, kept in the workbook's meta sheet. */
  embeddedTemplate?: string;
  sheetNames: string[];
  /** Value cells by row key, found through their names. */
  values: Record<string, CellSnapshot>;
  /** Ghi chú text by row key (the cell right of the value cell). */
  notes: Record<string, string>;
  /** Report information cells by field. */
  info: Record<string, CellSnapshot>;
  /** Staff paragraphs by narrative section id. */
  narrative: Record<string, string>;
  /** Thuyết minh switches ("Có"/"Không") and rewrites of generated sentences, by sentence id. */
  sentenceUse?: Record<string, string>;
  sentenceText?: Record<string, string>;
  /** Names of ours whose reference is gone (#REF!): their row or sheet was deleted. */
  brokenNames: string[];
}

function toText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

function toIso(v: CellValue): string {
  if (typeof v === "number") return toIsoDate(excelSerialToDate(v));
  const s = toText(v);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return toIsoDate({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  return parseIsoDate(s) ? s : "";
}

/** Report information from the Thông tin cells; blank or unreadable fields are left out. */
export function snapshotInfo(snapshot: WorkbookSnapshot): Partial<ReportInfo> {
  const info: Partial<ReportInfo> = {};
  const put = <K extends keyof ReportInfo>(k: K, v: ReportInfo[K] | undefined | "") => {
    if (v !== undefined && v !== "") info[k] = v as ReportInfo[K];
  };
  for (const f of INFO_FIELDS) {
    const v = snapshot.info[f.field]?.value;
    switch (f.kind) {
      case "date":
        put(f.field, toIso(v) as never);
        break;
      case "year": {
        const n = typeof v === "number" ? v : Number(toText(v));
        put("year", Number.isInteger(n) && n > 1999 ? n : undefined);
        break;
      }
      case "lines":
        put(
          "recipients",
          toText(v)
            .split(/\r?\n/)
            .map((l) =>
              l
                .replace(/^\s*-\s*/, "")
                .replace(/[;.]\s*$/, "")
                .trim(),
            )
            .filter(Boolean),
        );
        break;
      default:
        if (f.field === "period") put("period", periodFromLabel(toText(v)));
        else put(f.field, toText(v) as never);
    }
  }
  return info;
}

/** The data a workbook holds, keyed like a values file. Ratio rows read as their (computed or typed) value. */
export function snapshotToReportData(template: TemplateDef, snapshot: WorkbookSnapshot): ReportData {
  const values: ReportData["values"] = {};
  for (const { key } of valueRows(template)) {
    const cell = snapshot.values[key];
    if (!cell) continue;
    const v = cell.value;
    if (v === null || v === undefined || v === "") continue;
    values[key] = typeof v === "string" ? v.trim() : v;
  }
  const sentences: Record<string, string | null> = {};
  for (const [id, text] of Object.entries(snapshot.sentenceText ?? {})) if (text.trim()) sentences[id] = text.trim();
  for (const [id, use] of Object.entries(snapshot.sentenceUse ?? {})) if (use.trim().toLowerCase() === "không") sentences[id] = null;
  return {
    template: template.id,
    templateVersion: snapshot.templateVersion,
    info: snapshotInfo(snapshot),
    values,
    notes: { ...snapshot.notes },
    narrative: { ...snapshot.narrative },
    sentences,
  };
}
