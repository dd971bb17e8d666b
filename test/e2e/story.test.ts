/**
 * The whole story a commune officer goes through, on the built pane over the fake Excel:
 * report info → lay out the forms → type the seed 000 (Thanh Giang 2023) figures → the checks flag
 * the real errors → click a finding to jump to its cell → fix → the errors clear → download the
 * Word report and read it back. One screenshot per step in test-artifacts/e2e/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import type { FakeExcel } from "../../src/harness/fake-excel";
import { nameForKey } from "../../src/core/layout/names";
import { ARTIFACTS, REPO } from "./support/paths";
import { centre, describeE2E, openPane, poll, screenshot, startHarness, type Harness, type PaneProblems } from "./support/harness";

interface Seed {
  template: string;
  info: { unitName: string; year: number; signerName: string; signerTitle: string };
  values: Record<string, number | string>;
}
const seed: Seed = JSON.parse(readFileSync(path.join(REPO, "test/fixtures/seeds/000-thanh-giang.values.json"), "utf8"));

type Where = { sheet: string; address: string };
/** What the page's fake Excel says about a cell. */
type CellInfo = Where & { value: unknown; formula?: string; locked: boolean };

describeE2E("Thanh Giang 2023: from report info to the Word report", () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  let problems: PaneProblems;
  const timings: Record<string, number> = {};
  let t0 = Date.now();
  const lap = (step: string) => {
    timings[step] = Date.now() - t0;
    t0 = Date.now();
  };

  /** name → sheet/address/value/formula of a seed row's value cell. */
  const cellOf = (key: string): Promise<CellInfo> =>
    page.evaluate((name) => {
      const fx = (window as unknown as { fakeExcel: FakeExcel }).fakeExcel;
      const at = fx.names()[name];
      if (!at || !at.sheet) throw new Error(`no workbook name ${name}`);
      const c = fx.cell(at.sheet, at.address);
      return { sheet: at.sheet, address: at.address, value: c.value, formula: c.formula, locked: c.format.locked };
    }, nameForKey(key));

  const typeInto = (key: string, value: string | number, paste = false): Promise<void> =>
    page.evaluate(
      async ({ name, value, paste }) => {
        const fx = (window as unknown as { fakeExcel: FakeExcel }).fakeExcel;
        const at = fx.names()[name];
        if (!at || !at.sheet) throw new Error(`no workbook name ${name}`);
        await fx.typeInto(at.sheet, at.address, value, { paste });
      },
      { name: nameForKey(key), value, paste },
    );

  const pane = () => page.locator("#pane");
  const findingsSection = () => pane().getByRole("region", { name: "Kết quả kiểm tra số liệu" });

  beforeAll(async () => {
    t0 = Date.now();
    h = await startHarness();
    ({ context, page, problems } = await openPane(h, { height: 1000 }));
    lap("open");
  });

  afterAll(async () => {
    console.log(`[e2e] story step timings (ms): ${JSON.stringify(timings)}`);
    await context?.close();
    await h?.close();
  });

  afterEach(() => {
    expect(problems.errors).toEqual([]);
  });

  test("1. report info", async () => {
    await pane().getByLabel("Tên đơn vị").fill(seed.info.unitName);
    await pane().getByLabel("Kỳ báo cáo").selectOption({ label: "Năm" });
    await pane().getByLabel("Năm", { exact: true }).fill(String(seed.info.year));
    await pane().getByLabel("Chức vụ người ký").fill(seed.info.signerTitle);
    await pane().getByLabel("Họ tên người ký").fill(seed.info.signerName);
    // The data window follows the period (Công văn 581: 15/12 of the year before – 14/12).
    await expect(pane().getByLabel("Khoảng thời gian lấy số liệu").inputValue()).resolves.toBe("15/12/2022 – 14/12/2023");
    await screenshot(page, "01-info");
    lap("info");
  });

  test("2. Tạo biểu mẫu lays out the sheets", async () => {
    await pane().getByRole("button", { name: "Tạo biểu mẫu" }).click();
    const done = pane().getByRole("status").filter({ hasText: "Đã tạo biểu mẫu" });
    await done.waitFor({ timeout: 30000 });
    const sheets = await page.evaluate(() => (window as unknown as { fakeExcel: FakeExcel }).fakeExcel.sheetNames());
    for (const expected of ["Thông tin", "BM1", "BM2", "BM3", "BM4", "BM5", "BM6", "BM7", "Thuyết minh"])
      expect(sheets.some((s) => s === expected || s.startsWith(`${expected} `))).toBe(true);
    // Every seed row has a named value cell.
    const names = await page.evaluate(() => Object.keys((window as unknown as { fakeExcel: FakeExcel }).fakeExcel.names()));
    for (const key of Object.keys(seed.values)) expect(names).toContain(nameForKey(key));
    await expect(pane().getByRole("button", { name: "Cập nhật biểu mẫu" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "02-forms-created");
    lap("layout");
  });

  test("3. type the seed figures (one through the grid, the text by paste)", async () => {
    // A real keyboard path first: the BM1 tab of the drawn workbook, then the input of bm1:1.
    const first = await cellOf("bm1:1");
    await page.locator("#tabs").getByRole("tab", { name: first.sheet }).click();
    const input = page.getByLabel(`${first.sheet}!${first.address}`, { exact: true });
    await input.click();
    await input.pressSequentially(String(seed.values["bm1:1"]));
    await input.press("Tab");
    expect(await poll(async () => (await cellOf("bm1:1")).value, (v) => v === seed.values["bm1:1"])).toBe(seed.values["bm1:1"]);

    // Typing the text into a number cell is refused by the validation, as in Excel …
    await expect(typeInto("bm5:4.3", "01(CTHND)")).rejects.toThrow(/validation refused/i);
    // … pasting gets it in, which is how it reaches real workbooks.
    await typeInto("bm5:4.3", "01(CTHND)", true);

    const skipped: string[] = [];
    for (const [key, value] of Object.entries(seed.values)) {
      if (key === "bm1:1" || key === "bm5:4.3") continue;
      const c = await cellOf(key);
      if (c.formula) {
        skipped.push(key); // a ratio: the layout's formula computes it
        continue;
      }
      expect(c.locked).toBe(false);
      await typeInto(key, value);
    }
    expect(skipped).toContain("bm7:6.7");
    expect((await cellOf("bm5:4.3")).value).toBe("01(CTHND)");
    expect((await cellOf("bm7:6.7.1")).value).toBe(3978);
    expect((await cellOf("bm7:6.7")).value).toBe(95.78); // recomputed, not the seed's 97,76

    // Someone unprotects BM7 (Review → Unprotect Sheet: no password) and pastes the old report's 97,76 over the formula.
    const ratio = await cellOf("bm7:6.7");
    await page.evaluate(
      async ({ sheet }) => {
        const fx = (window as unknown as { fakeExcel: FakeExcel }).fakeExcel;
        await fx.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).protection.unprotect();
          await ctx.sync();
        });
      },
      { sheet: ratio.sheet },
    );
    await typeInto("bm7:6.7", 97.76, true);
    const overwritten = await cellOf("bm7:6.7");
    expect(overwritten.formula).toBeUndefined();
    expect(overwritten.value).toBe(97.76);
    console.log(`[e2e] typed ${Object.keys(seed.values).length - skipped.length} seed values; ratios left to formulas: ${skipped.join(", ")}`);
    await page.locator("#tabs").getByRole("tab", { name: ratio.sheet }).click();
    await screenshot(page, "03-data-typed");
    lap("type");
  });

  test("4. the checks panel shows the real errors", async () => {
    // Staff edits re-run the checks after ~0.7 s on their own.
    const text = findingsSection().getByRole("button", { name: /ô số liệu ghi chữ "01\(CTHND\)"/ });
    const formula = findingsSection().getByRole("button", { name: /công thức bị ghi đè bằng số 97,76/ });
    await text.waitFor({ timeout: 15000 });
    await formula.waitFor({ timeout: 15000 });
    await expect(formula.textContent()).resolves.toMatch(/3\.810\/3\.978 = 95,78%/);
    const counts = await findingsSection().getByRole("status").textContent();
    console.log(`[e2e] checks after typing: ${counts}; findings:\n  ${(await findingsSection().locator("li").allTextContents()).join("\n  ")}`);
    expect(counts).toMatch(/^[1-9]\d* lỗi/);
    // Step 4 refuses the official report while errors remain.
    await expect(pane().getByRole("button", { name: "Xuất báo cáo Word" }).isDisabled()).resolves.toBe(true);
    await centre(findingsSection());
    await screenshot(page, "04-checks-errors");
    lap("check");
  });

  test("5. clicking a finding selects its cell", async () => {
    const target = await cellOf("bm5:4.3");
    await findingsSection().getByRole("button", { name: /ô số liệu ghi chữ "01\(CTHND\)"/ }).click();
    const selected = () => page.evaluate(() => {
      const fx = (window as unknown as { fakeExcel: FakeExcel }).fakeExcel;
      return { active: fx.activeSheet(), selection: fx.selection() };
    });
    const want = { active: target.sheet, selection: { sheet: target.sheet, address: target.address } };
    expect(await poll(selected, (v) => JSON.stringify(v) === JSON.stringify(want))).toEqual(want);
    // The drawn grid follows: the BM5 tab is shown and the cell outlined.
    await expect(page.locator("#tabs [aria-selected=true]").textContent()).resolves.toBe(target.sheet);
    await expect(page.locator(`#grid td.selected[data-address="${target.address}"]`).count()).resolves.toBe(1);
    await centre(findingsSection());
    await screenshot(page, "05-finding-selected");

    const ratio = await cellOf("bm7:6.7");
    await findingsSection().getByRole("button", { name: /công thức bị ghi đè bằng số 97,76/ }).click();
    const wantRatio = { active: ratio.sheet, selection: { sheet: ratio.sheet, address: ratio.address } };
    expect(await poll(selected, (v) => JSON.stringify(v) === JSON.stringify(wantRatio))).toEqual(wantRatio);
    lap("select");
  });

  test("6. fix: a number in bm5:4.3, the formula back through Cập nhật biểu mẫu", async () => {
    await typeInto("bm5:4.3", 1);
    await pane().getByRole("button", { name: "Cập nhật biểu mẫu" }).click();
    await pane().getByRole("status").filter({ hasText: "Đã tạo biểu mẫu" }).filter({ hasText: "Đã giữ nguyên" }).waitFor({ timeout: 30000 });
    const ratio = await cellOf("bm7:6.7");
    expect(ratio.formula).toMatch(/^=.*CCHC_bm7_6_7_2.*CCHC_bm7_6_7_1/);
    expect(ratio.value).toBe(95.78);
    expect(ratio.locked).toBe(true);
    expect((await cellOf("bm5:4.3")).value).toBe(1);
    expect((await cellOf("bm7:6.7.1")).value).toBe(3978); // the typed data survived the re-layout
    // "Kiểm tra ngay" re-reads at once (the re-layout's own writes do not trigger a re-check).
    await pane().getByRole("button", { name: "Kiểm tra ngay" }).click();
    expect(await poll(() => findingsSection().getByRole("status").textContent(), (t) => /^0 lỗi/.test(t ?? ""), 15000)).toMatch(/^0 lỗi/);
    await expect(findingsSection().getByRole("button", { name: /01\(CTHND\)|97,76/ }).count()).resolves.toBe(0);
    console.log(`[e2e] checks after fixing: ${await findingsSection().getByRole("status").textContent()}; remaining:\n  ${(await findingsSection().locator("li").allTextContents()).join("\n  ")}`);
    await centre(findingsSection());
    await screenshot(page, "06-fixed");
    lap("fix");
  });

  test("7. Xuất báo cáo Word downloads a .docx with the typed figures", async () => {
    const button = pane().getByRole("button", { name: "Xuất báo cáo Word" });
    await expect(button.isEnabled()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), button.click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/\.docx$/);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, "report.docx");
    await download.saveAs(file);
    await pane().getByRole("status").filter({ hasText: "Đã tạo báo cáo Word" }).waitFor();

    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file("word/document.xml")!.async("string");
    // Text as Word shows it: the runs of each paragraph joined.
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
      .join("\n")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"');
    writeFileSync(path.join(ARTIFACTS, "report.txt"), text);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("THANH GIANG");
    expect(text).toContain(seed.info.signerName);
    expect(text).toContain("3.978"); // bm7:6.7.1, thousands with "."
    expect(text).toContain("3.810");
    expect(text).toContain("95,78"); // the recomputed ratio, decimals with ","
    expect(text).not.toContain("97,76");
    expect(text).not.toContain("DỰ THẢO");
    console.log(`[e2e] downloaded ${name} (${readFileSync(file).length} bytes)`);
    await centre(pane().getByRole("button", { name: "Xuất báo cáo Word" }));
    await screenshot(page, "07-exported");
    lap("export");
  });
});
