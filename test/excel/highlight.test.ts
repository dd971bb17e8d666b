import { findTemplate } from "../../src/core/catalog";
import { nameForKey } from "../../src/core/layout/names";
import { applyHighlights, HIGHLIGHT } from "../../src/excel/highlight";
import { layoutWorkbook } from "../../src/excel/layout";
import { queueSnapshot } from "../../src/excel/read";
import { createFakeExcel, type FakeExcel } from "../../src/harness/fake-excel";

const t = findTemplate("bieu-mau-1-7")!;

async function snapshotOf(fake: FakeExcel) {
  return fake.run(async (ctx) => {
    const q = queueSnapshot(ctx, [t]);
    await ctx.sync();
    return q.result();
  });
}

const formats = (fake: FakeExcel) => fake.model.sheets.flatMap((s) => s.conditionalFormats.map((cf) => ({ sheet: s.name, ...cf })));

describe("highlighting failing cells", () => {
  it("tints exactly the failing cells on protected sheets, keeps them protected, and removes the tint again", async () => {
    const fake = createFakeExcel();
    await fake.run((ctx) => layoutWorkbook(ctx, t));
    const bad = fake.names()[nameForKey("bm5:4.3")] as { sheet: string; address: string };
    const snapshot = await snapshotOf(fake);

    const before = fake.syncCount;
    await fake.run((ctx) => applyHighlights(ctx, snapshot, [bad]));
    expect(fake.syncCount - before).toBe(1);
    const added = formats(fake);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ sheet: bad.sheet, formula: "=TRUE", fill: HIGHLIGHT.fill, fontColor: HIGHLIGHT.font });
    expect(fake.sheet(bad.sheet).protected).toBe(true);

    // A new pane (no memory of what was tinted) clears everything from the catalog's cells.
    await fake.run((ctx) => applyHighlights(ctx, snapshot, []));
    expect(formats(fake)).toEqual([]);
    expect(fake.sheet(bad.sheet).protected).toBe(true);
  });
});
