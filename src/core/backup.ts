/**
 * A crash-safe copy of what staff entered, written first in the layout batch and deleted last.
 * Office.js batches are not transactions: if a request fails half-way, the sheets may already be
 * cleared. The next "Tạo biểu mẫu" then finds this copy and puts every value back.
 */
import type { ReportData } from "./catalog/types";

export const BACKUP_SHEET = "CCHC_BACKUP";

type Kind = "value" | "note" | "nar" | "sentence" | "info";

/** Rows [kind, key, JSON of the value]: JSON keeps "01" a string and 3978 a number. */
export function backupRows(data: ReportData): string[][] {
  const rows: string[][] = [];
  const add = (kind: Kind, entries: Record<string, unknown> | undefined) => {
    for (const [key, v] of Object.entries(entries ?? {})) if (v !== undefined) rows.push([kind, key, JSON.stringify(v)]);
  };
  add("value", data.values);
  add("note", data.notes);
  add("nar", data.narrative);
  add("sentence", data.sentences);
  add("info", data.info as Record<string, unknown>);
  return rows;
}

/** Fills what the workbook lost from a backup left by an interrupted layout; what the workbook still holds wins. */
export function restoreFromBackup(data: ReportData, rows: unknown[][]): number {
  let restored = 0;
  const bags: Record<Kind, Record<string, unknown>> = {
    value: data.values,
    note: (data.notes ??= {}),
    nar: (data.narrative ??= {}),
    sentence: (data.sentences ??= {}),
    info: data.info as Record<string, unknown>,
  };
  for (const [kind, key, json] of rows) {
    const bag = bags[String(kind) as Kind];
    if (!bag || !key || String(key) in bag) continue;
    try {
      bag[String(key)] = JSON.parse(String(json));
      restored++;
    } catch {
      // A row mangled by hand is skipped; the others still come back.
    }
  }
  return restored;
}
