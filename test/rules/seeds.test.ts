/**
 * The checker against the seed reports: it must find each inconsistency of `<seed>.findings.md` that falls
 * under its rules (appendix arithmetic, types, codes) and nothing else. Prose-vs-appendix findings are out
 * of its reach (the narrative is free text) and are listed here as such.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseValuesFile } from "../../src/core/data";
import { checkReport } from "../../src/core/rules/engine";
import { buildLayoutPlan } from "../../src/core/layout/plan";
import { snapshotToReportData } from "../../src/core/snapshot";
import { planToXlsxBuffer } from "../../src/xlsx/write";
import { readXlsxSnapshot } from "../../src/xlsx/read";

const DIR = join(__dirname, "../fixtures/seeds");

/** Per seed: [rule id, cells] of every finding expected, in the checker's order. */
const EXPECTED: Record<string, [string, string[]][]> = {
  "000-thanh-giang": [
    ["ratio:bm1:2", ["bm1:2", "bm1:2.2", "bm1:2.1"]], // 91,66 vs 33/36 = 91,666…
    ["type:bm5:4.3", ["bm5:4.3"]], // "01(CTHND)"
    ["ratio:bm7:6.7", ["bm7:6.7", "bm7:6.7.2", "bm7:6.7.1"]], // 97,76 vs 3.810/3.978 = 95,78
    // The staff paragraphs quote a form's numerator with another share (warnings, after the errors):
    ["prose:I#1", ["bm1:2"]], // "33 nhiệm vụ … đạt 91,66%" vs 33/36 = 91,67
    ["prose:II.2#1", ["bm7:6.7"]], // "trực tuyến 3.810 hồ sơ đạt 99,8%" vs 3.810/3.978 = 95,78
    // Not ours: the prose's 0,2 % (163 is on no form), the 1 tỷ đồng of II.5 vs bm6:1.2 = 0, the dates of I.5 and II.1.
  ],
  "002-binh-yen": [
    // "-" in a count cell. Not ours: pl:3.2.4.b vs the prose's 348 (prose).
    ["type:pl:2.2", ["pl:2.2"]],
  ],
  "003-cat-thanh": [
    ["ratio:th:III.3.1", ["th:III.3.1", "th:III.3.1.2", "th:III.3.1.1"]],
    ["sum:th:V.2.3.1", ["th:V.2.3.1", "th:V.2.1.2", "th:V.2.2.2"]],
    ["ratio:th:V.2.4", ["th:V.2.4", "th:V.2.4.2", "th:V.2.4.1"]],
    ["ratio:th:V.2.5", ["th:V.2.5", "th:V.2.5.2", "th:V.2.5.1"]],
    // Not ours: V.2.1.2 = 88 and V.2.1.3 = 9 vs the prose's 11/91; the prose's "100%" of III.3.1; prose sums.
  ],
  "004-quang-phu": [
    ["ratio:pl4:3.2", ["pl4:3.2", "pl4:3.2.2", "pl4:3.2.1"]], // 99,7 vs 1.142/1.144 = 99,825…
    ["code:pl8:1", ["pl8:1"]], // "Chưa rõ"
    ["code:pl8:2", ["pl8:2"]], // 3, outside 0–2
    ["sum:pl8:6.3.1", ["pl8:6.3.1", "pl8:6.1.2", "pl8:6.2.2"]], // 130 vs 70 + 63
    // Not ours: pl2:5.3/5.4 vs the prose's 04 overdue, pl2:2.1 = 19 vs the prose's 30.
  ],
};

const seeds = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".values.json")).map((f) => f.replace(/\.values\.json$/, "")) : [];

/** Keys quoted in the sections of a findings.md whose heading starts with one of `headings`. */
function quotedKeys(md: string, headings: string[]): Set<string> {
  const keys = new Set<string>();
  for (const section of md.split(/\n(?=## )/)) {
    if (!headings.some((h) => section.startsWith(`## ${h}`))) continue;
    for (const m of section.matchAll(/`([a-z][a-z0-9]*:[A-Za-z0-9.]+)`/g)) keys.add(m[1]);
  }
  return keys;
}

// The findings.md files word their headings in two ways.
const FINDINGS = ["Findings", "In the appendix tables"];
const CONSISTENT = ["Checked and consistent", "Remarks"];

it("every seed values file has its expectations here", () => {
  expect(seeds.length).toBeGreaterThan(0);
  expect(seeds.filter((s) => !EXPECTED[s])).toEqual([]);
});

describe.each(Object.keys(EXPECTED))("seed %s", (seed) => {
  const parse = () => {
    const parsed = parseValuesFile(readFileSync(join(DIR, `${seed}.values.json`), "utf8"));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    return parsed;
  };
  const load = () => {
    const { template, data } = parse();
    return checkReport(template, data);
  };

  it("finds exactly the listed inconsistencies", () => {
    expect(load().map((f) => [f.rule, f.cells])).toEqual(EXPECTED[seed]);
  });

  it("agrees with findings.md: each finding's row is listed as a finding, none as consistent", () => {
    const md = readFileSync(join(DIR, `${seed}.findings.md`), "utf8");
    const listed = quotedKeys(md, FINDINGS);
    const consistent = quotedKeys(md, CONSISTENT);
    expect(listed.size).toBeGreaterThan(0);
    for (const f of load()) {
      expect(listed).toContain(f.cells[0]);
      expect(consistent).not.toContain(f.cells[0]);
    }
  });

  it("laid out as a workbook and read back: formulas intact, ratios recomputed, the other findings kept", async () => {
    const { template, data } = parse();
    const snapshot = await readXlsxSnapshot(await planToXlsxBuffer(buildLayoutPlan(template, data)));
    const findings = checkReport(template, snapshotToReportData(template, snapshot), snapshot);
    expect(findings.map((f) => [f.rule, f.cells])).toEqual(EXPECTED[seed].filter(([id]) => !id.startsWith("ratio:")));
  });
});
