import ExcelJS from "exceljs";
import JSZip from "jszip";
import { findTemplate, valueRows } from "../../src/core/catalog";
import type { ReportData } from "../../src/core/catalog/types";
import { buildLayoutPlan } from "../../src/core/layout/plan";
import { nameForKey } from "../../src/core/layout/names";
import { snapshotToReportData } from "../../src/core/snapshot";
import { planToXlsxBuffer } from "../../src/xlsx/write";
import { readXlsxSnapshot } from "../../src/xlsx/read";
import { seedData } from "../support/fill";

const t = findTemplate("bieu-mau-1-7")!;

describe(".xlsx written from the plan", () => {
  let buffer: Buffer;
  let data: ReportData;
  beforeAll(async () => {
    data = seedData("bieu-mau-1-7");
    data.sentences = { "bm7:6.7": "Tỷ lệ hồ sơ trực tuyến đạt cao.", "bm1:1": null };
    buffer = await planToXlsxBuffer(buildLayoutPlan(t, data));
  });

  it("reads back every entered value, note, narrative text, sentence edit and the info by key", async () => {
    const back = snapshotToReportData(t, await readXlsxSnapshot(buffer));
    const ratioKeys = new Set(valueRows(t).filter((r) => r.row.ratio).map((r) => r.key));
    const typed = Object.fromEntries(Object.entries(data.values).filter(([k]) => !ratioKeys.has(k)));
    expect(Object.fromEntries(Object.entries(back.values).filter(([k]) => !ratioKeys.has(k)))).toEqual(typed);
    expect(back.notes).toEqual(data.notes);
    expect(back.narrative).toEqual(data.narrative);
    expect(back.sentences).toEqual(data.sentences);
    expect(back.info).toMatchObject({ unitName: data.info.unitName, period: data.info.period, year: data.info.year, windowFrom: data.info.windowFrom, windowTo: data.info.windowTo, signerName: data.info.signerName, recipients: data.info.recipients });
    // Ratio rows read back as the formula's cached result, not the hand-typed figure.
    expect(back.values["bm7:6.7"]).toBe(95.78);
    expect(back.values["bm1:2"]).toBe(91.67);
  });

  it("holds workbook names, live formulas, validations, protection and print setup", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const names = wb.definedNames.model as { name: string; ranges: string[] }[];
    expect(names.find((n) => n.name === nameForKey("bm7:6.7.1"))!.ranges[0]).toMatch(/^'BM7 [^']+'!\$D\$\d+$/);
    const ws = wb.getWorksheet(t.forms[6].sheetName)!;
    const ratioRow = 7 + t.forms[6].rows.findIndex((r) => r.code === "6.7");
    expect((ws.getCell(`D${ratioRow}`).value as ExcelJS.CellFormulaValue).formula).toBe(
      "IF(OR(COUNT(CCHC_bm7_6_7_2)=0,COUNT(CCHC_bm7_6_7_1)=0,SUM(CCHC_bm7_6_7_1)=0),\"\",ROUND(SUM(CCHC_bm7_6_7_2)/SUM(CCHC_bm7_6_7_1)*100,2))",
    );
    // Excel's default is locked; only unlocked cells carry a protection entry.
    expect(ws.getCell(`D${ratioRow}`).protection?.locked ?? true).toBe(true);
    expect(ws.getCell(`D${ratioRow + 1}`).protection?.locked).toBe(false);
    expect(ws.getCell(`D${ratioRow + 1}`).dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", showErrorMessage: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:6" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    const zip = await JSZip.loadAsync(buffer);
    const sheetXml = await zip.file("xl/worksheets/sheet8.xml")!.async("string");
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml).not.toMatch(/<sheetProtection [^>]*(password|hashValue)=/);
    const codeRow = t.forms[6].rows.findIndex((r) => r.kind === "code");
    const listed = t.forms[6].rows[codeRow].codes!.map((c) => c.value).join(",");
    expect(ws.getCell(`D${7 + codeRow}`).dataValidation).toMatchObject({ type: "list", formulae: [`"${listed}"`] });
    expect(listed.split(",").sort()).toEqual(["0", "1"]);
    expect(wb.getWorksheet("CCHC_META")!.state).toBe("veryHidden");
  });

  it("refuses a workbook that the add-in did not lay out", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = 1;
    const snapshot = await readXlsxSnapshot(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(snapshot.templateId).toBeUndefined();
  });
});
