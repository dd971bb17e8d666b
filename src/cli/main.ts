/* global Buffer, __dirname, console */
/** `cchc`: the headless face of the same pipeline the add-in runs (catalog → layout → rules → Word). */
import { parseArgs } from "node:util";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { BUILTIN_TEMPLATES, valueRows } from "../core/catalog";
import { buildLayoutPlan } from "../core/layout/plan";
import { planToXlsxBuffer } from "../xlsx/write";
import { loadExtraTemplates, loadReport, loadValuesFile, requireTemplate, UsageError } from "./input";
import { asciiSlug, formatNumber } from "../core/format/vi";
import { computeRatio } from "../core/compute";
import { unitTitle } from "../core/info";
import { mergeReports } from "../core/merge";
import { cmdCheck } from "./check";
import { cmdReport } from "./report";

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
    console.log(
      JSON.stringify(
        all.map((t) => ({
          id: t.id,
          version: t.version,
          title: t.title,
          province: t.origin.province,
          forms: t.forms.map((f) => f.id),
          rows: valueRows(t).length,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  for (const t of all) {
    console.log(`${t.id}  (phiên bản ${t.version})  ${t.title}`);
    console.log(
      `    ${t.origin.province} · ${t.forms.length} biểu: ${t.forms.map((f) => f.caption).join(", ")} · ${valueRows(t).length} chỉ tiêu`,
    );
  }
  return 0;
}

const KIND_LABEL = { section: "mục", count: "số lượng", money: "tiền", ratio: "tỷ lệ", code: "mã hóa", text: "chữ" } as const;

async function cmdFields(args: Args): Promise<number> {
  const extra = loadExtraTemplates(args.values["template-file"] ?? []);
  const template = requireTemplate(args.values.template, extra);
  const rows = valueRows(template);
  if (args.values.json) {
    console.log(
      JSON.stringify(
        rows.map(({ key, row }) => ({
          key,
          label: row.label,
          unit: row.unit,
          kind: row.kind,
          ...(row.codes ? { codes: row.codes } : {}),
          ...(row.ratio ? { ratio: row.ratio } : {}),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  for (const { key, row } of rows) {
    const extraText = row.ratio
      ? ` = (${row.ratio.num.join(" + ")}) / (${row.ratio.den.join(" + ")}) × 100`
      : row.codes
        ? ` [${row.codes.map((c) => `${c.value}=${c.label}`).join(", ")}]`
        : "";
    console.log(`${key.padEnd(16)} ${KIND_LABEL[row.kind].padEnd(9)} ${(row.unit || "-").padEnd(12)} ${row.label}${extraText}`);
  }
  return 0;
}

async function cmdNew(args: Args): Promise<number> {
  const extra = loadExtraTemplates(args.values["template-file"] ?? []);
  const loaded = args.values.data ? loadValuesFile(args.values.data, extra) : undefined;
  const template = loaded && !args.values.template ? loaded.template : requireTemplate(args.values.template, extra);
  if (loaded && loaded.template.id !== template.id)
    throw new UsageError(`Tệp số liệu dùng mẫu "${loaded.template.id}", khác với --template ${template.id}.`);
  const plan = buildLayoutPlan(template, loaded?.data);
  // A ratio typed in the values file gives way to the live formula: say so, never silently.
  for (const { key, row } of valueRows(template)) {
    const typed = loaded?.data.values[key];
    if (!row.ratio || typed === undefined || typed === null || typed === "") continue;
    const computed = computeRatio(row.ratio, (k) => loaded!.data.values[k]);
    if (computed === typed) continue;
    const shown = computed === undefined ? "để trống (thiếu số liệu)" : formatNumber(computed);
    console.log(
      `Lưu ý: dòng ${key} ghi tỷ lệ ${typeof typed === "number" ? formatNumber(typed) : `"${typed}"`}; bảng tính dùng công thức, cho kết quả ${shown}.`,
    );
  }
  const unit = loaded?.data.info.unitName ? `-${asciiSlug(loaded.data.info.unitName)}` : "";
  const out = writeOut(args.values.out ?? `BM-CCHC-${template.id}${unit}.xlsx`, await planToXlsxBuffer(plan));
  console.log(`Đã lập bảng tính: ${out}`);
  return 0;
}

function fileArgument(args: Args, what: string): string {
  const file = args.positionals[1];
  if (!file) throw new UsageError(`Thiếu ${what}. Xem: cchc --help`);
  return file;
}

async function cmdMerge(args: Args): Promise<number> {
  const extra = loadExtraTemplates(args.values["template-file"] ?? []);
  const files = args.positionals.slice(1);
  if (files.length < 2) throw new UsageError("Cần ít nhất hai tệp để tổng hợp: cchc merge TỆP1 TỆP2 … --out tong-hop.xlsx");
  if (!args.values.out) throw new UsageError("Thiếu --out tệp.xlsx cho bảng tổng hợp.");
  const loaded = await Promise.all(files.map((f) => loadReport(f, extra)));
  const template = loaded[0].template;
  const other = loaded.findIndex((l) => l.template.id !== template.id);
  if (other >= 0)
    throw new UsageError(
      `Không tổng hợp được: "${files[0]}" dùng mẫu ${template.id}, còn "${files[other]}" dùng mẫu ${loaded[other].template.id}.`,
    );
  const first = loaded[0].data.info;
  const merged = mergeReports(
    template,
    loaded.map((l, i) => ({
      source: l.data.info.unitName ? unitTitle({ unitKind: l.data.info.unitKind ?? "xã", unitName: l.data.info.unitName }) : files[i],
      data: l.data,
    })),
    {
      period: first.period,
      year: first.year,
      windowFrom: first.windowFrom,
      windowTo: first.windowTo,
      unitKind: "",
      unitName: `Tổng hợp ${files.length} đơn vị`,
    },
  );
  const out = writeOut(args.values.out, await planToXlsxBuffer(buildLayoutPlan(template, merged.data)));
  console.log(`Đã tổng hợp ${files.length} tệp (mẫu ${template.id}): ${out}`);
  if (merged.notSummed.length)
    console.log(`Để trống ${merged.notSummed.length} dòng không cộng được (mã hóa, chữ, tỷ lệ nhập tay): ${merged.notSummed.join(", ")}`);
  merged.problems.forEach((p) => console.error(`Lỗi: ${p}`));
  return merged.problems.length ? 1 : 0;
}

/** The main job on bundled example data: workbook, checks, Word report — no Excel needed. */
async function cmdDemo(args: Args): Promise<number> {
  const dir = resolve(args.values.out ?? "out/demo");
  const example = resolve(__dirname, "examples/thanh-giang-2023.values.json");
  const xlsx = `${dir}/BM-CCHC-Nam-2023-xa-Thanh-Giang.xlsx`;
  console.log("1. Kiểm tra số liệu như báo cáo gốc của xã đã gõ tay (có những chỗ mâu thuẫn)");
  await cmdCheck(example, {});
  console.log("\n2. Lập bảng tính biểu mẫu: các tỷ lệ thành công thức tự tính");
  await cmdNew({ ...args, values: { ...args.values, data: example, out: xlsx, template: undefined } });
  console.log("\n3. Kiểm tra bảng tính vừa lập");
  const checked = await cmdCheck(xlsx, {});
  console.log("\n4. Xuất báo cáo Word" + (checked ? " (còn lỗi nên xuất bản dự thảo)" : ""));
  await cmdReport(xlsx, { out: `${dir}/BC-CCHC-Nam-2023-xa-Thanh-Giang${checked ? "-du-thao" : ""}.docx`, draft: checked !== 0 });
  console.log(`\nKết quả:\n  ${xlsx}\n  ${dir}/BC-CCHC-Nam-2023-xa-Thanh-Giang${checked ? "-du-thao" : ""}.docx`);
  return 0;
}

const COMMANDS: Record<string, (args: Args) => Promise<number>> = {
  templates: cmdTemplates,
  fields: cmdFields,
  new: cmdNew,
  check: (a) => cmdCheck(fileArgument(a, "TỆP cần kiểm tra"), { json: a.values.json, templateFiles: a.values["template-file"] }),
  report: (a) =>
    cmdReport(fileArgument(a, "TỆP để xuất báo cáo"), {
      out: a.values.out,
      draft: a.values.draft,
      templateFiles: a.values["template-file"],
    }),
  merge: cmdMerge,
  demo: cmdDemo,
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
