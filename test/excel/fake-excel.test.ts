/**
 * The fake against office-addin-mock (so the two cannot drift on what both model), its own batching
 * rules, and its formula evaluator.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createFakeExcel, evaluateFormula, excelRound, type FakeExcel, type FormulaEnv } from "../../src/harness/fake-excel";
import { ratioFormula, windowFromFormula, windowToFormula } from "../../src/core/layout/formulas";
import { computeRatio, type CellValue } from "../../src/core/compute";
import { nameForKey, infoName } from "../../src/core/layout/names";
import type { RatioDef } from "../../src/core/catalog/types";

/** A read as both see it: office-addin-mock answers an error string, Office.js (and the fake) throws. */
function read<T>(get: () => T): T | "unavailable" {
  try {
    const v = get();
    return typeof v === "string" && /^Error, /.test(v) ? "unavailable" : v;
  } catch (e) {
    if (/^PropertyNotLoaded: /.test((e as Error).message)) return "unavailable";
    throw e;
  }
}

const SEED = [
  [1, "hai"],
  [3.5, ""],
];

function mockContext(): Excel.RequestContext {
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            range: { values: SEED, numberFormat: [["General", "General"], ["General", "General"]], format: { fill: { color: "#FFFFFF" }, font: { bold: false, name: "Calibri" } } },
            getRange: function () {
              return this.range;
            },
          },
          getItem: function () {
            return this.sheet;
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: Excel.RequestContext };
  return mock.context;
}

async function fakeContext(): Promise<{ fake: FakeExcel; context: Excel.RequestContext }> {
  const fake = createFakeExcel();
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = SEED;
  });
  return { fake, context: fake.context };
}

/** The same small function runs against both. */
async function loadScenario(context: Excel.RequestContext) {
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
  const beforeLoad = read(() => range.values);
  range.load("values");
  const beforeSync = read(() => range.values);
  await context.sync();
  const afterSync = read(() => range.values);
  const numberFormatNotLoaded = read(() => range.numberFormat);
  return { beforeLoad, beforeSync, afterSync, numberFormatNotLoaded };
}

async function formatScenario(context: Excel.RequestContext) {
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
  range.format.fill.color = "#FFF8E1";
  range.format.font.bold = true;
  range.format.font.name = "Times New Roman";
  const local = { fill: read(() => range.format.fill.color), bold: read(() => range.format.font.bold) };
  range.format.fill.load("color");
  range.format.font.load("bold,name");
  await context.sync();
  return { local, fill: read(() => range.format.fill.color), bold: read(() => range.format.font.bold), font: read(() => range.format.font.name) };
}

async function writeScenario(context: Excel.RequestContext) {
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
  range.values = [
    [7, "bảy"],
    [8, "tám"],
  ];
  const local = read(() => range.values);
  await context.sync();
  return { local, after: read(() => range.values) };
}

describe("fake Excel vs office-addin-mock", () => {
  it("values: unavailable before load and before sync, the cells after sync", async () => {
    const mock = await loadScenario(mockContext());
    const { context } = await fakeContext();
    const fake = await loadScenario(context);
    expect(fake).toEqual(mock);
    expect(fake.beforeLoad).toBe("unavailable");
    expect(fake.beforeSync).toBe("unavailable");
    expect(fake.afterSync).toEqual(SEED);
    expect(fake.numberFormatNotLoaded).toBe("unavailable");
  });

  it("format writes: readable locally at once, loaded back after sync", async () => {
    const mock = await formatScenario(mockContext());
    const { fake, context } = await fakeContext();
    const result = await formatScenario(context);
    expect(result).toEqual(mock);
    expect(result).toEqual({ local: { fill: "#FFF8E1", bold: true }, fill: "#FFF8E1", bold: true, font: "Times New Roman" });
    expect(fake.cell("Sheet1", "B2").format).toMatchObject({ fill: "#FFF8E1", bold: true, fontName: "Times New Roman" });
  });

  it("value writes: the written matrix reads back locally and after sync", async () => {
    const mock = await writeScenario(mockContext());
    const { fake, context } = await fakeContext();
    const result = await writeScenario(context);
    expect(result).toEqual(mock);
    expect(fake.cell("Sheet1", "B1").value).toBe("bảy");
  });
});

