/** The built-in template catalog and the helpers everything else uses to walk it. */
import type { FormDef, RowDef, TemplateDef } from "./types";
import bieuMau17 from "./templates/bieu-mau-1-7.json";
import phuLuc28 from "./templates/phu-luc-2-8.json";
import phuLucII from "./templates/phu-luc-ii.json";
import bieuTongHopIV from "./templates/bieu-tong-hop-i-v.json";

export * from "./types";

export const BUILTIN_TEMPLATES: readonly TemplateDef[] = [
  bieuMau17 as TemplateDef,
  phuLuc28 as TemplateDef,
  phuLucII as TemplateDef,
  bieuTongHopIV as TemplateDef,
];

export function rowKey(form: FormDef, row: RowDef): string {
  return `${form.id}:${row.code}`;
}

export interface CatalogRow {
  key: string;
  form: FormDef;
  row: RowDef;
}

/** Every row of a template in print order, with its key. */
export function templateRows(template: TemplateDef): CatalogRow[] {
  return template.forms.flatMap((form) => form.rows.map((row) => ({ key: rowKey(form, row), form, row })));
}

/** Rows that have a value cell (everything but section headers). */
export function valueRows(template: TemplateDef): CatalogRow[] {
  return templateRows(template).filter((r) => r.row.kind !== "section");
}

export function rowIndex(template: TemplateDef): Map<string, CatalogRow> {
  return new Map(templateRows(template).map((r) => [r.key, r]));
}

/** Looks a template up among the built-ins and any imported ones. */
export function findTemplate(id: string, extra: readonly TemplateDef[] = []): TemplateDef | undefined {
  return [...extra, ...BUILTIN_TEMPLATES].find((t) => t.id === id);
}

/** Compares semantic versions "1.2.0" < "1.10.0". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
