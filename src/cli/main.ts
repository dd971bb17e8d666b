/** `cchc`: the headless face of the same pipeline the add-in runs (catalog → layout → rules → Word). */
import { parseArgs } from "node:util";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { BUILTIN_TEMPLATES, valueRows } from "../core/catalog";
import { buildLayoutPlan } from "../core/layout/plan";
import { planToXlsxBuffer } from "../xlsx/write";
import { loadExtraTemplates, loadValuesFile, requireTemplate, UsageError } from "./input";
import { asciiSlug } from "../core/format/vi";

export const HELP = `cchc — Báo cáo cải cách hành chính cấp xã (dòng lệnh)

Cách dùng:
  cchc templates [--json]                      Liệt kê các mẫu biểu có sẵn
  cchc fields --template ID [--json]           Liệt kê các dòng (mã, chỉ tiêu, đơn vị, loại) của một mẫu
  cchc new --template ID [--data values.json] [--out tệp.xlsx]
                                               Lập bảng tính biểu mẫu (điền số liệu nếu có --data)
  cchc check TỆP [--json]                      Kiểm tra số liệu của bảng tính .xlsx hoặc tệp số liệu .json
  cchc report TỆP [--out tệp.docx] [--draft]   Xuất báo cáo Word (--draft: bản dự thảo dù còn lỗi)
  cchc merge TỆP… --out tệp.xlsx               Tổng hợp số liệu nhiều đơn vị cùng mẫu
  cchc demo [--out thư-mục]                    Chạy thử trên số liệu mẫu (xã Thanh Giang, năm 2023)

Tùy chọn chung:
  --template-file TỆP   Thêm mẫu biểu riêng của tỉnh (tệp JSON theo template.schema.json); lặp lại được
  -h, --help            Hiển thị hướng dẫn này

Mã thoát: 0 hợp lệ · 1 số liệu có lỗi · 2 dữ liệu vào không dùng được

English: cchc lays out the commune CCHC report forms as .xlsx (new), checks the data (check),
writes the Word report (report) and consolidates communes (merge). FILE is a workbook laid out by
the add-in or by "cchc new", or a values file {"template", "info", "values", "notes", "narrative"}.
Exit codes: 0 fine, 1 the data has errors, 2 unusable input.
`;

type Args = ReturnType<typeof parse>;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      json: { type: "boolean" },
      template: { type: "string" },
      "template-file": { type: "string", multiple: true },
      data: { type: "string" },
      out: { type: "string", short: "o" },
      draft: { type: "boolean" },
    },
  });
}

function writeOut(file: string, content: Buffer | string): string {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function cmdTemplates(args: Args): Promise<number> {
  const extra = loadExtraTemplates(args.values["template-file"] ?? []);
  const all = [...extra, ...BUILTIN_TEMPLATES];
  if (args.values.json) {
    console.log(JSON.stringify(all.map((t) => ({ id: t.id, version: t.version, title: t.title, province: t.origin.province, forms: t.forms.map((f) => f.id), rows: valueRows(t).length })), null, 2));
    return 0;
  }
  for (const t of all) {
    console.log(`${t.id}  (phiên bản ${t.version})  ${t.title}`);
    console.log(`    ${t.origin.province} · ${t.forms.length} biểu: ${t.forms.map((f) => f.caption).join(", ")} · ${valueRows(t).length} chỉ tiêu`);
  }
  return 0;
}

const KIND_LABEL = { section: "mục", count: "số lượng", money: "tiền", ratio: "tỷ lệ", code: "mã hóa", text: "chữ" } as const;

async function cmdFields(args: Args): Promise<number> {
  const extra = loadExtraTemplates(args.values["template-file"] ?? []);
  const template = requireTemplate(args.values.template, extra);
  const rows = valueRows(template);
  if (args.values.json) {
    console.log(JSON.stringify(rows.map(({ key, row }) => ({ key, label: row.label, unit: row.unit, kind: row.kind, ...(row.codes ? { codes: row.codes } : {}), ...(row.ratio ? { ratio: row.ratio } : {}) })), null, 2));
    return 0;
  }
  for (const { key, row } of rows) {
    const extraText = row.ratio ? ` = (${row.ratio.num.join(" + ")}) / (${row.ratio.den.join(" + ")}) × 100` : row.codes ? ` [${row.codes.map((c) => `${c.value}=${c.label}`).join(", ")}]` : "";
    console.log(`${key.padEnd(16)} ${KIND_LABEL[row.kind].padEnd(9)} ${(row.unit || "-").padEnd(12)} ${row.label}${extraText}`);
  }
  return 0;
}

async function cmdNew(args: Args): Promise<number> {
  const extra = loadExtraTemplates(args.values["template-file"] ?? []);
  const loaded = args.values.data ? loadValuesFile(args.values.data, extra) : undefined;
  const template = loaded && !args.values.template ? loaded.template : requireTemplate(args.values.template, extra);
  if (loaded && loaded.template.id !== template.id) throw new UsageError(`Tệp số liệu dùng mẫu "${loaded.template.id}", khác với --template ${template.id}.`);
  const plan = buildLayoutPlan(template, loaded?.data);
  const unit = loaded?.data.info.unitName ? `-${asciiSlug(loaded.data.info.unitName)}` : "";
  const out = writeOut(args.values.out ?? `BM-CCHC-${template.id}${unit}.xlsx`, await planToXlsxBuffer(plan));
  console.log(`Đã lập bảng tính: ${out}`);
  return 0;
}

const COMMANDS: Record<string, (args: Args) => Promise<number>> = {
  templates: cmdTemplates,
  fields: cmdFields,
  new: cmdNew,
};

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    console.error(`Tham số không hợp lệ: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [command] = args.positionals;
  if (args.values.help || !command) {
    console.log(HELP);
    return command || args.values.help ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Không có lệnh "${command}".\n\n${HELP}`);
    return 2;
  }
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}
