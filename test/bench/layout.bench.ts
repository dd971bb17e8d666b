/** Layout through Office.js (on the fake workbook): context.sync count and time per template; one-sync read. */
import { BUILTIN_TEMPLATES } from "../../src/core/catalog";
import { layoutWorkbook } from "../../src/excel/layout";
import { queueSnapshot } from "../../src/excel/read";
import { createFakeExcel } from "../../src/harness/fake-excel";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchLayout(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of BUILTIN_TEMPLATES) {
    const times: number[] = [];
    let syncs = 0;
    let readSyncs = 0;
    for (let i = 0; i < 5; i++) {
      const fake = createFakeExcel();
      const start = performance.now();
      const r = await fake.run((ctx) => layoutWorkbook(ctx, t));
      times.push(performance.now() - start);
      syncs = Math.max(syncs, r.syncs, fake.syncCount);
      const before = fake.syncCount;
      await fake.run(async (ctx) => {
        const q = queueSnapshot(ctx, [t]);
        await ctx.sync();
        q.result();
      });
      readSyncs = fake.syncCount - before;
    }
    out[`${t.id}.layoutSyncs`] = syncs;
    out[`${t.id}.fullReadSyncs`] = readSyncs;
    out[`${t.id}.layoutMsOnFake`] = Math.round(median(times) * 10) / 10;
  }
  return out;
}
