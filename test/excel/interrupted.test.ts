/**
 * Office.js batches are not transactions: a request that fails half-way leaves what ran before it.
 * The layout writes a backup of every entry first; the next "Tạo biểu mẫu" puts everything back.
 */
import { findTemplate } from "../../src/core/catalog";
import { BACKUP_SHEET } from "../../src/core/backup";
import { nameForKey, narrativeName, noteName } from "../../src/core/layout/names";
import { layoutWorkbook } from "../../src/excel/layout";
import { createFakeExcel, type FakeExcel } from "../../src/harness/fake-excel";

const t = findTemplate("bieu-mau-1-7")!;

async function typeAt(fake: FakeExcel, name: string, value: string | number, paste = false) {
  const at = fake.names()[name] as { sheet: string; address: string };
  await fake.typeInto(at.sheet, at.address, value, { paste });
}

/** Runs the layout with its second request failing after `fraction` of its operations, as a lost connection would. */
async function interruptedLayout(fake: FakeExcel, fraction: number): Promise<unknown> {
  return fake
    .run(async (ctx) => {
      const c = ctx as unknown as { sync: () => Promise<void>; queue: (() => void)[] };
      const realSync = c.sync.bind(ctx);
      let syncs = 0;
      c.sync = async () => {
        if (++syncs === 2) {
          const at = Math.floor(c.queue.length * fraction);
          c.queue.splice(at, 0, () => {
            throw new Error("GeneralException: the request was interrupted");
          });
        }
        return realSync();
      };
      return layoutWorkbook(ctx, t);
    })
    .catch((e: Error) => e);
}

describe("an interrupted Tạo biểu mẫu loses nothing", () => {
  it.each([0.3, 0.6, 0.95])("failing after %p of the writes, the next layout restores every entry", async (fraction) => {
    const fake = createFakeExcel();
    await fake.run((ctx) => layoutWorkbook(ctx, t));
    await typeAt(fake, nameForKey("bm7:6.7.1"), 3978);
    await typeAt(fake, nameForKey("bm7:6.7.2"), 3810);
    await typeAt(fake, nameForKey("bm5:4.3"), "01(CTHND)", true);
    await typeAt(fake, noteName("bm7:6.7.1"), "cả trực tiếp và trực tuyến");
    await typeAt(fake, narrativeName("I"), "Đoạn văn mục I của xã.");

    const failure = await interruptedLayout(fake, fraction);
    expect(failure).toBeInstanceOf(Error);
    expect(fake.sheetNames()).toContain(BACKUP_SHEET);

    const result = await fake.run((ctx) => layoutWorkbook(ctx, t));
    expect(fake.valueOfName(nameForKey("bm7:6.7.1"))).toBe(3978);
    expect(fake.valueOfName(nameForKey("bm7:6.7.2"))).toBe(3810);
    expect(fake.valueOfName(nameForKey("bm5:4.3"))).toBe("01(CTHND)");
    expect(fake.valueOfName(noteName("bm7:6.7.1"))).toBe("cả trực tiếp và trực tuyến");
    expect(fake.valueOfName(narrativeName("I"))).toBe("Đoạn văn mục I của xã.");
    expect(fake.valueOfName(nameForKey("bm7:6.7"))).toBe(95.78);
    expect(fake.sheetNames()).not.toContain(BACKUP_SHEET);
    expect(result.syncs).toBe(2);
  });

  it("a layout that completes leaves no backup sheet behind", async () => {
    const fake = createFakeExcel();
    const r = await fake.run((ctx) => layoutWorkbook(ctx, t));
    expect(r.restored).toBe(0);
    expect(fake.sheetNames()).not.toContain(BACKUP_SHEET);
  });
});
