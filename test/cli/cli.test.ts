import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxSnapshot } from "../../src/xlsx/read";
import { snapshotToReportData } from "../../src/core/snapshot";
import { findTemplate } from "../../src/core/catalog";

const root = join(__dirname, "../..");
const cchc = (...args: string[]) => spawnSync(process.execPath, [join(root, "src/cli/cchc.js"), ...args], { encoding: "utf8", cwd: root });
const dir = mkdtempSync(join(tmpdir(), "cchc-cli-"));

describe("cchc", () => {
  it("answers --help in Vietnamese and English with exit 0; bad usage exits 2", () => {
    const help = cchc("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Cách dùng:/);
    expect(help.stdout).toMatch(/English:/);
    expect(help.stdout).toMatch(/Mã thoát: 0 hợp lệ · 1 số liệu có lỗi · 2 dữ liệu vào không dùng được/);
    const unknown = cchc("lam-gi");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Không có lệnh "lam-gi"/);
    expect(cchc("fields", "--khong-co").status).toBe(2);
  });

  it("lists the templates and a template's fields", () => {
    const list = JSON.parse(cchc("templates", "--json").stdout);
    expect(list.map((t: { id: string }) => t.id).sort()).toEqual(["bieu-mau-1-7", "bieu-tong-hop-i-v", "phu-luc-2-8", "phu-luc-ii"]);
    const fields = JSON.parse(cchc("fields", "--template", "bieu-mau-1-7", "--json").stdout);
    expect(fields.find((f: { key: string }) => f.key === "bm7:6.7")).toMatchObject({ kind: "ratio", unit: "%", ratio: { num: ["bm7:6.7.2"], den: ["bm7:6.7.1"] } });
    const missing = cchc("fields", "--template", "khong-co");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Không có mẫu "khong-co"/);
  });

  it("`new` refuses a values file naming a row the template lacks, with the key in the message", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ template: "phu-luc-ii", values: { "pl:99.9": 1 } }));
    const r = cchc("new", "--data", bad, "--out", join(dir, "bad.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/dòng "pl:99\.9" không có trong mẫu "phu-luc-ii"/);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
  });

  it("`merge` adds the communes' counts and leaves what cannot be added blank", async () => {
    const t = findTemplate("phu-luc-ii")!;
    const files = [
      { unitName: "Bình Yên", values: { "pl:3.2.4.a": 100, "pl:3.2.4.b": 90, "pl:2.2": "-" } },
      { unitName: "Định Biên", values: { "pl:3.2.4.a": 50, "pl:3.2.4.b": 45 } },
    ].map((d, i) => {
      const f = join(dir, `xa${i}.json`);
      writeFileSync(f, JSON.stringify({ template: t.id, info: { unitKind: "xã", unitName: d.unitName, period: "Q1", year: 2024 }, values: d.values }));
      return f;
    });
    const out = join(dir, "tong-hop.xlsx");
    const r = cchc("merge", ...files, "--out", out);
    expect(r.stderr).toMatch(/xã Bình Yên, dòng pl:2\.2: "-" không phải số/);
    expect(r.status).toBe(1);
    const back = snapshotToReportData(t, await readXlsxSnapshot(readFileSync(out)));
    expect(back.values["pl:3.2.4.a"]).toBe(150);
    expect(back.values["pl:3.2.4.b"]).toBe(135);
    expect(back.values["pl:2.2"]).toBeUndefined();
  });

  it("a province's template travels inside the workbook: `check` needs no --template-file afterwards", () => {
    const own = { ...findTemplate("bieu-tong-hop-i-v")!, id: "tinh-nam-dinh-2025", version: "2.0.0", title: "Mẫu riêng của tỉnh" };
    const file = join(dir, "mau-tinh.json");
    writeFileSync(file, JSON.stringify(own));
    const out = join(dir, "tinh.xlsx");
    expect(cchc("new", "--template-file", file, "--template", own.id, "--out", out).status).toBe(0);
    const r = cchc("check", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/mẫu tinh-nam-dinh-2025, phiên bản 2\.0\.0/);
    const broken = join(dir, "hong.json");
    writeFileSync(broken, JSON.stringify({ ...own, forms: [] }));
    const refused = cchc("new", "--template-file", broken, "--template", own.id);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Trường "forms" phải có ít nhất 1 phần tử/);
  });

  it("`demo` writes the example workbook and Word report and prints their paths", () => {
    const r = cchc("demo", "--out", join(dir, "demo"));
    expect(r.status).toBe(0);
    const paths = r.stdout.split("\n").filter((l) => /^\s+\/.*\.(xlsx|docx)$/.test(l)).map((l) => l.trim());
    expect(paths).toHaveLength(2);
    for (const p of paths) expect(existsSync(p)).toBe(true);
    expect(r.stdout).toMatch(/ghi 97,76% nhưng 3\.810\/3\.978 = 95,78%/);
  });

  it("the bundled demo data is the transcribed seed 000", () => {
    expect(readFileSync(join(root, "src/cli/examples/thanh-giang-2023.values.json"), "utf8")).toBe(readFileSync(join(root, "test/fixtures/seeds/000-thanh-giang.values.json"), "utf8"));
  });
});
