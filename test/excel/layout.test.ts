/**
 * The Office.js adapter (src/excel) against the in-memory fake: layout of every built-in template in
 * at most two syncs, data kept across re-layouts, template upgrades, renamed sheets, and the one-sync read.
 */
import { BUILTIN_TEMPLATES, valueRows, type CatalogRow } from "../../src/core/catalog";
import type { TemplateDef } from "../../src/core/catalog/types";
import { computeRatio, type CellValue } from "../../src/core/compute";
import { ratioFormula } from "../../src/core/layout/formulas";
import { infoName, nameForKey, narrativeName, noteName, NAME_PREFIX } from "../../src/core/layout/names";
import { FORM_HEADER_ROWS, INFO_SHEET, LEGACY_SHEET, META_SHEET, NARRATIVE_SHEET } from "../../src/core/layout/plan";
import { layoutWorkbook } from "../../src/excel/layout";
import { queueSnapshot } from "../../src/excel/read";
import { createFakeExcel, type FakeExcel } from "../../src/harness/fake-excel";

/** Where a workbook name points. */
function target(fake: FakeExcel, name: string): { sheet: string; address: string } {
  const t = fake.names()[name];
  if (!t || t.sheet === null) throw new Error(`name ${name} is missing or broken`);
  return t as { sheet: string; address: string };
}

function cellOf(fake: FakeExcel, name: string) {
  const t = target(fake, name);
  return fake.cell(t.sheet, t.address);
}

/** Types into the cell a name points to (pasting skips validation, as a paste does in Excel). */
async function typeAt(fake: FakeExcel, name: string, value: string | number, paste = false): Promise<void> {
  const t = target(fake, name);
  await fake.typeInto(t.sheet, t.address, value, { paste });
}

async function laidOut(template: TemplateDef): Promise<FakeExcel> {
  const fake = createFakeExcel();
  await fake.run((ctx) => layoutWorkbook(ctx, template));
  return fake;
}

/** A value that a row's validation accepts. */
function sampleFor({ row }: CatalogRow, i: number): string | number {
  switch (row.kind) {
    case "code":
      return row.codes![row.codes!.length - 1].value;
    case "text":
      return `Nội dung ${i}`;
    case "ratio":
      return 40 + (i % 50);
    case "money":
      return 12.5 + i;
    default:
      return 3 + i;
  }
}

const inputRows = (t: TemplateDef) => valueRows(t).filter((r) => !r.row.ratio);
const ratioRows = (t: TemplateDef) => valueRows(t).filter((r) => r.row.ratio);

/** The built-in template with the most ratio and code rows drives the data tests. */
const RICH = [...BUILTIN_TEMPLATES].sort(
  (a, b) => ratioRows(b).length + valueRows(b).filter((r) => r.row.kind === "code").length - (ratioRows(a).length + valueRows(a).filter((r) => r.row.kind === "code").length),
)[0];

describe("built-in templates are present", () => {
  it("has templates to lay out", () => {
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThan(0);
  });
});

