/** Deterministic synthetic data that fills every input of a template (parts never exceed wholes is not promised). */
import type { ReportData, TemplateDef } from "../../src/core/catalog/types";
import { valueRows } from "../../src/core/catalog";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function syntheticData(template: TemplateDef, seed = 7): ReportData {
  let x = seed;
  const next = () => (x = (x * 48271) % 2147483647);
  const values: ReportData["values"] = {};
  for (const { key, row } of valueRows(template)) {
    if (row.ratio) continue;
    if (row.kind === "count") values[key] = next() % 5000;
    else if (row.kind === "money") values[key] = (next() % 100000) / 100;
    else if (row.kind === "ratio") values[key] = (next() % 10000) / 100;
    else if (row.kind === "code") values[key] = row.codes![next() % row.codes!.length].value;
    else values[key] = `Ghi nội dung ${key}`;
  }
  return { template: template.id, info: { unitName: "Thử Nghiệm", period: "Q1", year: 2024 }, values };
}

export const SEED_VALUES: Record<string, string> = {
  "bieu-mau-1-7": "000-thanh-giang",
  "phu-luc-2-8": "004-quang-phu",
  "phu-luc-ii": "002-binh-yen",
  "bieu-tong-hop-i-v": "003-cat-thanh",
};

export function seedData(templateId: string): ReportData {
  return JSON.parse(readFileSync(join(__dirname, `../fixtures/seeds/${SEED_VALUES[templateId]}.values.json`), "utf8"));
}
