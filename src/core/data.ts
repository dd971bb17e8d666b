/** Values files ({"template", "info", "values", "notes", "narrative"}): parsing and checking their shape. */
import type { ReportData, TemplateDef } from "./catalog/types";
import { findTemplate, rowIndex } from "./catalog";

export type DataCheck = { ok: true; data: ReportData; template: TemplateDef } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks a parsed values file against the catalog; every message names the field or key at fault. */
export function checkValuesData(input: unknown, extraTemplates: readonly TemplateDef[] = []): DataCheck {
  if (!isRecord(input)) return { ok: false, errors: ["Tệp số liệu phải là một đối tượng JSON { template, info, values, … }."] };
  const errors: string[] = [];
  if (typeof input.template !== "string")
    return { ok: false, errors: ['Trường "template" bị thiếu: cần mã mẫu biểu, ví dụ "bieu-mau-1-7".'] };
  const template = findTemplate(input.template, extraTemplates);
  if (!template)
    return { ok: false, errors: [`Trường "template": không có mẫu "${input.template}". Xem danh sách bằng lệnh: cchc templates`] };
  const rows = rowIndex(template);
  for (const field of ["info", "values", "notes", "narrative", "sentences"] as const) {
    if (input[field] !== undefined && !isRecord(input[field])) errors.push(`Trường "${field}" phải là một đối tượng JSON.`);
  }
  const values = isRecord(input.values) ? input.values : {};
  for (const [key, v] of Object.entries(values)) {
    const row = rows.get(key);
    if (!row) errors.push(`Trường "values": dòng "${key}" không có trong mẫu "${template.id}".`);
    else if (row.row.kind === "section") errors.push(`Trường "values": dòng "${key}" là tiêu đề mục, không nhận số liệu.`);
    else if (v !== null && typeof v !== "number" && typeof v !== "string") errors.push(`Trường "values.${key}" phải là số hoặc chữ.`);
  }
  const notes = isRecord(input.notes) ? input.notes : {};
  for (const key of Object.keys(notes))
    if (!rows.has(key)) errors.push(`Trường "notes": dòng "${key}" không có trong mẫu "${template.id}".`);
  const narrative = isRecord(input.narrative) ? input.narrative : {};
  const sections = new Set(template.narrative.map((s) => s.id));
  for (const id of Object.keys(narrative))
    if (!sections.has(id)) errors.push(`Trường "narrative": mục "${id}" không có trong đề cương của mẫu.`);
  const sentences = isRecord(input.sentences) ? input.sentences : {};
  for (const [id, v] of Object.entries(sentences)) {
    if (!rows.has(id)) errors.push(`Trường "sentences": câu "${id}" không ứng với dòng nào của mẫu.`);
    else if (v !== null && typeof v !== "string") errors.push(`Trường "sentences.${id}" phải là câu viết lại (chữ) hoặc null để bỏ câu.`);
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    template,
    data: {
      template: template.id,
      templateVersion: typeof input.templateVersion === "string" ? input.templateVersion : undefined,
      info: (input.info ?? {}) as ReportData["info"],
      values: values as ReportData["values"],
      notes: notes as Record<string, string>,
      narrative: narrative as Record<string, string>,
      sentences: sentences as Record<string, string | null>,
    },
  };
}

export function parseValuesFile(text: string, extraTemplates: readonly TemplateDef[] = []): DataCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Tệp số liệu không phải JSON hợp lệ: ${(e as Error).message}`] };
  }
  return checkValuesData(data, extraTemplates);
}
