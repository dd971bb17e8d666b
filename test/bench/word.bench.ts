/**
 * Word export speed: filled report data → .docx bytes (model, docx tree, zip), median of 7 runs per
 * template, on the seed values files (test/fixtures/seeds/*.values.json). Prints nothing: the runner reports.
 */
import { BUILTIN_TEMPLATES } from "../../src/core/catalog";
import { documentModel } from "../../src/core/report/narrative";
import { buildReportDocx, packReport } from "../../src/word/build";
import { seedData } from "../support/fill";

const RUNS = 7;

/** Every built-in template with its seed's values. */
const cases = () => BUILTIN_TEMPLATES.map((template) => ({ template, data: seedData(template.id) }));

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
