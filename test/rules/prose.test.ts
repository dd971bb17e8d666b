import { proseFindings } from "../../src/core/rules/prose";
import type { ReportData } from "../../src/core/catalog/types";
import { T } from "./fixture";

// In the fixture, bm7:6.7 = bm7:6.1 / bm7:6 × 100 (online records of all records).
const withText = (text: string, values: ReportData["values"] = { "bm7:6": 3978, "bm7:6.1": 3810 }): ReportData => ({
  template: T.id,
  info: {},
  values,
  narrative: { I: text },
});

describe("percentages in staff paragraphs", () => {
  it("accepts a share that agrees at its stated precision", () => {
    expect(proseFindings(T, withText("Tiếp nhận trực tuyến 3.810 hồ sơ, đạt 95,78%."))).toEqual([]);
    expect(proseFindings(T, withText("Trực tuyến 3.810 hồ sơ (95,8 %)."))).toEqual([]);
  });

  it("warns when the clause names a form's numerator with another share", () => {
    const [f, ...rest] = proseFindings(T, withText("Bộ phận một cửa tiếp nhận 3.978 hồ sơ (trực tuyến 3.810 hồ sơ đạt 99,8%; trực tiếp 168 hồ sơ)."));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "prose:I#1", severity: "warning", cells: ["bm7:6.7"], values: { stated: 99.8, computed: 95.78 } });
    expect(f.message).toBe(
      'Thuyết minh mục I: đoạn văn ghi "3.810 … 99,8%" nhưng Biểu mẫu 7, dòng 6.7 tính ra 3.810/3.978 = 95,78%. Hãy sửa đoạn văn cho khớp, hoặc để add-in tự viết câu số liệu.',
    );
  });

  it("treats 100% as a claim of completeness", () => {
    const values = { "bm7:6": 1290, "bm7:6.1": 1288 };
    expect(proseFindings(T, withText("Đã tiếp nhận trực tuyến 1.288 hồ sơ, đạt 100%.", values))).toHaveLength(1);
    expect(proseFindings(T, withText("Đã tiếp nhận trực tuyến 1.290 hồ sơ, đạt 100%.", { "bm7:6": 1290, "bm7:6.1": 1290 }))).toEqual([]);
  });

  it("says nothing of a share whose count is on no form, or of another sentence's count", () => {
    expect(proseFindings(T, withText("Số hóa 1.269 hồ sơ, bằng 98,4%."))).toEqual([]);
    expect(proseFindings(T, withText("Trực tuyến 3.810 hồ sơ. Cán bộ đạt chuẩn 90%."))).toEqual([]);
    expect(proseFindings(T, withText("Trực tuyến 3.810 hồ sơ đạt 99,8%.", {}))).toEqual([]);
  });
});

it("does not take a small number for a form's numerator", () => {
  expect(proseFindings(T, withText("Có 5 cán bộ, đạt 50%.", { "bm7:6": 10, "bm7:6.1": 5 }))).toEqual([]);
});
