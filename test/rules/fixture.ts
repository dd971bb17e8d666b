/** A small inline template covering every row kind and relation, for rule tests. */
import type { ReportData, TemplateDef } from "../../src/core/catalog/types";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { ratioFormula } from "../../src/core/layout/formulas";

export const T: TemplateDef = {
  id: "test-rules",
  version: "1.0.0",
  title: "Mẫu thử",
  origin: { province: "Thử", source: "test" },
  upperLevel: "UBND huyện",
  recipients: ["UBND huyện"],
  narrative: [{ id: "I", heading: "Công tác chỉ đạo" }],
  forms: [
    {
      id: "bm1",
      caption: "Biểu mẫu 1",
      title: "Công tác chỉ đạo điều hành CCHC",
      sheetName: "BM1 Chỉ đạo",
      rows: [
        { code: "1", stt: "1.", label: "Kế hoạch", unit: "", kind: "section", level: 0 },
        { code: "1.1", stt: "1.1.", label: "Số văn bản ban hành", unit: "Văn bản", kind: "count", level: 1 },
        { code: "1.2", stt: "1.2.", label: "Số nhiệm vụ được giao", unit: "Nhiệm vụ", kind: "count", level: 1 },
        { code: "1.3", stt: "1.3.", label: "Số nhiệm vụ đã hoàn thành", unit: "Nhiệm vụ", kind: "count", level: 1 },
        { code: "1.4", stt: "1.4.", label: "Tỷ lệ hoàn thành nhiệm vụ", unit: "%", kind: "ratio", level: 1, ratio: { num: ["bm1:1.3"], den: ["bm1:1.2"] } },
        { code: "2", stt: "2.", label: "Có kiểm tra CCHC", unit: "Có = 1; Không = 0", kind: "code", level: 0, codes: [{ value: 1, label: "Có" }, { value: 0, label: "Không" }] },
        { code: "2.1", stt: "2.1.", label: "Số cuộc kiểm tra", unit: "Cuộc", kind: "count", level: 1 },
        { code: "3", stt: "3.", label: "Kinh phí", unit: "Triệu đồng", kind: "money", level: 0 },
        { code: "4", stt: "4.", label: "Tỷ lệ tinh giản biên chế so với năm 2015", unit: "%", kind: "ratio", level: 0 },
        { code: "5", stt: "5.", label: "Nhận xét", unit: "", kind: "text", level: 0 },
      ],
    },
    {
      id: "bm7",
      caption: "Biểu mẫu 7",
      title: "Chính quyền điện tử",
      sheetName: "BM7 Điện tử",
      rows: [
        { code: "6", stt: "6.", label: "Tổng số hồ sơ tiếp nhận", unit: "Hồ sơ", kind: "count", level: 0 },
        { code: "6.1", stt: "6.1.", label: "Hồ sơ trực tuyến", unit: "Hồ sơ", kind: "count", level: 1 },
        { code: "6.2", stt: "6.2.", label: "Hồ sơ trực tiếp", unit: "Hồ sơ", kind: "count", level: 1 },
        { code: "6.3", stt: "6.3.", label: "Hồ sơ giải quyết đúng hạn", unit: "Hồ sơ", kind: "count", level: 1 },
        { code: "6.7", stt: "6.7.", label: "Tỷ lệ hồ sơ trực tuyến", unit: "%", kind: "ratio", level: 1, ratio: { num: ["bm7:6.1"], den: ["bm7:6"] } },
        { code: "7", stt: "7.", label: "Số văn bản (nhắc lại)", unit: "Văn bản", kind: "count", level: 0 },
        { code: "8", stt: "8.", label: "Có Hệ thống một cửa điện tử", unit: "Có = 1; Không = 0", kind: "code", level: 0, codes: [{ value: 1, label: "Có" }, { value: 0, label: "Không" }] },
      ],
    },
  ],
  relations: [
    { kind: "sum", whole: "bm7:6", parts: ["bm7:6.1", "bm7:6.2"] },
    { kind: "le", whole: "bm7:6", parts: ["bm7:6.3"] },
    { kind: "le", whole: "bm1:1.2", parts: ["bm1:1.3"] },
    { kind: "eq", a: "bm1:1.1", b: "bm7:7" },
    { kind: "requires", when: "bm1:2.1", then: "bm1:2", value: 1 },
    { kind: "requires", when: "bm7:6.1", then: "bm7:8", value: 1 },
  ],
  notes: [],
};

export function data(values: ReportData["values"]): ReportData {
  return { template: T.id, info: {}, values };
}

/** Value cell address of a key as the layout puts it: column D, rows from 7 in form order. */
export function addressOf(key: string): { sheet: string; address: string } {
  const [formId, code] = key.split(":");
  const form = T.forms.find((f) => f.id === formId)!;
  return { sheet: form.sheetName, address: `D${7 + form.rows.findIndex((r) => r.code === code)}` };
}

/** The snapshot a freshly laid-out workbook would give: ratio cells hold their formula and its result. */
export function snapshot(values: ReportData["values"], cellOverrides: Record<string, Partial<CellSnapshot>> = {}): WorkbookSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  for (const form of T.forms) {
    for (const row of form.rows) {
      if (row.kind === "section") continue;
      const key = `${form.id}:${row.code}`;
      cells[key] = { ...addressOf(key), value: values[key] ?? null, ...(row.ratio ? { formula: ratioFormula(row.ratio) } : {}), ...cellOverrides[key] };
    }
  }
  return { templateId: T.id, templateVersion: T.version, sheetNames: ["Thông tin", ...T.forms.map((f) => f.sheetName)], values: cells, notes: {}, info: {}, narrative: {}, brokenNames: [] };
}
