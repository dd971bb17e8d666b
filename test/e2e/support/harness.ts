/**
 * Shared plumbing for the e2e files: a tiny static server over dist/, Debian's chromium through
 * playwright-core, and small helpers around the harness page (window.fakeExcel, screenshots).
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { ARTIFACTS, chromiumPath, DIST } from "./paths";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Whether this run can drive a browser. Under CI a missing chromium is an error, never a skip. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath())) return true;
  if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`e2e: chromium not found at ${chromiumPath()} under CI`);
  return false;
}

/** `describe`, or `describe.skip` with a warning when there is no chromium (never under CI). */
export const describeE2E: jest.Describe = browserAvailable() ? describe : describe.skip;

export interface Harness {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(DIST, "harness.html"))) throw new Error(`e2e: ${DIST}/harness.html is missing (global setup should have built it)`);
  const server: Server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      const file = path.resolve(DIST, "." + (pathname.endsWith("/") ? pathname + "index.html" : pathname));
      if (!file.startsWith(DIST + path.sep)) throw new Error("outside dist");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
  } catch (e) {
    server.close();
    throw e;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface PaneProblems {
  /** Uncaught page errors and console errors (minus the favicon 404), for asserting a clean run. */
  errors: string[];
  /** Texts of alert() dialogs: the harness grid alerts when Excel's validation refuses a typed value. */
  dialogs: string[];
}

/** A fresh context and page on harness.html, the pane rendered. */
export async function openPane(
  h: Harness,
  opts: { query?: string; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PaneProblems }> {
  const context = await h.browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 1000 }, acceptDownloads: true, locale: "vi-VN" });
  const page = await context.newPage();
  const problems: PaneProblems = { errors: [], dialogs: [] };
  page.on("pageerror", (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon|Failed to load resource: the server responded with a status of 404/.test(m.text())) problems.errors.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${h.baseUrl}/harness.html${opts.query ?? ""}`);
  await page.locator("#root > *").first().waitFor();
  return { context, page, problems };
}

/** test-artifacts/e2e/<name>.png (callers number their steps: "01-info"). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Re-evaluates `read` until `accept` holds (jest has no expect.poll); returns the last value either way, for a readable failure. */
export async function poll<T>(read: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 10000, intervalMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (accept(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Scrolls the pane so the element is in the middle of it (for a screenshot that shows the step). */
export async function centre(locator: Locator): Promise<void> {
  await locator.first().evaluate((e) => e.scrollIntoView({ block: "center" }));
}
