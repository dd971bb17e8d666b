/**
 * `npm run bench`: prints the project's figures (goals beside them). `npm run bench -- --json` for machines.
 * Figures come from the real code paths; nothing here is asserted — that is the tests' job.
 */
import { join } from "node:path";
import { bundleFigures } from "./bundle.bench";
import { benchLayout } from "./layout.bench";
import { benchWord } from "./word.bench";
import { benchRules } from "./rules.bench";

type Figures = Record<string, unknown>;

const SECTIONS: [string, string, () => Promise<Figures> | Figures][] = [
  ["bundle", "task pane production bundle, gzip KB (goal: initial JS ≤ 200)", () => ({ ...bundleFigures(join(__dirname, "../../dist")) })],
  ["layout", "Tạo biểu mẫu via Office.js on the fake workbook (goal: ≤ 2 syncs; full read 1 sync)", benchLayout],
  ["rules", "full check, median ms of 50 per template; 500 filled values files (goal < 20 ms per template)", benchRules],
  ["word", "workbook data → .docx, median ms of 7 (goal < 1000)", benchWord],
];

async function main() {
  const json = process.argv.includes("--json");
  const figures: Figures = {};
  for (const [name, title, run] of SECTIONS) {
    try {
      figures[name] = await run();
    } catch (e) {
      figures[name] = { error: (e as Error).message };
    }
    if (!json) {
      console.log(`\n## ${name} — ${title}`);
      for (const [k, v] of Object.entries(figures[name] as Figures)) console.log(`  ${k.padEnd(40)} ${typeof v === "object" ? JSON.stringify(v) : v}`);
    }
  }
  if (json) console.log(JSON.stringify(figures, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
