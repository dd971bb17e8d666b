/* global Excel */
/**
 * Reading the workbook through Office.js in ONE context.sync: every expected name is queued
 * (names.getItemOrNullObject → getRangeOrNullObject) with its note cell, plus the sheet list,
 * the name list (to spot #REF! names) and the meta block. Expected names come from the catalog,
 * so nothing needs a first round trip to discover addresses.
 */
import type { TemplateDef } from "../core/catalog/types";
import { valueRows } from "../core/catalog";
import { INFO_FIELDS } from "../core/info";
import { APP_ID, META_SHEET } from "../core/layout/plan";
import {
  infoName,
  nameForKey,
  narrativeName,
  noteName,
  parseSheetRef,
  sentenceTextName,
  sentenceUseName,
  NAME_PREFIX,
} from "../core/layout/names";
import { sentenceIds } from "../core/report/narrative";
import type { CellSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { CellValue } from "../core/compute";

interface Pending {
  kind: "value" | "note" | "info" | "narrative" | "use" | "sen";
  id: string;
  range: Excel.Range;
}

export interface QueuedSnapshot {
  /** Call after the one context.sync(). */
  result(): WorkbookSnapshot;
  /** Every name of ours the workbook has (after the sync). */
  ourNames(): string[];
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  return v as number | string;
}

/** Queues every read a snapshot needs for these templates (the workbook's recorded one and the target one). */
export function queueSnapshot(context: Excel.RequestContext, templates: TemplateDef[]): QueuedSnapshot {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const names = wb.names.load("items/name,items/formula,items/type");
  const meta = wb.worksheets.getItemOrNullObject(META_SHEET);
  const metaRange = meta.getRange("A1:B3").load("values");
  const pending: Pending[] = [];
  const queued = new Set<string>();
  const queue = (kind: Pending["kind"], id: string, name: string) => {
    if (queued.has(name)) return;
    queued.add(name);
    const range = wb.names.getItemOrNullObject(name).getRangeOrNullObject().load("values,formulas,address");
    pending.push({ kind, id, range });
  };
  for (const t of templates) {
    for (const { key } of valueRows(t)) {
      queue("value", key, nameForKey(key));
      queue("note", key, noteName(key));
    }
    for (const s of t.narrative) {
      queue("narrative", s.id, narrativeName(s.id));
      for (const id of sentenceIds(t, s)) {
        queue("use", id, sentenceUseName(id));
        queue("sen", id, sentenceTextName(id));
      }
    }
  }
  for (const f of INFO_FIELDS) queue("info", f.field, infoName(f.field));

  return {
    ourNames: () => names.items.map((n) => n.name).filter((n) => n.startsWith(NAME_PREFIX)),
    result(): WorkbookSnapshot {
      const snapshot: WorkbookSnapshot = {
        sheetNames: sheets.items.map((s) => s.name),
        values: {},
        notes: {},
        info: {},
        narrative: {},
        brokenNames: [],
      };
      // result() is only called after the caller's context.sync(); the rule cannot see across the closure.
      // eslint-disable-next-line office-addins/call-sync-before-read
      if (!meta.isNullObject && metaRange.values[0][1] === APP_ID) {
        snapshot.templateId = String(metaRange.values[1][1]);
        snapshot.templateVersion = String(metaRange.values[2][1]);
      }
      for (const n of names.items) if (n.name.startsWith(NAME_PREFIX) && /#REF!/.test(n.formula)) snapshot.brokenNames.push(n.name);
      for (const p of pending) {
        if (p.range.isNullObject) continue;
        const where = parseSheetRef(p.range.address);
        if (!where) continue;
        const formula = p.range.formulas[0][0];
        const cell: CellSnapshot = { ...where, value: cellValue(p.range.values[0][0]) };
        if (typeof formula === "string" && formula.startsWith("=")) cell.formula = formula;
        const text = cell.value === null ? "" : String(cell.value).trim();
        if (p.kind === "value") snapshot.values[p.id] = cell;
        else if (p.kind === "info") snapshot.info[p.id] = cell;
        else if (p.kind === "note" && text) snapshot.notes[p.id] = text;
        else if (p.kind === "narrative" && text) snapshot.narrative[p.id] = String(cell.value);
        else if (p.kind === "use" && text) (snapshot.sentenceUse ??= {})[p.id] = text;
        else if (p.kind === "sen" && text) (snapshot.sentenceText ??= {})[p.id] = text;
      }
      return snapshot;
    },
  };
}
