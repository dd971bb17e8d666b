/** `cchc report`: errors block a final report, --draft writes a marked draft anyway, clean data writes the file. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cmdReport } from "../../src/cli/report";
import { all, openDocx, textOf } from "./docx-xml";
import { readFileSync } from "node:fs";
import { DATA, T } from "./fixture";

let dir = "";
let log: jest.SpyInstance;
let err: jest.SpyInstance;
const printed = () => [...log.mock.calls, ...err.mock.calls].map((c) => c.join(" ")).join("\n");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cchc-report-"));
  writeFileSync(join(dir, "template.json"), JSON.stringify(T));
  log = jest.spyOn(console, "log").mockImplementation(() => {});
  err = jest.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const values = (data: object) => {
  const file = join(dir, "values.json");
  writeFileSync(file, JSON.stringify(data));
  return file;
};
const run = (file: string, opts: { out?: string; draft?: boolean } = {}) => cmdReport(file, { ...opts, templateFiles: [join(dir, "template.json")] });

// The fixture's typed ratios (91,66 and 97,76) disagree with their rows: errors for the rules.
test("errors block the final report and say how to go on", async () => {
  const out = join(dir, "final.docx");
  expect(await run(values(DATA), { out })).toBe(1);
  expect(existsSync(out)).toBe(false);
  expect(printed()).toMatch(/Lỗi:/);
  expect(printed()).toMatch(/--draft/);
});

test("--draft writes the draft anyway, marked DỰ THẢO", async () => {
  const out = join(dir, "draft.docx");
  expect(await run(values(DATA), { out, draft: true })).toBe(0);
  const docx = await openDocx(readFileSync(out));
  expect([...docx.headers.values()].every((h) => textOf(h).includes("DỰ THẢO"))).toBe(true);
});

test("clean data: the final report under its default name", async () => {
  const clean = { ...DATA, values: { ...DATA.values, "bm1:2": 91.67, "bm7:6.7": 95.78 } };
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(await run(values(clean))).toBe(0);
  } finally {
    process.chdir(cwd);
  }
  const out = join(dir, "BC-CCHC-Nam-2023-xa-Thanh-Giang.docx");
  expect(existsSync(out)).toBe(true);
  const docx = await openDocx(readFileSync(out));
  expect(all(docx.document, "t").map((t) => t.textContent).join("")).toContain("3.978");
  expect([...docx.headers.values()].some((h) => textOf(h).includes("DỰ THẢO"))).toBe(false);
});
