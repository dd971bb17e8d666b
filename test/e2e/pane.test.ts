/**
 * The pane's edges: an old Excel, Excel for Mac, a 320 px wide pane, accessible names and the keyboard.
 */
import type { Page } from "playwright-core";
import type { FakeExcel } from "../../src/harness/fake-excel";
import { centre, describeE2E, openPane, poll, screenshot, startHarness, type Harness } from "./support/harness";

/** Fills the unit name and lays the forms out, waiting for the success bar. */
async function layOut(page: Page): Promise<void> {
  const pane = page.locator("#pane");
  await pane.getByLabel("Tên đơn vị").fill("Thanh Giang");
  await pane.getByRole("button", { name: "Tạo biểu mẫu" }).click();
  await pane.getByRole("status").filter({ hasText: "Đã tạo biểu mẫu" }).waitFor({ timeout: 30000 });
}

/** The pane only, at `width` px: the drawn workbook hidden, #pane filling the viewport as Excel's task pane does. */
async function paneOnly(page: Page): Promise<void> {
  await page.addStyleTag({ content: "#workbook { display: none !important; } #pane { flex: 1 1 auto; width: auto !important; min-width: 0 !important; }" });
}

/** Elements inside #pane sticking out past its right edge (for a readable failure). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.getElementById("pane")!;
    const right = pane.getBoundingClientRect().left + pane.clientWidth;
    return [...pane.querySelectorAll<HTMLElement>("*")]
      .filter((e) => e.getBoundingClientRect().right > right + 0.5 && e.getClientRects().length)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).split(" ")[0] : ""} right=${Math.round(e.getBoundingClientRect().right)} "${(e.textContent ?? "").slice(0, 40)}"`)
      .slice(0, 10);
  });
}

describeE2E("task pane edges", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test("?excelApi=1.8: an old Excel is told the add-in is not supported", async () => {
    const { context, page, problems } = await openPane(h, { query: "?excelApi=1.8" });
    try {
      const bar = page.locator("#pane").locator(".fui-MessageBar").filter({ hasText: "chưa hỗ trợ" });
      await bar.waitFor();
      await expect(bar.textContent()).resolves.toMatch(/ExcelApi 1\.9/);
      await expect(page.locator("#pane").getByRole("button", { name: "Tạo biểu mẫu" }).count()).resolves.toBe(0);
      await screenshot(page, "pane-01-old-excel");
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("?platform=Mac: step 4 explains the Word route instead of download buttons", async () => {
    const { context, page, problems } = await openPane(h, { query: "?platform=Mac" });
    try {
      await layOut(page);
      const pane = page.locator("#pane");
      const mac = pane.locator(".fui-MessageBar").filter({ hasText: "Excel cho Mac không tải tệp từ ngăn add-in" });
      await mac.waitFor();
      await expect(mac.textContent()).resolves.toContain("Word");
      await expect(pane.getByRole("button", { name: "Xuất báo cáo Word" }).count()).resolves.toBe(0);
      await expect(pane.getByRole("button", { name: "Xuất bản dự thảo" }).count()).resolves.toBe(0);
      await centre(mac);
      await screenshot(page, "pane-02-mac");
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("320 px: no horizontal overflow, every control named", async () => {
    const { context, page, problems } = await openPane(h, { width: 320, height: 900 });
    try {
      await paneOnly(page);
      const pane = page.locator("#pane");
      const measure = () => page.evaluate(() => {
        const p = document.getElementById("pane")!;
        return { scrollWidth: p.scrollWidth, clientWidth: p.clientWidth, docScrollWidth: document.scrollingElement!.scrollWidth };
      });
      const before = await measure();
      await screenshot(page, "pane-03-320-info");
      expect({ ...before, overflowing: await overflowing(page) }).toEqual({ ...before, scrollWidth: before.clientWidth, overflowing: [] });
      expect(before.docScrollWidth).toBeLessThanOrEqual(320);

      // With the forms laid out and findings listed (a long message, badges, step 4's bars).
      await layOut(page);
      await page.evaluate(async () => {
        const fx = (window as unknown as { fakeExcel: FakeExcel }).fakeExcel;
        const at = fx.names()["CCHC_bm5_4_3"] as { sheet: string; address: string };
        await fx.typeInto(at.sheet, at.address, "01(CTHND)", { paste: true });
      });
      // (An edit within 0.8 s of the add-in's own layout writes is taken for one of them: check explicitly.)
      await pane.getByRole("button", { name: "Kiểm tra ngay" }).click();
      await pane.getByRole("button", { name: /01\(CTHND\)/ }).waitFor({ timeout: 15000 });
      await centre(pane.getByRole("button", { name: /01\(CTHND\)/ }));
      await screenshot(page, "pane-04-320-findings");
      const after = await measure();
      expect({ ...after, overflowing: await overflowing(page) }).toEqual({ ...after, scrollWidth: after.clientWidth, overflowing: [] });
      expect(after.docScrollWidth).toBeLessThanOrEqual(320);

      // Accessible names: every visible button, textbox and combobox in the pane has one.
      const unnamed: string[] = [];
      for (const role of ["button", "textbox", "combobox", "spinbutton"] as const) {
        const all = await pane.getByRole(role).count();
        const named = await pane.getByRole(role, { name: /\S/ }).count();
        if (role !== "spinbutton") expect(all).toBeGreaterThan(0);
        if (named !== all) unnamed.push(`${all - named} ${role}(s) without a name`);
      }
      if (unnamed.length) console.log(await pane.ariaSnapshot());
      expect(unnamed).toEqual([]);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("keyboard: Tab reaches the unit name and Tạo biểu mẫu; Enter lays the forms out", async () => {
    const { context, page, problems } = await openPane(h);
    try {
      const focused = () =>
        page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          const label = e?.id ? document.querySelector(`label[for="${e.id}"]`)?.textContent : undefined;
          return { tag: e?.tagName.toLowerCase(), text: (e?.textContent ?? "").trim(), label: label ?? e?.getAttribute("aria-label") ?? "" };
        });
      const tabUntil = async (ok: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) => {
        const seen: string[] = [];
        for (let i = 0; i < max; i++) {
          await page.keyboard.press("Tab");
          const f = await focused();
          seen.push(`${f.tag}:${f.label || f.text}`);
          if (ok(f)) return seen;
        }
        throw new Error(`Tab never got there; focus went through: ${seen.join(" → ")}`);
      };
      await tabUntil((f) => f.tag === "input" && /Tên đơn vị/.test(f.label));
      await page.keyboard.type("Thanh Giang");
      const path = await tabUntil((f) => f.tag === "button" && f.text === "Tạo biểu mẫu");
      console.log(`[e2e] Tab path from the unit name to Tạo biểu mẫu: ${path.join(" → ")}`);
      await screenshot(page, "pane-05-keyboard-focus");
      await page.keyboard.press("Enter");
      await page.locator("#pane").getByRole("status").filter({ hasText: "Đã tạo biểu mẫu" }).waitFor({ timeout: 30000 });
      const sheets = await page.evaluate(() => (window as unknown as { fakeExcel: FakeExcel }).fakeExcel.sheetNames());
      expect(sheets).toContain("Thông tin");
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  test("the highlight switch tints the failing cell on the sheet and removes the tint again", async () => {
    const { context, page, problems } = await openPane(h);
    try {
      await layOut(page);
      const pane = page.locator("#pane");
      await page.evaluate(async () => {
        const fake = (window as unknown as { fakeExcel: FakeExcel }).fakeExcel;
        const at = fake.names()["CCHC_bm5_4_3"] as { sheet: string; address: string };
        await fake.typeInto(at.sheet, at.address, "01(CTHND)", { paste: true });
      });
      await pane.getByRole("button", { name: "Kiểm tra ngay" }).click();
      await pane.getByText("1 lỗi", { exact: true }).waitFor();
      const tinted = () =>
        page.evaluate(() => (window as unknown as { fakeExcel: FakeExcel }).fakeExcel.model.sheets.flatMap((s) => s.conditionalFormats.map((cf) => `${s.name}!${cf.fill}`)));
      await pane.getByRole("switch", { name: "Tô màu các ô có vấn đề trên bảng tính" }).click();
      await expect(poll(tinted, (v) => v.length === 1)).resolves.toEqual([expect.stringMatching(/^BM5 .*!#F8D7DA$/)]);
      // Show the tinted cell's sheet in the drawn workbook for the screenshot.
      await page.getByRole("tab", { name: /^BM5 / }).click();
      await expect(page.locator("#grid td[style*='rgb(248, 215, 218)']").count()).resolves.toBe(1);
      await expect(pane.getByRole("switch", { name: "Tô màu các ô có vấn đề trên bảng tính" }).isChecked()).resolves.toBe(true);
      await screenshot(page, "pane-06-highlight");
      await pane.getByRole("switch", { name: "Tô màu các ô có vấn đề trên bảng tính" }).click();
      await expect(poll(tinted, (v) => v.length === 0)).resolves.toEqual([]);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  test("a half-typed year neither breaks the pane nor lays out forms", async () => {
    const { context, page, problems } = await openPane(h);
    try {
      const pane = page.locator("#pane");
      await pane.getByLabel("Tên đơn vị").fill("Thanh Giang");
      await pane.getByRole("spinbutton", { name: "Năm" }).fill("20");
      await pane.getByRole("button", { name: "Tạo biểu mẫu" }).click();
      await pane.locator(".fui-MessageBar").filter({ hasText: "Năm báo cáo chưa đúng" }).waitFor();
      await expect(page.evaluate(() => (window as unknown as { fakeExcel: FakeExcel }).fakeExcel.sheetNames())).resolves.toEqual(["Sheet1"]);
      await pane.getByRole("spinbutton", { name: "Năm" }).fill("2024");
      await expect(pane.getByLabel("Khoảng thời gian lấy số liệu").inputValue()).resolves.toBe("15/12/2023 – 14/12/2024");
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