describe("fake Excel batching", () => {
  it("applies nothing until sync, counts syncs, and fails a missing getItem at sync", async () => {
    const fake = createFakeExcel();
    const ctx = fake.context;
    ctx.workbook.worksheets.add("Mới");
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
    await ctx.sync();
    expect(fake.sheetNames()).toEqual(["Sheet1", "Mới"]);
    expect(fake.syncCount).toBe(1);
    ctx.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toThrow(/^ItemNotFound/);
    expect(fake.syncCount).toBe(2);
  });

  it("answers isNullObject only after sync; a null object's children are null too", async () => {
    const fake = createFakeExcel();
    const ctx = fake.context;
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Không có");
    const range = missing.getRange("A1:B3").load("values");
    const present = ctx.workbook.worksheets.getItemOrNullObject("Sheet1");
    expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(range.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
  });

  it("keeps numeric-looking text on Text-formatted cells, parses it elsewhere, and checks matrix sizes", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").numberFormat = [["@"]];
      ws.getRange("A1:B1").formulas = [["2.1", "2.1"]];
    });
    expect(fake.cell("Sheet1", "A1").value).toBe("2.1");
    expect(fake.cell("Sheet1", "B1").value).toBe(2.1);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1]];
    await expect(ctx.sync()).rejects.toThrow(/^InvalidArgument/);
  });

  it("refuses edits on a protected sheet's locked cells, allows unlocked ones", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").format.protection.locked = false;
      ws.protection.protect();
    });
    await fake.typeInto("Sheet1", "B2", 5);
    await expect(fake.typeInto("Sheet1", "A1", 5)).rejects.toThrow(/AccessDenied/);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toThrow(/^AccessDenied/);
  });

  it("names follow renamed sheets, turn #REF! with deleted rows and sheets, and shift with rows above", async () => {
    const fake = createFakeExcel({ sheets: ["Biểu 1", "Biểu 2"] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Biểu 1");
      ctx.workbook.names.add("CCHC_a", ws.getRange("D7"));
      ctx.workbook.names.add("CCHC_b", ws.getRange("D9"));
      ctx.workbook.names.add("CCHC_c", ctx.workbook.worksheets.getItem("Biểu 2").getRange("D7"));
    });
    expect(fake.nameFormula("CCHC_a")).toBe("='Biểu 1'!$D$7");
    await fake.renameSheet("Biểu 1", "BM1 mới");
    expect(fake.nameFormula("CCHC_a")).toBe("='BM1 mới'!$D$7");
    await fake.deleteRows("BM1 mới", 7, 1);
    expect(fake.nameFormula("CCHC_a")).toBe("=#REF!");
    expect(fake.names().CCHC_b).toEqual({ sheet: "BM1 mới", address: "D8" });
    await fake.deleteSheet("Biểu 2");
    expect(fake.nameFormula("CCHC_c")).toBe("=#REF!");
  });

  it("fires onChanged handlers registered through the context when the user types", async () => {
    const fake = createFakeExcel();
    const seen: string[] = [];
    fake.context.workbook.worksheets.onChanged.add(async (e) => {
      seen.push(`${e.changeType} ${e.address}`);
    });
    await fake.typeInto("Sheet1", "C3", 1);
    expect(seen).toEqual([]); // not registered until the sync
    await fake.context.sync();
    await fake.typeInto("Sheet1", "C3", 2);
    expect(seen).toEqual(["RangeEdited C3"]);
  });
});

