/**
 * Word export speed: filled report data → .docx bytes (model, docx tree, zip), median of 7 runs per
 * template. Uses the seed values files (test/fixtures/seeds/*.values.json) for the templates they fill,
 * and the inline Word test fixture when none is there yet. Prints nothing: the runner reports.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportData, TemplateDef } from "../../src/core/catalog/types";
import { documentModel } from "../../src/core/report/narrative";
import { buildReportDocx, packReport } from "../../src/word/build";
import { DATA, T } from "../word/fixture";

const ROOT = join(__dirname, "../..");
const RUNS = 7;

const readJson = <X>(path: string): X => JSON.parse(readFileSync(path, "utf8")) as X;
const jsonFiles = (dir: string, suffix: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => join(dir, f)) : []);

/** One filled data set per template: the first seed values file that uses it. */
function cases(): { template: TemplateDef; data: ReportData }[] {
  const templates = new Map(jsonFiles(join(ROOT, "src/core/catalog/templates"), ".json").map((f) => readJson<TemplateDef>(f)).map((t) => [t.id, t]));
  const out = new Map<string, { template: TemplateDef; data: ReportData }>();
  for (const file of jsonFiles(join(ROOT, "test/fixtures/seeds"), ".values.json")) {
    const data = readJson<ReportData>(file);
    const template = templates.get(data.template);
    if (template && !out.has(template.id)) out.set(template.id, { template, data });
  }
  return out.size ? [...out.values()] : [{ template: T, data: DATA }];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchWord(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const { template, data } of cases()) {
    const once = async () => packReport(buildReportDocx(documentModel(template, data)));
    const bytes = await once(); // warm-up: module init and JIT are not the user's wait
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await once();
      times.push(performance.now() - t0);
    }
    figures[`${template.id}MedianMs`] = Math.round(median(times) * 10) / 10;
    figures[`${template.id}DocxKB`] = Math.round(bytes.length / 102.4) / 10;
  }
  return figures;
}

export default benchWord;
