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

/** `describe` when the tools are there; under CI=true a missing tool throws so the run goes red. */
export function describeWithTool(commands: string | string[], name: string, body: () => void): void {
  const missing = [commands].flat().filter((c) => !haveTool(c));
  if (!missing.length) return describe(name, body);
  if (process.env.CI === "true") throw new Error(`${missing.join(", ")} required under CI for "${name}" (install: see .ci/run)`);
  console.warn(`skipping "${name}": ${missing.join(", ")} not installed`);
  describe.skip(name, body);
}
