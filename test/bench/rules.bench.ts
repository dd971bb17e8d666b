/**
 * Rule engine timings: a full check of each built-in template with its seed values (median of 50),
 * and 500 filled values files parsed and checked one after another (what `cchc check` does per file, minus disk).
 */
import { performance } from "node:perf_hooks";
import { BUILTIN_TEMPLATES } from "../../src/core/catalog";
import { parseValuesFile } from "../../src/core/data";
import { checkReport } from "../../src/core/rules/engine";
import { seedData, syntheticData } from "../support/fill";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export async function benchRules(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const template of BUILTIN_TEMPLATES) {
    const data = seedData(template.id);
    checkReport(template, data); // warm-up: rules are derived once per template
    const runs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      checkReport(template, data);
      runs.push(performance.now() - t0);
    }
    figures[`seedCheckMedianMs.${template.id}`] = round(median(runs));
  }
  // Values files with every row filled, as communes would send them (parsing is part of the cost).
  const files = Array.from({ length: 500 }, (_, i) => JSON.stringify(syntheticData(BUILTIN_TEMPLATES[i % BUILTIN_TEMPLATES.length], i + 1)));
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
