/**
 * The Mac route in a real browser: the pane running as the Word twin (?host=Word) takes a workbook file laid
 * out by `cchc new`, reads it with ExcelJS's browser build, and asks Word to open the report (recorded here).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docxText } from "../word/docx-xml";
import { findTemplate } from "../../src/core/catalog";
import { buildLayoutPlan } from "../../src/core/layout/plan";
import { planToXlsxBuffer } from "../../src/xlsx/write";
import { describeE2E, openPane, screenshot, startHarness, type Harness } from "./support/harness";
import { seedData } from "../support/fill";

async function workbookFile(patch: Record<string, number>): Promise<string> {
  const data = seedData("bieu-mau-1-7");
  Object.assign(data.values, patch);
  const file = join(mkdtempSync(join(tmpdir(), "cchc-twin-")), "BM-CCHC-Thanh-Giang.xlsx");
  writeFileSync(file, await planToXlsxBuffer(buildLayoutPlan(findTemplate("bieu-mau-1-7")!, data)));
  return file;
}

describeE2E("the Word twin (Mac route)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test("a workbook with errors is refused for the final report; the draft opens in Word", async () => {
    const { context, page, problems } = await openPane(h, { query: "?host=Word", width: 420 });
    try {
      await page.getByLabel("Tệp Excel báo cáo (.xlsx)").setInputFiles(await workbookFile({}));
      await page.getByRole("button", { name: "Mở báo cáo trong Word" }).click();
      await page.locator(".fui-MessageBar").filter({ hasText: "lỗi số liệu" }).waitFor({ timeout: 30000 });
      await expect(page.locator("main").textContent()).resolves.toMatch(/01\(CTHND\)/);
      await screenshot(page, "twin-01-errors");
      await page.getByRole("button", { name: "Mở bản dự thảo" }).click();
      await page.locator(".fui-MessageBar").filter({ hasText: "Đã mở bản dự thảo" }).waitFor({ timeout: 30000 });
      const opened = await page.evaluate(() => window.openedWordDocuments);
      expect(opened).toHaveLength(1);
      const xml = await docxText(opened[0]);
      expect(xml.includes("DỰ THẢO")).toBe(true);
      expect(xml.includes("3.978")).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a clean workbook opens as the final report", async () => {
    const { context, page, problems } = await openPane(h, { query: "?host=Word", width: 420 });
    try {
      await page.getByLabel("Tệp Excel báo cáo (.xlsx)").setInputFiles(await workbookFile({ "bm5:4.3": 1 }));
      await page.getByRole("button", { name: "Mở báo cáo trong Word" }).click();
      await page.locator(".fui-MessageBar").filter({ hasText: "Đã mở báo cáo" }).waitFor({ timeout: 30000 });
      await screenshot(page, "twin-02-opened");
      const opened = await page.evaluate(() => window.openedWordDocuments);
      const xml = await docxText(opened[0]);
      expect(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "95,78"].filter((t) => !xml.includes(t))).toEqual([]);
      expect(xml.includes("DỰ THẢO")).toBe(false);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("an old Word is told plainly", async () => {
    const { context, page } = await openPane(h, { query: "?host=Word&wordApi=1.2" });
    try {
      await page.locator(".fui-MessageBar").filter({ hasText: "Phiên bản Word này chưa hỗ trợ" }).waitFor();
    } finally {
      await context.close();
    }
  });
});
