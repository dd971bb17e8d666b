/** Reading what the CLI is given: a values file (.json) or a laid-out workbook (.xlsx). */
import { readFileSync, existsSync } from "node:fs";
import { extname } from "node:path";
import type { ReportData, TemplateDef } from "../core/catalog/types";
import { findTemplate } from "../core/catalog";
import { parseTemplateFile } from "../core/catalog/import";
import { parseValuesFile } from "../core/data";
import { snapshotToReportData, type WorkbookSnapshot } from "../core/snapshot";
import { readXlsxSnapshot } from "../xlsx/read";

/** Unusable input: exit code 2 with a Vietnamese message saying what and where. */
export class UsageError extends Error {}

export interface LoadedReport {
  template: TemplateDef;
  data: ReportData;
  /** Present when the input was a workbook: where each value lives, and its formula. */
  snapshot?: WorkbookSnapshot;
}

export function readText(file: string): string {
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp "${file}".`);
  return readFileSync(file, "utf8");
}

/** Templates given with --template-file (a province's own form). */
export function loadExtraTemplates(files: string[]): TemplateDef[] {
  return files.map((file) => {
    const check = parseTemplateFile(readText(file));
    if (!check.ok) throw new UsageError(`Tệp mẫu "${file}" không hợp lệ:\n- ${check.errors.join("\n- ")}`);
    return check.template;
  });
}

export function requireTemplate(id: string | undefined, extra: TemplateDef[]): TemplateDef {
  if (!id) throw new UsageError("Thiếu --template ID. Xem danh sách mẫu: cchc templates");
  const t = findTemplate(id, extra);
  if (!t) throw new UsageError(`Không có mẫu "${id}". Xem danh sách mẫu: cchc templates`);
  return t;
}

export function loadValuesFile(file: string, extra: TemplateDef[]): { template: TemplateDef; data: ReportData } {
  const check = parseValuesFile(readText(file), extra);
  if (!check.ok) throw new UsageError(`Tệp số liệu "${file}" không dùng được:\n- ${check.errors.join("\n- ")}`);
  return { template: check.template, data: check.data };
}

export async function loadReport(file: string, extra: TemplateDef[]): Promise<LoadedReport> {
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return loadValuesFile(file, extra);
  if (ext !== ".xlsx") throw new UsageError(`Tệp "${file}": chỉ nhận bảng tính .xlsx hoặc tệp số liệu .json.`);
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp "${file}".`);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsxSnapshot(readFileSync(file));
  } catch (e) {
    throw new UsageError(`Tệp "${file}": ${(e as Error).message}`);
  }
  if (!snapshot.templateId)
    throw new UsageError(
      `Tệp "${file}" không phải bảng tính do Báo cáo CCHC lập (thiếu thông tin mẫu biểu). Hãy lập biểu bằng add-in hoặc lệnh "cchc new".`,
    );
  let template = findTemplate(snapshot.templateId, extra);
  if (!template && snapshot.embeddedTemplate) {
    // A province's imported template travels inside the workbook.
    const check = parseTemplateFile(snapshot.embeddedTemplate);
    if (!check.ok) throw new UsageError(`Tệp "${file}": mẫu biểu lưu kèm không hợp lệ:\n- ${check.errors.join("\n- ")}`);
    template = check.template;
  }
  if (!template)
    throw new UsageError(`Tệp "${file}" dùng mẫu "${snapshot.templateId}" không có trong danh mục; thêm tệp mẫu bằng --template-file.`);
  return { template, data: snapshotToReportData(template, snapshot), snapshot };
}
