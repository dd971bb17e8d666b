import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILTIN_TEMPLATES, findTemplate, rowIndex, templateRows, valueRows } from "../../src/core/catalog";
import { checkTemplate, parseTemplateFile } from "../../src/core/catalog/import";
import { nameForKey } from "../../src/core/layout/names";

const seedsDir = join(__dirname, "../../../shared/seeds");
const SEED_OF: Record<string, string> = { "bieu-mau-1-7": "000", "phu-luc-2-8": "004", "phu-luc-ii": "002", "bieu-tong-hop-i-v": "003" };
/** Seed text with all white space removed: PDF extraction breaks words and lines anywhere. */
const seedText = (id: string) => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(SEED_OF[id]))!;
  return readFileSync(join(seedsDir, file), "utf8").normalize("NFC").replace(/\s+/g, "");
};
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

/** Labels the transcription had to mend; everything else must be printed in the seed verbatim. */
const MENDED_LABELS: Record<string, string> = {
  "bm2:1": 'the seed misprints "do" as "đo"',
  "pl2:1": "the seed interleaves the unit and value inside the wrapped label",
  "pl2:2": "the seed interleaves the unit and value inside the wrapped label",
  "pl8:2": "two explanatory lines joined into the label",
  "pl8:5.2": "the seed interleaves the unit inside the wrapped label",
  "pl:7.2": "two explanatory lines joined into the label in parentheses",
};

describe("the built-in catalog", () => {
  it("holds the four seed variants under their ids", () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.id).sort()).toEqual(["bieu-mau-1-7", "bieu-tong-hop-i-v", "phu-luc-2-8", "phu-luc-ii"]);
    expect(findTemplate("bieu-mau-1-7")!.forms.map((f) => f.id)).toEqual(["bm1", "bm2", "bm3", "bm4", "bm5", "bm6", "bm7"]);
    expect(findTemplate("phu-luc-2-8")!.forms.map((f) => f.id)).toEqual(["pl2", "pl3", "pl4", "pl5", "pl6", "pl7", "pl8"]);
    expect(findTemplate("phu-luc-ii")!.forms.map((f) => f.id)).toEqual(["pl"]);
    expect(findTemplate("bieu-tong-hop-i-v")!.forms.map((f) => f.id)).toEqual(["th"]);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s passes the schema and the semantic checks", (_, t) => {
    const check = checkTemplate(JSON.parse(JSON.stringify(t)));
    expect(check.ok ? [] : check.errors).toEqual([]);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s: every label and unit is printed in its seed", (id, t) => {
    const text = seedText(id);
    const missing = templateRows(t)
      .filter(({ key, row }) => !MENDED_LABELS[key] && !text.includes(squash(row.label)))
      .map(({ key }) => key);
    expect(missing).toEqual([]);
    const units = templateRows(t)
      .filter(({ row }) => row.unit && row.kind !== "code" && row.unit !== "%" && !text.includes(squash(row.unit)))
      .map(({ key, row }) => `${key} ${row.unit}`);
    expect(units).toEqual([]);
    // The mended ones really are not verbatim (otherwise the allow-list hides nothing and must shrink).
    for (const key of Object.keys(MENDED_LABELS).filter((k) => rowIndex(t).has(k))) expect(text.includes(squash(rowIndex(t).get(key)!.row.label))).toBe(false);
  });

  it("keys follow the printed STT, Roman prefixes and .a/.b for unnumbered lines", () => {
    const th = rowIndex(findTemplate("bieu-tong-hop-i-v")!);
    for (const key of ["th:V.2.5.1", "th:I.3.3", "th:IV.a", "th:V.1.a"]) expect(th.has(key)).toBe(true);
    expect(rowIndex(findTemplate("phu-luc-ii")!).has("pl:1.1.a")).toBe(true);
    const bm7 = rowIndex(findTemplate("bieu-mau-1-7")!).get("bm7:6.7")!.row;
    expect(bm7).toMatchObject({ kind: "ratio", unit: "%", ratio: { num: ["bm7:6.7.2"], den: ["bm7:6.7.1"] } });
  });

  it("code rows carry the seed's code lists", () => {
    const bm1 = rowIndex(findTemplate("bieu-mau-1-7")!);
    expect(bm1.get("bm1:5.2")!.row.codes).toEqual([
      { value: 0, label: "Trực tuyến" },
      { value: 1, label: "Phát phiếu" },
      { value: 2, label: "Kết hợp" },
    ]);
    for (const t of BUILTIN_TEMPLATES) for (const { row } of valueRows(t)) if (row.kind === "code") expect(row.codes!.length).toBeGreaterThanOrEqual(2);
  });

  it("every value row gets a distinct workbook name", () => {
    for (const t of BUILTIN_TEMPLATES) {
      const names = valueRows(t).map((r) => nameForKey(r.key));
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^CCHC_[A-Za-z0-9_]+$/);
    }
  });
});

describe("importing a province's template", () => {
  const base = () => JSON.parse(JSON.stringify(findTemplate("bieu-tong-hop-i-v")));

  it("accepts a well-formed file", () => {
    expect(parseTemplateFile(JSON.stringify(base())).ok).toBe(true);
  });

  it("refuses bad JSON", () => {
    const r = parseTemplateFile("{ not json");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/không phải JSON hợp lệ/);
  });

  it("names a missing field", () => {
    const t = base();
    delete t.forms[0].rows[2].label;
    const r = checkTemplate(t);
    expect(!r.ok && r.errors).toContain('Trường "forms.0.rows.2.label" bị thiếu.');
  });

  it("names a wrong row kind and a bad version", () => {
    const t = base();
    t.forms[0].rows[1].kind = "number";
    t.version = "v2";
    const r = checkTemplate(t);
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.errors.join("\n") : "";
    expect(text).toMatch(/forms\.0\.rows\.1\.kind/);
    expect(text).toMatch(/"version" không đúng định dạng/);
  });

  it("names duplicate keys and references to rows that do not exist", () => {
    const t = base();
    t.forms[0].rows.push({ ...t.forms[0].rows[1] });
    t.relations.push({ kind: "le", whole: "th:IX.9", parts: ["th:I.1"] });
    const r = checkTemplate(t);
    const text = !r.ok ? r.errors.join("\n") : "";
    expect(text).toMatch(new RegExp(`Mã dòng "th:${t.forms[0].rows[1].code.replace(/\./g, "\\.")}" bị trùng`));
    expect(text).toMatch(/relations\.\d+\.whole": dòng "th:IX\.9" không có trong mẫu/);
  });

  it("refuses a code row without codes and a ratio on a count row", () => {
    const t = base();
    const count = t.forms[0].rows.findIndex((r: { kind: string }) => r.kind === "count");
    t.forms[0].rows[count].ratio = { num: [`th:${t.forms[0].rows[count].code}`], den: [`th:${t.forms[0].rows[count].code}`] };
    const code = t.forms[0].rows.findIndex((r: { kind: string }) => r.kind === "code");
    delete t.forms[0].rows[code].codes;
    const text = (r => (!r.ok ? r.errors.join("\n") : ""))(checkTemplate(t));
    expect(text).toMatch(new RegExp(`forms\\.0\\.rows\\.${count}\\.ratio" chỉ dùng cho dòng kiểu "ratio"`));
    expect(text).toMatch(new RegExp(`forms\\.0\\.rows\\.${code}\\.codes" bị thiếu`));
  });
});
