/**
 * Consolidation: many communes' data for one template → one data set. Counts and money add up
 * (a cell blank everywhere stays blank); ratios with a formula are recomputed by the sheet from
 * the sums; what cannot be added (coded answers, text, ratio inputs) is left blank and said so.
 */
import type { ReportData, TemplateDef } from "./catalog/types";
import { valueRows } from "./catalog";
import { asNumber } from "./compute";

export interface MergeInput {
  /** Who the data is from ("xã Thanh Giang"), for notes and messages. */
  source: string;
  data: ReportData;
}

export interface MergeResult {
  data: ReportData;
  /** Vietnamese remarks: values that could not be added, naming the source and row. */
  problems: string[];
  /** Rows left blank because they cannot be summed. */
  notSummed: string[];
}

export function mergeReports(template: TemplateDef, inputs: MergeInput[], info: ReportData["info"] = {}): MergeResult {
  const values: ReportData["values"] = {};
  const notes: Record<string, string> = {};
  const problems: string[] = [];
  const notSummed: string[] = [];
  for (const { key, row } of valueRows(template)) {
    const additive = row.kind === "count" || row.kind === "money";
    if (!additive) {
      if (!row.ratio && inputs.some((i) => i.data.values[key] !== undefined && i.data.values[key] !== null)) notSummed.push(key);
      continue;
    }
    let total: number | undefined;
    for (const input of inputs) {
      const v = input.data.values[key];
      if (v === undefined || v === null || v === "") continue;
      const n = asNumber(v);
      if (n === undefined) {
        problems.push(`${input.source}, dòng ${key}: "${v}" không phải số nên không được cộng.`);
        continue;
      }
      total = (total ?? 0) + n;
    }
    if (total !== undefined) values[key] = Math.round(total * 1e6) / 1e6;
    const rowNotes = inputs.filter((i) => i.data.notes?.[key]).map((i) => `${i.source}: ${i.data.notes![key]}`);
    if (rowNotes.length) notes[key] = rowNotes.join("; ");
  }
  return { data: { template: template.id, templateVersion: template.version, info, values, notes, narrative: {} }, problems, notSummed };
}