describe("formula evaluator", () => {
  const ratio: RatioDef = { num: ["bm:1", "bm:2"], den: ["bm:3"] };

  async function ratioWorkbook(): Promise<FakeExcel> {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ["bm:1", "bm:2", "bm:3"].forEach((k, i) => ctx.workbook.names.add(nameForKey(k), ws.getRange(`D${i + 1}`)));
      ws.getRange("D5").formulas = [[ratioFormula(ratio)]];
    });
    return fake;
  }

  const cases: [string, Record<string, CellValue>][] = [
    ["all blank", {}],
    ["numerator blank", { "bm:3": 10 }],
    ["denominator blank", { "bm:1": 3 }],
    ["denominator zero", { "bm:1": 3, "bm:3": 0 }],
    ["zero numerator", { "bm:1": 0, "bm:3": 7 }],
    ["values", { "bm:1": 1, "bm:2": 1, "bm:3": 3 }],
    ["half-way rounding", { "bm:1": 1, "bm:3": 8 }],
    ["text counts as nothing", { "bm:1": "01(CTHND)", "bm:2": 2, "bm:3": 4 }],
    ["only text in numerator", { "bm:1": "01(CTHND)", "bm:3": 4 }],
  ];

  it.each(cases)("ratioFormula matches computeRatio: %s", async (_, values) => {
    const fake = await ratioWorkbook();
    for (const [k, v] of Object.entries(values)) await fake.typeInto("Sheet1", `D${Number(k.split(":")[1])}`, v as string | number);
    const expected = computeRatio(ratio, (k) => values[k]);
    expect(fake.cell("Sheet1", "D5").value).toBe(expected === undefined ? "" : expected);
  });

  it("ratio values are what a person computes", async () => {
    const fake = await ratioWorkbook();
    await fake.typeInto("Sheet1", "D1", 1);
    await fake.typeInto("Sheet1", "D3", 8);
    expect(fake.cell("Sheet1", "D5").value).toBe(12.5);
    await fake.typeInto("Sheet1", "D2", 1);
    await fake.typeInto("Sheet1", "D3", 3);
    expect(fake.cell("Sheet1", "D5").value).toBe(66.67);
    await fake.typeInto("Sheet1", "D3", 0);
    expect(fake.cell("Sheet1", "D5").value).toBe("");
  });

  const noCells: FormulaEnv = { resolveName: () => ({ error: "#NAME?" }), resolveSheet: () => undefined, cellValue: () => null };
  const ev = (f: string) => evaluateFormula(f, noCells);

  it.each([
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(1.005,2)", 1.01],
    ["=ROUND(-1.005,2)", -1.01],
    ["=ROUND(0.125,2)", 0.13],
    ["=ROUND(-2.5,0)", -3],
    ["=ROUND(0.5,0)", 1],
    ["=ROUND(1.45,1)", 1.5],
    ["=ROUND(1235,-1)", 1240],
    ["=ROUND(2/3*100,2)", 66.67],
    ["=ROUND(1/8*100,2)", 12.5],
  ])("%s = %p (half away from zero)", (f, want) => {
    expect(ev(f)).toBe(want);
    expect(excelRound(Number(want), 2)).toBe(want);
  });

  it("evaluates operators, comparisons, DATE, N and blank semantics like Excel", () => {
    expect(ev('="a"&1&"b"')).toBe("a1b");
    expect(ev("=1+2*3-4/2")).toBe(5);
    expect(ev("=-2*3")).toBe(-6);
    expect(ev('=IF(1<>2,"x","y")')).toBe("x");
    expect(ev('="Năm"="năm"')).toBe(true);
    expect(ev("=1/0")).toEqual({ error: "#DIV/0!" });
    expect(ev("=DATE(2024,1,1)")).toBe(45292);
    expect(ev("=DATE(2023,12,15)")).toBe(45275);
    expect(ev('=N("abc")+N(5)')).toBe(5);
    expect(ev("=AND(1,OR(0,1))")).toBe(true);
    expect(ev("=#REF!")).toEqual({ error: "#REF!" });
    expect(ev("=NOSUCH(1)")).toEqual({ error: "#NAME?" });
  });

  it("treats blank and text cells as Excel does in COUNT, SUM, & and comparisons", async () => {
    const fake = createFakeExcel();
    await fake.typeInto("Sheet1", "A1", 4);
    await fake.typeInto("Sheet1", "A2", "chữ");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B1:B6").formulas = [["=COUNT(A1:A3)"], ["=SUM(A1:A3)"], ["=A3"], ['=A3&"x"'], ['=A3=""'], ["=A3=0"]];
    });
    expect(["B1", "B2", "B3", "B4", "B5", "B6"].map((a) => fake.cell("Sheet1", a).value)).toEqual([1, 4, 0, "x", true, true]);
  });

  it("computes the data window from period and year names", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ctx.workbook.names.add(infoName("period"), ws.getRange("B1"));
      ctx.workbook.names.add(infoName("year"), ws.getRange("B2"));
      ws.getRange("B1:B4").formulas = [["Quý III"], [2024], [windowFromFormula()], [windowToFormula()]];
    });
    expect(fake.cell("Sheet1", "B3").value).toBe(45458); // 15/06/2024
    expect(fake.cell("Sheet1", "B4").value).toBe(45549); // 14/09/2024
    await fake.typeInto("Sheet1", "B1", "Năm");
    expect(fake.cell("Sheet1", "B3").value).toBe(45275); // 15/12/2023
  });
});
