/** Runs once before the e2e files: makes sure dist/harness.html exists and a chromium is there (or, outside CI, warns). */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromiumPath, DIST, REPO } from "./support/paths";

export default async function globalSetup(): Promise<void> {
  const exe = chromiumPath();
  if (!existsSync(exe)) {
    const why = `chromium not found at ${exe} (set CHROMIUM_PATH, or apt-get install chromium)`;
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`e2e: ${why}; under CI the end-to-end suite must run.`);
    console.warn(`\n[e2e] ${why}: the end-to-end tests are skipped.\n`);
    return;
  }
  if (!existsSync(`${DIST}/harness.html`)) {
    console.log("[e2e] dist/harness.html missing: building with webpack --mode production …");
    const started = Date.now();
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: REPO, stdio: "inherit" });
    console.log(`[e2e] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!existsSync(`${DIST}/harness.html`)) throw new Error("e2e: webpack ran but dist/harness.html is still missing");
  }
}
