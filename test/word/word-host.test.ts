/**
 * The Mac route: inside Word, the pane builds the report from the workbook file and opens it with
 * Word.Application.createDocument(base64). There is no Word here; a recording Word.run stands in for it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { docxText } from "./docx-xml";
import { findTemplate } from "../../src/core/catalog";
import { buildLayoutPlan } from "../../src/core/layout/plan";
import { planToXlsxBuffer } from "../../src/xlsx/write";
import { openReportInWord, reportFromWorkbook } from "../../src/taskpane/word-document";
import { checkManifest } from "../manifest/manifest-check";
import { seedData } from "../support/fill";

const root = join(__dirname, "../..");

async function workbook(templateId: string, patch: Record<string, number | string> = {}) {
  const data = seedData(templateId);
  Object.assign(data.values, patch);
  const buf = await planToXlsxBuffer(buildLayoutPlan(findTemplate(templateId)!, data));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

describe("the Word twin of the add-in", () => {
  const opened: string[] = [];
  beforeAll(() => {
    (globalThis as Record<string, unknown>).Word = {
      run: async (fn: (ctx: unknown) => Promise<void>) =>
        fn({ application: { createDocument: (b64: string) => ({ open: () => opened.push(b64) }) }, sync: async () => undefined }),
    };
  });

  it("has a valid manifest of its own for the Word host (WordApi 1.3)", () => {
    const xml = readFileSync(join(root, "src/word-host/manifest.xml"), "utf8");
    expect(checkManifest(xml, root)).toEqual([]);
    expect(xml).toMatch(/<Host Name="Document"\/>/);
    expect(xml).toMatch(/<Set Name="WordApi" MinVersion="1.3"\/>/);
  });

  it("refuses a final report while the workbook has errors, and opens a draft", async () => {
    const xlsx = await workbook("bieu-mau-1-7"); // seed 000 keeps its text "01(CTHND)" in a count cell
    const final = await reportFromWorkbook(xlsx, false);
    expect(final.docx).toBeUndefined();
    expect(final.errors.map((f) => f.rule)).toContain("type:bm5:4.3");
    const r = await openReportInWord(xlsx, true);
    expect(r.opened).toBe(true);
    const xml = await docxText(opened[opened.length - 1]);
    expect(["THANH GIANG", "3.978", "DỰ THẢO"].filter((t) => !xml.includes(t))).toEqual([]);
  });

  it("opens the final report of a clean workbook in Word", async () => {
    const r = await openReportInWord(await workbook("bieu-mau-1-7", { "bm5:4.3": 1 }), false);
    expect(r).toMatchObject({ opened: true, errors: [] });
    const xml = await docxText(opened[opened.length - 1]);
    expect(xml.includes("THANH GIANG")).toBe(true);
    expect(xml.includes("DỰ THẢO")).toBe(false);
  });

  it("says plainly when the file is not a CCHC workbook", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(reportFromWorkbook(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, true)).rejects.toThrow(/không phải sổ làm việc do Báo cáo CCHC lập/);
  });
});
