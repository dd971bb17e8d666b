/** External tools the suites use (LibreOffice, poppler, Chromium): under CI a missing tool fails, never skips. */
import { execFileSync } from "node:child_process";

export function haveTool(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** `describe` when the tool is there; under CI=true a missing tool throws so the run goes red. */
export function describeWithTool(command: string, name: string, body: () => void): void {
  if (haveTool(command)) return describe(name, body);
  if (process.env.CI === "true") throw new Error(`${command} is required under CI for "${name}" (install it: see .ci/run)`);
  console.warn(`skipping "${name}": ${command} is not installed`);
  describe.skip(name, body);
}
