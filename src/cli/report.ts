/* global console */
/** `cchc report FILE [--out tệp.docx] [--draft]`: writes the Word report of a workbook or values file. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ReportData, TemplateDef } from "../core/catalog/types";
import { completeInfo } from "../core/info";
import { documentModel } from "../core/report/narrative";
import { reportFileName } from "../core/report/filename";
import { checkReport } from "../core/rules/engine";
import type { Finding } from "../core/rules/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { buildReportDocx, packReport } from "../word/build";
import { loadExtraTemplates, loadReport } from "./input";

/** The rules' findings, split into what blocks a final report (errors) and what is only shown (warnings). */
export function blockingFindings(
  template: TemplateDef,
  data: ReportData,
  snapshot?: WorkbookSnapshot,
): { errors: Finding[]; warnings: Finding[] } {
  const findings = checkReport(template, data, snapshot);
  return { errors: findings.filter((f) => f.severity === "error"), warnings: findings.filter((f) => f.severity === "warning") };
}

const show = (f: Finding) => {
  const where = f.addresses?.length && !f.message.includes(f.addresses[0]) ? ` [${f.addresses[0]}]` : "";
  return `  ${f.severity === "error" ? "Lỗi" : "Cảnh báo"}: ${f.message}${where}`;
};

/**
 * Exit 0 when the file is written, 1 when errors in the data block a final report
 * (nothing is written; --draft writes a marked draft anyway). UsageError propagates (exit 2).
 */
export async function cmdReport(file: string, opts: { out?: string; draft?: boolean; templateFiles?: string[] } = {}): Promise<number> {
  const extra = loadExtraTemplates(opts.templateFiles ?? []);
  const { template, data, snapshot } = await loadReport(file, extra);
  const { errors, warnings } = blockingFindings(template, data, snapshot);
  const draft = !!opts.draft;

  if (errors.length) {
    console.error(`Số liệu còn ${errors.length} lỗi:`);
    errors.forEach((f) => console.error(show(f)));
    if (!draft) {
      console.error("Chưa xuất báo cáo. Hãy sửa các lỗi trên rồi chạy lại, hoặc dùng --draft để xuất bản dự thảo.");
      return 1;
    }
  }
  if (warnings.length) {
    console.log(`Cần xem lại ${warnings.length} điểm:`);
    warnings.forEach((f) => console.log(show(f)));
  }

  const model = documentModel(template, data, { draft });
  const bytes = await packReport(buildReportDocx(model));
  const out = resolve(opts.out ?? reportFileName(completeInfo(template, data.info), { draft }));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`${draft ? "Đã xuất bản dự thảo" : "Đã xuất báo cáo"}: ${out}`);
  return 0;
}