describe.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("layoutWorkbook on an empty workbook: %s", (_, template) => {
  let fake: FakeExcel;
  let syncs: number;
  beforeAll(async () => {
    fake = createFakeExcel();
    syncs = (await fake.run((ctx) => layoutWorkbook(ctx, template))).syncs;
  });

  it("costs at most 2 syncs", () => {
    expect(syncs).toBeLessThanOrEqual(2);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
  });

  it("creates Thông tin, one sheet per form, Thuyết minh and the very hidden meta sheet, in order", () => {
    const expected = [INFO_SHEET, ...template.forms.map((f) => f.sheetName), NARRATIVE_SHEET, META_SHEET];
    expect(fake.sheetNames().slice(0, expected.length)).toEqual(expected);
    expect(fake.sheetNames().slice(expected.length)).toEqual(["Sheet1"]); // the new workbook's own sheet is left alone
    expect(fake.sheet(META_SHEET).visibility).toBe("VeryHidden");
    expect(fake.cell(META_SHEET, "B2").value).toBe(template.id);
    expect(fake.cell(META_SHEET, "B3").value).toBe(template.version);
    expect(fake.activeSheet()).toBe(template.forms[0].sheetName);
  });

  it("names every value row's cell and its note cell on its form sheet", () => {
    const names = fake.names();
    for (const { key, form } of valueRows(template)) {
      const v = names[nameForKey(key)];
      const n = names[noteName(key)];
      expect(v?.sheet).toBe(form.sheetName);
      expect(n?.sheet).toBe(form.sheetName);
      expect(n?.address).toBe(v?.address.replace(/^D/, "E"));
    }
    const valueNames = Object.keys(names).filter((n) => n.startsWith(NAME_PREFIX) && !/^CCHC_(note|info|nar|use|sen)_/.test(n));
    expect(valueNames).toHaveLength(valueRows(template).length);
  });

  it("leaves input cells unlocked and formula, label and header cells locked on protected form sheets", () => {
    for (const form of template.forms) {
      const s = fake.sheet(form.sheetName);
      expect(s.protected).toBe(true);
      expect(fake.cell(form.sheetName, "B5").format.locked).toBe(true);
    }
    for (const r of valueRows(template)) {
      const c = cellOf(fake, nameForKey(r.key));
      expect(c.format.locked).toBe(!!r.row.ratio);
      expect(cellOf(fake, noteName(r.key)).format.locked).toBe(false);
      const t = target(fake, nameForKey(r.key));
      expect(fake.cell(t.sheet, t.address.replace(/^D/, "B")).value).toBe(r.row.label);
      expect(fake.cell(t.sheet, t.address.replace(/^D/, "B")).format.locked).toBe(true);
    }
  });

  it("writes a live ratio formula on every ratio row, which computes from typed seeds", async () => {
    for (const r of ratioRows(template)) {
      const c = cellOf(fake, nameForKey(r.key));
      expect(c.formula).toBe(ratioFormula(r.row.ratio!));
      expect(c.value).toBe("");
    }
    const first = ratioRows(template)[0];
    if (!first) return;
    const typed: Record<string, CellValue> = {};
    const seedKeys = [...new Set([...first.row.ratio!.num, ...first.row.ratio!.den])];
    const formulaKeys = new Set(ratioRows(template).map((r) => r.key));
    for (const [i, k] of seedKeys.entries()) {
      if (formulaKeys.has(k)) continue;
      const v = first.row.ratio!.den.includes(k) ? 20 + i * 7 : 3 + i * 2;
      await typeAt(fake, nameForKey(k), v);
      typed[k] = v;
    }
    const expected = computeRatio(first.row.ratio!, (k) => (formulaKeys.has(k) ? (fake.valueOfName(nameForKey(k)) as CellValue) : typed[k]));
    expect(expected).toBeDefined();
    expect(fake.valueOfName(nameForKey(first.key))).toBe(expected);
  });

  it("puts list validation on code rows and number rules on count rows", () => {
    for (const r of valueRows(template)) {
      const t = target(fake, nameForKey(r.key));
      const v = fake.sheet(t.sheet).validations.find((x) => x.address === t.address);
      if (r.row.kind === "code") expect(v?.rule?.list?.source).toBe(r.row.codes!.map((c) => String(c.value)).join(","));
      if (r.row.kind === "count") expect(v?.rule?.wholeNumber).toMatchObject({ formula1: 0, operator: "GreaterThanOrEqualTo" });
      if (r.row.ratio) expect(v).toBeUndefined();
    }
  });

  it("freezes the header and repeats it on every printed page", () => {
    for (const form of template.forms) {
      const s = fake.sheet(form.sheetName);
      expect(s.frozenRows).toBe(FORM_HEADER_ROWS[1]);
      expect(s.pageLayout.printTitleRows).toBe(`$${FORM_HEADER_ROWS[0]}:$${FORM_HEADER_ROWS[1]}`);
      expect(s.pageLayout.paperSize).toBe("A4");
      expect(s.merges).toEqual(expect.arrayContaining(["A1:E1", "D5:E5"]));
    }
  });

  it("keeps STT like 2.1 and 1.10 as text on value rows", () => {
    for (const form of template.forms) {
      form.rows.forEach((row, i) => {
        if (row.kind !== "section") expect([row.code, fake.cell(form.sheetName, `A${7 + i}`).value]).toEqual([row.code, row.stt]);
      });
    }
  });

  it("keeps section STT like 3. as printed", () => {
    for (const form of template.forms) {
      form.rows.forEach((row, i) => {
        if (row.kind === "section") expect([row.code, fake.cell(form.sheetName, `A${7 + i}`).value]).toEqual([row.code, row.stt]);
      });
    }
  });
});

