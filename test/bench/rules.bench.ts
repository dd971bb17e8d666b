/**
 * Rule engine timings: a full check of each built-in template with its seed values (median of 50),
 * and 500 filled values files parsed and checked one after another (what `cchc check` does per file, minus disk).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { BUILTIN_TEMPLATES, valueRows, type ReportData, type TemplateDef } from "../../src/core/catalog";
import { parseValuesFile } from "../../src/core/data";
import { checkReport } from "../../src/core/rules/engine";

const SEEDS = join(__dirname, "../fixtures/seeds");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function seedValues(): Map<string, ReportData> {
  const byTemplate = new Map<string, ReportData>();
  if (!existsSync(SEEDS)) return byTemplate;
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith(".values.json")).sort()) {
    const parsed = parseValuesFile(readFileSync(join(SEEDS, f), "utf8"));
    if (parsed.ok && !byTemplate.has(parsed.template.id)) byTemplate.set(parsed.template.id, parsed.data);
  }
  return byTemplate;
}

/** A values file with every row filled (deterministic pseudo-random counts), as a commune would send it. */
function filledValuesText(template: TemplateDef, seed: number): string {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 1000) + 1;
  const values: ReportData["values"] = {};
  for (const { key, row } of valueRows(template)) {
    if (row.kind === "count") values[key] = next();
    else if (row.kind === "money") values[key] = next() / 4;
    else if (row.kind === "code") values[key] = row.codes?.[next() % row.codes.length].value ?? 0;
    else if (row.kind === "ratio" && !row.ratio) values[key] = next() / 10;
    else if (row.kind === "text") values[key] = "Ghi chú";
  }
  return JSON.stringify({ template: template.id, info: {}, values });
}

export async function benchRules(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const seeds = seedValues();
  for (const template of BUILTIN_TEMPLATES) {
    const data = seeds.get(template.id);
    if (!data) continue;
    checkReport(template, data); // warm-up: rules are derived once per template
    const runs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      checkReport(template, data);
      runs.push(performance.now() - t0);
    }
    figures[`seedCheckMedianMs.${template.id}`] = round(median(runs));
  }
  const files = Array.from({ length: 500 }, (_, i) => filledValuesText(BUILTIN_TEMPLATES[i % BUILTIN_TEMPLATES.length], i + 1));
  let findings = 0;
  const t0 = performance.now();
  for (const text of files) {
    const parsed = parseValuesFile(text);
    if (parsed.ok) findings += checkReport(parsed.template, parsed.data).length;
  }
  figures["check500FilesTotalMs"] = round(performance.now() - t0);
  figures["check500FilesFindings"] = findings;
  return figures;
}

export default benchRules;
