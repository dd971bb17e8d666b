/**
 * Checks a template file a province supplies (task pane import, `cchc templates --import`).
 * The JSON schema catches shape errors; the checks below catch what a schema cannot
 * (duplicate keys, references to rows that do not exist, a ratio on a non-ratio row).
 * Every message is Vietnamese and names the field.
 */
import Ajv, { type ErrorObject } from "ajv";
import schema from "./template.schema.json";
import type { TemplateDef } from "./types";
import { templateRows } from "./index";

export type TemplateCheck = { ok: true; template: TemplateDef } | { ok: false; errors: string[] };

const RESERVED_FORM_IDS = ["note", "info", "nar", "use", "sen"];

let validateShape: ReturnType<Ajv["compile"]> | undefined;

function describeAjvError(e: ErrorObject): string {
  const field = e.instancePath ? e.instancePath.replace(/^\//, "").replace(/\//g, ".") : "(gốc)";
  switch (e.keyword) {
    case "required":
      return `Trường "${field === "(gốc)" ? "" : field + "."}${(e.params as { missingProperty: string }).missingProperty}" bị thiếu.`;
    case "additionalProperties":
      return `Trường "${field}" có khóa không được phép: "${(e.params as { additionalProperty: string }).additionalProperty}".`;
    case "enum":
      return `Trường "${field}" phải là một trong: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(", ")}.`;
    case "type":
      return `Trường "${field}" phải có kiểu ${(e.params as { type: string }).type}.`;
    case "pattern":
      return `Trường "${field}" không đúng định dạng (${(e.params as { pattern: string }).pattern}).`;
    case "minItems":
      return `Trường "${field}" phải có ít nhất ${(e.params as { limit: number }).limit} phần tử.`;
    case "maxLength":
      return `Trường "${field}" dài quá ${(e.params as { limit: number }).limit} ký tự.`;
    case "minLength":
      return `Trường "${field}" không được để trống.`;
    default:
      return `Trường "${field}": ${e.message ?? e.keyword}.`;
  }
}

export function checkTemplate(input: unknown): TemplateCheck {
  validateShape ??= new Ajv({ allErrors: true }).compile(schema);
  if (!validateShape(input)) {
    // oneOf errors repeat for each branch; keep the distinct messages.
    const errors = [...new Set((validateShape.errors ?? []).filter((e) => e.keyword !== "oneOf").map(describeAjvError))];
    return { ok: false, errors };
  }
  const template = input as TemplateDef;
  const errors: string[] = [];
  const formIds = new Set<string>();
  const sheetNames = new Set<string>();
  template.forms.forEach((form, fi) => {
    if (formIds.has(form.id)) errors.push(`Trường "forms.${fi}.id": mã biểu "${form.id}" bị trùng.`);
    // These words prefix the workbook's other names (CCHC_note_…, CCHC_info_…): a form may not take them.
    if (RESERVED_FORM_IDS.includes(form.id)) errors.push(`Trường "forms.${fi}.id": "${form.id}" là từ dành riêng, hãy đặt mã biểu khác.`);
    formIds.add(form.id);
    const lower = form.sheetName.toLowerCase();
    if (sheetNames.has(lower)) errors.push(`Trường "forms.${fi}.sheetName": tên sheet "${form.sheetName}" bị trùng.`);
    sheetNames.add(lower);
    form.rows.forEach((row, ri) => {
      const at = `forms.${fi}.rows.${ri}`;
      if (row.kind === "code" && !row.codes) errors.push(`Trường "${at}.codes" bị thiếu: dòng mã hóa cần danh sách mã.`);
      if (row.kind !== "code" && row.codes) errors.push(`Trường "${at}.codes" chỉ dùng cho dòng kiểu "code".`);
      if (row.ratio && row.kind !== "ratio") errors.push(`Trường "${at}.ratio" chỉ dùng cho dòng kiểu "ratio".`);
    });
  });
  const keys = new Set<string>();
  for (const { key } of templateRows(template)) {
    if (keys.has(key)) errors.push(`Mã dòng "${key}" bị trùng.`);
    keys.add(key);
  }
  const mustExist = (key: string, field: string) => {
    if (!keys.has(key)) errors.push(`Trường "${field}": dòng "${key}" không có trong mẫu.`);
  };
  template.forms.forEach((form, fi) =>
    form.rows.forEach((row, ri) => {
      row.ratio?.num.forEach((k, i) => mustExist(k, `forms.${fi}.rows.${ri}.ratio.num.${i}`));
      row.ratio?.den.forEach((k, i) => mustExist(k, `forms.${fi}.rows.${ri}.ratio.den.${i}`));
    }),
  );
  template.relations.forEach((rel, i) => {
    const at = `relations.${i}`;
    if (rel.kind === "sum" || rel.kind === "le") {
      mustExist(rel.whole, `${at}.whole`);
      rel.parts.forEach((k, j) => mustExist(k, `${at}.parts.${j}`));
    } else if (rel.kind === "eq") {
      mustExist(rel.a, `${at}.a`);
      mustExist(rel.b, `${at}.b`);
    } else {
      mustExist(rel.when, `${at}.when`);
      mustExist(rel.then, `${at}.then`);
    }
  });
  template.narrative.forEach((s, i) => s.facts?.forEach((k, j) => mustExist(k, `narrative.${i}.facts.${j}`)));
  return errors.length ? { ok: false, errors } : { ok: true, template };
}

/** Parses and checks a template file's text; a JSON syntax error is reported too. */
export function parseTemplateFile(text: string): TemplateCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Tệp mẫu không phải JSON hợp lệ: ${(e as Error).message}`] };
  }
  return checkTemplate(data);
}
