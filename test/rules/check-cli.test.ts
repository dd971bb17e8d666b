import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cmdCheck } from "../../src/cli/check";
import { UsageError } from "../../src/cli/input";
import { buildLayoutPlan } from "../../src/core/layout/plan";
import { planToXlsxBuffer } from "../../src/xlsx/write";
import { T, data } from "./fixture";

const dir = mkdtempSync(join(tmpdir(), "cchc-check-"));
const templateFile = join(dir, "template.json");
writeFileSync(templateFile, JSON.stringify(T));

function valuesFile(name: string, values: Record<string, number | string | null>): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ template: T.id, info: {}, values }));
  return file;
}

async function run(file: string, json = false): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
  try {
    const code = await cmdCheck(file, { json, templateFiles: [templateFile] });
    return { code, out: lines.join("\n") };
  } finally {
    spy.mockRestore();
  }
}

describe("cchc check", () => {
  const bad = { "bm1:1.1": "01(CTHND)", "bm7:8": 0, "bm7:6": 1144, "bm7:6.1": 1142, "bm7:6.2": 2, "bm7:6.7": 99.7 };

  it("prints exactly {findings:[{rule,severity,message,cells,values}]} with --json and exits 1 on errors", async () => {
    const { code, out } = await run(valuesFile("bad.json", bad), true);
    expect(code).toBe(1);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(["findings"]);
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toEqual(["type:bm1:1.1", "ratio:bm7:6.7", "requires:bm7:6.1->bm7:8"]);
    for (const f of parsed.findings) expect(Object.keys(f)).toEqual(["rule", "severity", "message", "cells", "values"]);
  });

  it("prints a Vietnamese list grouped by form with the counts at the end", async () => {
    const { code, out } = await run(valuesFile("bad2.json", bad));
    expect(code).toBe(1);
    const lines = out.split("\n");
    const bm1 = lines.indexOf("Biểu mẫu 1 — Công tác chỉ đạo điều hành CCHC");
    const bm7 = lines.indexOf("Biểu mẫu 7 — Chính quyền điện tử");
    expect(bm1).toBeGreaterThan(0);
    expect(bm7).toBeGreaterThan(bm1);
    expect(lines[bm1 + 1]).toMatch(/^ {2}Lỗi: Biểu mẫu 1, dòng 1.1/);
    expect(lines[bm7 + 1]).toMatch(/^ {2}Lỗi: Biểu mẫu 7, dòng 6.7/);
    expect(lines[bm7 + 2]).toMatch(/^ {2}Cảnh báo: Biểu mẫu 7, dòng 8 /);
    expect(lines[lines.length - 1]).toBe("2 lỗi, 1 cảnh báo");
  });

  it("exits 0 with only warnings, and on clean data", async () => {
    expect((await run(valuesFile("warn.json", { "bm7:6.1": 2, "bm7:8": 0 }))).code).toBe(0);
    const clean = await run(valuesFile("clean.json", { "bm7:6": 10, "bm7:6.1": 4, "bm7:6.2": 6 }));
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/0 lỗi, 0 cảnh báo$/);
  });

  it("lets unusable input through as UsageError (exit 2 in main)", async () => {
    await expect(cmdCheck(join(dir, "missing.json"), { templateFiles: [templateFile] })).rejects.toBeInstanceOf(UsageError);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{");
    await expect(cmdCheck(broken, { templateFiles: [templateFile] })).rejects.toBeInstanceOf(UsageError);
  });

  it("checks a workbook laid out by `cchc new` after staff typed over a ratio formula", async () => {
    const values = { "bm7:6": 3978, "bm7:6.1": 3810, "bm7:6.2": 168 };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsxBuffer(buildLayoutPlan(T, data(values)))) as unknown as ArrayBuffer);
    wb.getWorksheet("BM7 Điện tử")!.getCell("D11").value = 95.8;
    const file = join(dir, "typed-over.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, out } = await run(file, true);
    expect(code).toBe(1);
    const { findings } = JSON.parse(out);
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(["formula:bm7:6.7"]);
    expect(findings[0].message).toContain("công thức bị ghi đè bằng số 95,8");
    expect(findings[0].message).toContain("'BM7 Điện tử'!D11");
  });
});