describe(`re-layout keeps data (${RICH.id})`, () => {
  it("keeps every typed value, note, text in a count cell, info and narrative by key", async () => {
    const fake = await laidOut(RICH);
    const values: Record<string, string | number> = {};
    const notes: Record<string, string> = {};
    const rows = inputRows(RICH);
    const picked = rows.filter((_, i) => i % 3 === 0);
    for (const [i, r] of picked.entries()) {
      values[r.key] = sampleFor(r, i);
      await typeAt(fake, nameForKey(r.key), values[r.key]);
      if (i % 2 === 0) {
        notes[r.key] = `Ghi chú ${i}: theo QĐ 12/2024`;
        await typeAt(fake, noteName(r.key), notes[r.key]);
      }
    }
    const countRow = rows.find((r) => r.row.kind === "count" && !(r.key in values))!;
    const where = target(fake, nameForKey(countRow.key));
    await expect(fake.typeInto(where.sheet, where.address, "01(CTHND)")).rejects.toThrow(/validation/); // typing is refused
    values[countRow.key] = "01(CTHND)";
    await typeAt(fake, nameForKey(countRow.key), "01(CTHND)", true); // pasted from a Word report
    await typeAt(fake, infoName("unitName"), "Thanh Giang");
    await typeAt(fake, narrativeName(RICH.narrative[0].id), "Đoạn văn của xã.");

    const second = await fake.run((ctx) => layoutWorkbook(ctx, RICH));
    expect(second.syncs).toBeLessThanOrEqual(2);
    expect(second.keptValues).toBeGreaterThanOrEqual(Object.keys(values).length);
    expect(second.keptNotes).toBe(Object.keys(notes).length);
    for (const [k, v] of Object.entries(values)) expect([k, fake.valueOfName(nameForKey(k))]).toEqual([k, v]);
    for (const [k, n] of Object.entries(notes)) expect([k, fake.valueOfName(noteName(k))]).toEqual([k, n]);
    expect(fake.valueOfName(infoName("unitName"))).toBe("Thanh Giang");
    expect(fake.valueOfName(narrativeName(RICH.narrative[0].id))).toBe("Đoạn văn của xã.");
    // Still one sheet each, still protected, formulas still live.
    expect(fake.sheetNames().filter((n) => n === RICH.forms[0].sheetName)).toHaveLength(1);
    expect(fake.sheet(RICH.forms[0].sheetName).protected).toBe(true);
    for (const r of ratioRows(RICH)) expect(cellOf(fake, nameForKey(r.key)).formula).toBe(ratioFormula(r.row.ratio!));
  });

  it("keeps the data window following period and year after a re-layout", async () => {
    const fake = await laidOut(RICH);
    await fake.run((ctx) => layoutWorkbook(ctx, RICH));
    expect(cellOf(fake, infoName("windowFrom")).formula).toMatch(/^=IF\(/);
    await typeAt(fake, infoName("year"), 2024);
    await typeAt(fake, infoName("period"), "Quý III");
    expect(fake.valueOfName(infoName("windowFrom"))).toBe(45458); // 15/06/2024
    expect(fake.valueOfName(infoName("windowTo"))).toBe(45549); // 14/09/2024
  });
});

describe(`upgrade to a newer template version (${RICH.id})`, () => {
  it("moves the values of a removed row to Dữ liệu cũ and loses nothing", async () => {
    const v1 = RICH;
    const removed = inputRows(v1).find((r) => r.row.kind === "count" && !ratioRows(v1).some((x) => [...x.row.ratio!.num, ...x.row.ratio!.den].includes(r.key)))!;
    const v2: TemplateDef = JSON.parse(JSON.stringify(v1));
    v2.version = v1.version.replace(/^(\d+)\./, (_, m: string) => `${Number(m) + 1}.`);
    const form = v2.forms.find((f) => f.id === removed.form.id)!;
    form.rows = form.rows.filter((r) => r.code !== removed.row.code);

    const fake = await laidOut(v1);
    const kept = inputRows(v1).filter((r) => r.key !== removed.key).slice(0, 6);
    for (const [i, r] of kept.entries()) await typeAt(fake, nameForKey(r.key), sampleFor(r, i));
    await typeAt(fake, nameForKey(removed.key), 17);
    await typeAt(fake, noteName(removed.key), "Số liệu theo mẫu cũ");

    const result = await fake.run((ctx) => layoutWorkbook(ctx, v2, { recorded: v1 }));
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(result.legacyRows).toBe(1);
    expect(fake.sheetNames()).toContain(LEGACY_SHEET);
    expect(["A4", "B4", "C4", "D4", "E4"].map((a) => fake.cell(LEGACY_SHEET, a).value)).toEqual([removed.key, removed.row.label, 17, "Số liệu theo mẫu cũ", v1.version]);
    expect(fake.names()[nameForKey(removed.key)]).toBeUndefined();
    for (const [i, r] of kept.entries()) expect(fake.valueOfName(nameForKey(r.key))).toBe(sampleFor(r, i));
    expect(fake.cell(META_SHEET, "B3").value).toBe(v2.version);

    // Laying the same version out again keeps the old rows (they live only on Dữ liệu cũ now).
    const again = await fake.run((ctx) => layoutWorkbook(ctx, v2, { recorded: v2 }));
    expect(again.legacyRows).toBe(1);
    expect(["A4", "C4", "D4"].map((a) => fake.cell(LEGACY_SHEET, a).value)).toEqual([removed.key, 17, "Số liệu theo mẫu cũ"]);
    for (const [i, r] of kept.entries()) expect(fake.valueOfName(nameForKey(r.key))).toBe(sampleFor(r, i));
  });
});

describe(`a renamed form sheet (${RICH.id})`, () => {
  it("keeps its name and its values after re-layout", async () => {
    const fake = await laidOut(RICH);
    const form = RICH.forms[0];
    const rows = inputRows(RICH).filter((r) => r.form.id === form.id).slice(0, 4);
    for (const [i, r] of rows.entries()) await typeAt(fake, nameForKey(r.key), sampleFor(r, i));
    await fake.renameSheet(form.sheetName, "BM của xã");

    const result = await fake.run((ctx) => layoutWorkbook(ctx, RICH));
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(fake.sheetNames()).toContain("BM của xã");
    expect(fake.sheetNames()).not.toContain(form.sheetName);
    for (const [i, r] of rows.entries()) {
      expect(target(fake, nameForKey(r.key)).sheet).toBe("BM của xã");
      expect(fake.valueOfName(nameForKey(r.key))).toBe(sampleFor(r, i));
    }
  });
});

describe(`queueSnapshot (${RICH.id})`, () => {
  it("reads everything in one sync and reports a deleted row's names as broken", async () => {
    const fake = await laidOut(RICH);
    const rows = inputRows(RICH).filter((r) => r.form.id === RICH.forms[0].id && r.row.kind !== "text");
    const [gone, below] = [rows[0], rows[rows.length - 1]];
    await typeAt(fake, nameForKey(gone.key), sampleFor(gone, 0));
    await typeAt(fake, nameForKey(below.key), sampleFor(below, 1));
    await typeAt(fake, noteName(below.key), "ghi chú");
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem(RICH.forms[0].sheetName).protection.unprotect());
    const row = Number(target(fake, nameForKey(gone.key)).address.slice(1));
    await fake.deleteRows(RICH.forms[0].sheetName, row, 1);

    const before = fake.syncCount;
    const snapshot = await fake.run(async (ctx) => {
      const queued = queueSnapshot(ctx, [RICH]);
      await ctx.sync();
      return queued.result();
    });
    expect(fake.syncCount - before).toBe(1);
    expect(snapshot.templateId).toBe(RICH.id);
    expect(snapshot.templateVersion).toBe(RICH.version);
    expect(snapshot.brokenNames).toEqual(expect.arrayContaining([nameForKey(gone.key), noteName(gone.key)]));
    expect(snapshot.values[gone.key]).toBeUndefined();
    expect(snapshot.values[below.key]).toMatchObject({ sheet: RICH.forms[0].sheetName, address: `D${Number(target(fake, nameForKey(below.key)).address.slice(1))}`, value: sampleFor(below, 1) });
    expect(snapshot.notes[below.key]).toBe("ghi chú");
    expect(snapshot.sheetNames).toEqual(fake.sheetNames());
    for (const r of ratioRows(RICH)) if (r.form.id !== RICH.forms[0].id) expect(snapshot.values[r.key]?.formula).toBe(ratioFormula(r.row.ratio!));
  });
});
