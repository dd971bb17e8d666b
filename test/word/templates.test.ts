/** Every built-in template makes a Word report: with its seed's values when a values file exists, else blank. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILTIN_TEMPLATES } from "../../src/core/catalog";
import type { ReportData, TemplateDef } from "../../src/core/catalog/types";
import { documentModel } from "../../src/core/report/narrative";
import { buildReportDocx, packReport } from "../../src/word/build";
import { bodyTables, children, openDocx, paragraphs, tableTexts } from "./docx-xml";

const SEEDS = join(__dirname, "../fixtures/seeds");
const seedValues: ReportData[] = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith(".values.json"))
      .map((f) => JSON.parse(readFileSync(join(SEEDS, f), "utf8")) as ReportData)
  : [];

const dataFor = (t: TemplateDef): ReportData =>
  seedValues.find((d) => d.template === t.id) ?? { template: t.id, info: { unitKind: "xã", unitName: "Thử Nghiệm", year: 2024, period: "Y" }, values: {} };

describe.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s", (_id, template) => {
  test("one appendix table per form, every row, the header repeated", async () => {
    const data = dataFor(template);
    const doc = await openDocx(await packReport(buildReportDocx(documentModel(template, data))));
    const tables = bodyTables(doc.document).slice(2);
    expect(tables).toHaveLength(template.forms.length);
    tables.forEach((tbl, i) => {
      expect(tableTexts(tbl)).toHaveLength(2 + template.forms[i].rows.length);
      const [h1, h2] = children(tbl, "tr");
      expect([h1, h2].every((tr) => tr.getElementsByTagName("w:tblHeader").length === 1)).toBe(true);
    });
    const text = paragraphs(doc.document);
    for (const s of template.narrative) expect(text.some((p) => p.endsWith(s.heading.trim()) || p.toLowerCase().endsWith(s.heading.trim().toLowerCase()))).toBe(true);
  });
});
