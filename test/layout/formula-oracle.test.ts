/**
 * The generated formulas evaluated by real engines — HyperFormula over the plan, LibreOffice over a
 * `cchc new` workbook — must equal the arithmetic of the inputs. The cached results the writer stores
 * are blanked first, so an engine that did not recalculate cannot pass.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HyperFormula } from "hyperformula";
import ExcelJS from "exceljs";
import { BUILTIN_TEMPLATES, findTemplate, valueRows } from "../../src/core/catalog";
import type { ReportData, TemplateDef } from "../../src/core/catalog/types";
import { buildLayoutPlan, type LayoutPlan } from "../../src/core/layout/plan";
import { nameForKey } from "../../src/core/layout/names";
import { planToXlsxBuffer } from "../../src/xlsx/write";
import { describeWithTool } from "../support/tools";
import { syntheticData } from "../support/fill";

/** Independent arithmetic: Σnum/Σden×100 to 2 decimals, via the decimal string (no shared code with the core). */
function expectedRatio(num: number[], den: number[]): number | "" {
  const d = den.reduce((a, b) => a + b, 0);
  if (!num.length || !den.length || d === 0) return "";
  return Number((Math.round(Number(((num.reduce((a, b) => a + b, 0) / d) * 100).toPrecision(15) + "e2")) / 100).toFixed(2));
}

function ratioExpectations(t: TemplateDef, data: ReportData): Map<string, number | ""> {
  const out = new Map<string, number | "">();
  const nums = (keys: string[]) => keys.map((k) => data.values[k]).filter((v): v is number => typeof v === "number");
  for (const { key, row } of valueRows(t)) if (row.ratio) out.set(key, expectedRatio(nums(row.ratio.num), nums(row.ratio.den)));
  return out;
}

const blankCachedResults = (plan: LayoutPlan) => {
  for (const s of plan.sheets) for (const c of s.cells) if (c.formula) c.value = null;
  return plan;
};

describe("HyperFormula evaluates the plan's formulas", () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s: every ratio equals the arithmetic of its inputs", (_, t) => {
    const data = syntheticData(t);
    const plan = buildLayoutPlan(t, data);
    const sheets: Record<string, (string | number | null)[][]> = {};
    for (const s of plan.sheets) {
      const grid: (string | number | null)[][] = [];
      for (const c of s.cells) {
        const m = /^([A-Z])(\d+)$/.exec(c.address)!;
        const r = Number(m[2]) - 1;
        const col = m[1].charCodeAt(0) - 65;
        grid[r] ??= [];
        grid[r][col] = c.formula ?? c.value ?? null;
      }
      sheets[s.name] = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
    }
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    for (const n of plan.names) hf.addNamedExpression(n.name, `='${n.sheet}'!$${n.address.replace(/(\d+)$/, "$$$1")}`);
    hf.rebuildAndRecalculate();
    const expected = ratioExpectations(t, data);
    expect(expected.size).toBeGreaterThan(0);
    for (const [key, want] of expected) {
      const n = plan.names.find((x) => x.name === nameForKey(key))!;
      const sheetId = hf.getSheetId(n.sheet)!;
      const addr = hf.simpleCellAddressFromString(n.address, sheetId)!;
      const got = hf.getCellValue(addr);
      expect([key, got]).toEqual([key, want]);
    }
  });

  it("gives 95,78 for 3.810 online of 3.978 received (bm7:6.7) and blank on a zero denominator", () => {
    const t = findTemplate("bieu-mau-1-7")!;
    const e = ratioExpectations(t, { template: t.id, info: {}, values: { "bm7:6.7.1": 3978, "bm7:6.7.2": 3810, "bm1:2.1": 0, "bm1:2.2": 0 } });
    expect(e.get("bm7:6.7")).toBe(95.78);
    expect(e.get("bm1:2")).toBe("");
  });
});

describeWithTool("soffice", "LibreOffice recalculates a `cchc new` workbook", () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s: ratios after recalculation equal the arithmetic", async (_, t) => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-lo-"));
    const data = syntheticData(t, 11);
    writeFileSync(join(dir, "in.xlsx"), await planToXlsxBuffer(blankCachedResults(buildLayoutPlan(t, data))));
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "out"), join(dir, "in.xlsx")], { stdio: "ignore", timeout: 120000 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "out/in.xlsx")) as unknown as ArrayBuffer);
    const names = new Map((wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges[0]]));
    for (const [key, want] of ratioExpectations(t, data)) {
      const ref = names.get(nameForKey(key))!;
      const [, sheet, address] = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref)!.concat();
      const cell = wb.getWorksheet(sheet)!.getCell(`${address}${/\d+$/.exec(ref)![0]}`);
      const v = cell.value as ExcelJS.CellFormulaValue;
      const got = v && typeof v === "object" && "result" in v ? (v.result ?? "") : v;
      expect([key, got]).toEqual([key, want]);
    }
  }, 180000);
});
