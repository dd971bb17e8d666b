import path from "node:path";

export const REPO = path.resolve(__dirname, "../../..");
/** E2E_DIST points the suite at another build (e.g. a clean checkout's); dist/ by default. */
export const DIST = path.resolve(REPO, process.env.E2E_DIST ?? "dist");
export const ARTIFACTS = path.join(REPO, "test-artifacts", "e2e");

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}
