/**
 * The .docx through another reader: LibreOffice converts it to PDF, poppler reads the text back.
 * Under CI=true a missing soffice/pdftotext fails the test; elsewhere it is skipped with a warning.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentModel } from "../../src/core/report/narrative";
import { buildReportDocx, packReport } from "../../src/word/build";
import { docxToPdf } from "./docx-xml";
import { DATA, T } from "./fixture";
import { describeWithTool } from "../support/tools";

describeWithTool(["soffice", "pdftotext"], "LibreOffice renders the report", () => {
  let dir = "";
  let text = "";
  let pages = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cchc-word-"));
    const docx = join(dir, "report.docx");
    writeFileSync(docx, await packReport(buildReportDocx(documentModel(T, DATA))));
    const pdf = docxToPdf(docx, dir);
    text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    pages = text.split("\f").filter((p) => p.trim()).length;
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  test("more than one page: report, then the appendix on its own", () => {
    expect(pages).toBeGreaterThan(1);
    const last = text.split("\f").filter((p) => p.trim()).at(-1)!;
    expect(text.split("\f")[0]).not.toContain("PHỤ LỤC");
    expect(text).toContain("PHỤ LỤC");
    expect(last.length).toBeGreaterThan(0);
  });

  test("motto, title and the numbers as formatted", () => {
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("3.978");
    expect(text).toContain("95,78");
    expect(text).toContain("Thanh Giang, ngày 13 tháng 12 năm 2023");
  });
});
