/**
 * `npm run bench`: prints the project's figures (goals in brackets). `--json` for machines.
 * Figures come from the real code paths; nothing here is asserted — that is the tests' job.
 */
import { join } from "node:path";
import { bundleFigures } from "./bundle.bench";

type Figures = Record<string, unknown>;

async function main() {
  const json = process.argv.includes("--json");
  const root = join(__dirname, "../..");
  const figures: Figures = {};
  const sections: [string, () => Promise<Figures> | Figures][] = [
    ["bundle", () => ({ ...bundleFigures(join(root, "dist")), goalInitialJsGzipKB: 200 })],
  ];
  for (const extra of ["./layout.bench", "./rules.bench", "./word.bench"]) {
    try {
      const mod = await import(extra);
      sections.push([extra.replace("./", "").replace(".bench", ""), mod.default ?? Object.values(mod)[0]]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw e;
    }
  }
  for (const [name, run] of sections) {
    try {
      figures[name] = await run();
    } catch (e) {
      figures[name] = { error: (e as Error).message };
    }
  }
  if (json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  for (const [name, value] of Object.entries(figures)) {
    console.log(`\n## ${name}`);
    for (const [k, v] of Object.entries(value as Figures)) console.log(`  ${k.padEnd(34)} ${typeof v === "object" ? JSON.stringify(v) : v}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
