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
  if (missing.length && process.env.CI === "true") throw new Error(`${missing.join(", ")} required under CI for "${name}" (install: see .ci/run)`);
  // Outside CI a developer without LibreOffice or poppler still gets the other suites, with a warning.
  if (missing.length) console.warn(`skipping "${name}": ${missing.join(", ")} not installed`);
  (missing.length ? describe.skip : describe)(name, body);
}
