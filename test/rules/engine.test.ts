import { deriveRules } from "../../src/core/rules/derive";
import { checkReport, ratioAgrees, statedDecimals } from "../../src/core/rules/engine";
import type { Finding } from "../../src/core/rules/types";
import { T, data, snapshot } from "./fixture";

const check = (values: Parameters<typeof data>[0]) => checkReport(T, data(values));
const ids = (fs: Finding[]) => fs.map((f) => f.rule);

describe("deriveRules", () => {
  it("derives one readable, stable rule per row kind, ratio and relation", () => {
    expect(deriveRules(T).map((r) => `${r.id} ${r.severity}`)).toEqual([
      "type:bm1:1.1 error",
      "type:bm1:1.2 error",
      "type:bm1:1.3 error",
      "type:bm1:1.4 error",
      "ratio:bm1:1.4 error",
      "formula:bm1:1.4 error",
      "code:bm1:2 error",
      "type:bm1:2.1 error",
      "type:bm1:3 error",
      "type:bm1:4 error",
      "type:bm7:6 error",
      "type:bm7:6.1 error",
      "type:bm7:6.2 error",
      "type:bm7:6.3 error",
      "type:bm7:6.7 error",
      "ratio:bm7:6.7 error",
      "formula:bm7:6.7 error",
      "type:bm7:7 error",
      "code:bm7:8 error",
      "sum:bm7:6 error",
      "le:bm7:6 error",
      "le:bm1:1.2 error",
      "eq:bm1:1.1=bm7:7 error",
      "requires:bm1:2.1->bm1:2 error",
      "requires:bm7:6.1->bm7:8 warning",
    ]);
  });

  it("numbers a second relation on the same whole instead of reusing its id", () => {
    const t = { ...T, relations: [...T.relations, { kind: "le" as const, whole: "bm7:6", parts: ["bm7:6.1"] }] };
    expect(deriveRules(t).filter((r) => r.id.startsWith("le:bm7:6")).map((r) => r.id)).toEqual(["le:bm7:6", "le:bm7:6#2"]);
  });
});

describe("stated precision", () => {
  it.each([
    [58.7, 1],
    [91.66, 2],
    [100, 0],
    [99.95, 2],
    [4.76, 2],
    [1e-7, 7],
    [95.8, 1],
  ])("%p has %p decimals", (v, d) => expect(statedDecimals(v)).toBe(d));

  it("58,7 agrees with 277/472 = 58,686…", () => expect(ratioAgrees(58.7, 277, 472)).toBe(true));
  it("99,7 does not agree with 1142/1144 = 99,825…", () => expect(ratioAgrees(99.7, 1142, 1144)).toBe(false));
  it("99,83 and 99,8 agree with 1142/1144", () => {
    expect(ratioAgrees(99.83, 1142, 1144)).toBe(true);
    expect(ratioAgrees(99.8, 1142, 1144)).toBe(true);
  });
  it("91,66 does not agree with 33/36 = 91,666…, 91,67 and 91,7 do", () => {
    expect(ratioAgrees(91.66, 33, 36)).toBe(false);
    expect(ratioAgrees(91.67, 33, 36)).toBe(true);
    expect(ratioAgrees(91.7, 33, 36)).toBe(true);
  });
  it("100 claims completeness: wrong for 1143/1144 although it rounds to 99,91", () => {
    expect(ratioAgrees(100, 1143, 1144)).toBe(false);
    expect(ratioAgrees(100, 1144, 1144)).toBe(true);
    expect(ratioAgrees(100, 99999, 100000)).toBe(false);
  });
  it("0 claims nothing was done: right only with numerator 0", () => {
    expect(ratioAgrees(0, 0, 12)).toBe(true);
    expect(ratioAgrees(0, 1, 1000)).toBe(false);
  });
  it("the interval is closed: half a unit off still agrees (95,8 vs 95,75)", () => {
    expect(ratioAgrees(95.8, 383, 400)).toBe(true); // 95.75
    expect(ratioAgrees(95.8, 3810, 3978)).toBe(true); // 95.776…
    expect(ratioAgrees(96, 3810, 3978)).toBe(true); // no decimals: ±0.5
  });
});

describe("ratio rule", () => {
  it("flags a stated ratio the counts contradict, with the values in Vietnamese format", () => {
    const fs = check({ "bm7:6": 1144, "bm7:6.1": 1142, "bm7:6.2": 2, "bm7:6.7": 99.7 });
    expect(ids(fs)).toEqual(["ratio:bm7:6.7"]);
    expect(fs[0]).toEqual({
      rule: "ratio:bm7:6.7",
      severity: "error",
      message: 'Biểu mẫu 7, dòng 6.7 "Tỷ lệ hồ sơ trực tuyến": ghi 99,7% nhưng 1.142/1.144 = 99,83%.',
      cells: ["bm7:6.7", "bm7:6.1", "bm7:6"],
      values: { "bm7:6.7": 99.7, "bm7:6.1": 1142, "bm7:6": 1144 },
    });
    expect(fs[0].addresses).toBeUndefined();
  });

  it("passes a ratio that agrees at its precision", () => {
    expect(check({ "bm1:1.2": 472, "bm1:1.3": 277, "bm1:1.4": 58.7 })).toEqual([]);
    expect(check({ "bm1:1.2": 36, "bm1:1.3": 33, "bm1:1.4": 91.67 })).toEqual([]);
  });

  it("flags 91,66 for 33/36 and 100 for 1143/1144", () => {
    expect(check({ "bm1:1.2": 36, "bm1:1.3": 33, "bm1:1.4": 91.66 })[0].message).toBe(
      'Biểu mẫu 1, dòng 1.4 "Tỷ lệ hoàn thành nhiệm vụ": ghi 91,66% nhưng 33/36 = 91,67%.',
    );
    expect(check({ "bm1:1.2": 1144, "bm1:1.3": 1143, "bm1:1.4": 100 })[0].message).toBe(
      'Biểu mẫu 1, dòng 1.4 "Tỷ lệ hoàn thành nhiệm vụ": ghi 100% nhưng 1.143/1.144 = 99,91%.',
    );
  });

  it("prints enough decimals to show why 100 is wrong when 2 decimals would print 100", () => {
    expect(check({ "bm1:1.2": 100000, "bm1:1.3": 99999, "bm1:1.4": 100 })[0].message).toContain("= 99,999%");
  });

  it("accepts 0 with numerator 0, rejects 0 with a numerator", () => {
    expect(check({ "bm1:1.2": 12, "bm1:1.3": 0, "bm1:1.4": 0 })).toEqual([]);
    expect(ids(check({ "bm1:1.2": 12, "bm1:1.3": 1, "bm1:1.4": 0 }))).toEqual(["ratio:bm1:1.4"]);
  });

  it("is skipped when the stated ratio is blank (the sheet computes it) or a count is blank (missing is not zero)", () => {
    expect(check({ "bm1:1.2": 12, "bm1:1.3": 5 })).toEqual([]);
    expect(check({ "bm1:1.2": 12, "bm1:1.4": 0 })).toEqual([]);
    expect(check({ "bm1:1.3": 5, "bm1:1.4": 40, "bm1:1.2": null })).toEqual([]);
  });

  it("is skipped when the denominator is 0 (the formula leaves the cell blank)", () => {
    expect(check({ "bm1:1.2": 0, "bm1:1.3": 0, "bm1:1.4": 0 })).toEqual([]);
  });
});

describe("sum rule", () => {
  it("passes when whole = Σ parts and flags the difference otherwise", () => {
    expect(check({ "bm7:6": 10, "bm7:6.1": 4, "bm7:6.2": 6 })).toEqual([]);
    const fs = check({ "bm7:6": 12, "bm7:6.1": 4, "bm7:6.2": 6 });
    expect(ids(fs)).toEqual(["sum:bm7:6"]);
    expect(fs[0].message).toBe('Biểu mẫu 7, dòng 6 "Tổng số hồ sơ tiếp nhận": ghi 12 nhưng các dòng 6.1 + 6.2 = 4 + 6 = 10.');
    expect(fs[0].cells).toEqual(["bm7:6", "bm7:6.1", "bm7:6.2"]);
  });

  it("is checked only when the whole and every part are present", () => {
    expect(check({ "bm7:6": 12, "bm7:6.1": 4 })).toEqual([]);
    expect(check({ "bm7:6.1": 4, "bm7:6.2": 6 })).toEqual([]);
    expect(check({ "bm7:6": 12, "bm7:6.1": 4, "bm7:6.2": "không rõ" }).map((f) => f.rule)).toEqual(["type:bm7:6.2"]);
  });
});

describe("le rule", () => {
  it("flags a part above its whole, naming both", () => {
    const fs = check({ "bm1:1.2": 5, "bm1:1.3": 7 });
    expect(ids(fs)).toEqual(["le:bm1:1.2"]);
    expect(fs[0].message).toBe('Biểu mẫu 1, dòng 1.3 "Số nhiệm vụ đã hoàn thành": ghi 7, lớn hơn dòng 1.2 "Số nhiệm vụ được giao" (5); phần không thể vượt quá tổng.');
  });

  it("passes a part equal to its whole and skips a blank whole", () => {
    expect(check({ "bm1:1.2": 7, "bm1:1.3": 7 })).toEqual([]);
    expect(check({ "bm1:1.3": 7 })).toEqual([]);
  });
});

describe("eq rule", () => {
  it("flags the same fact reported twice with different values", () => {
    expect(check({ "bm1:1.1": 3, "bm7:7": 3 })).toEqual([]);
    const fs = check({ "bm1:1.1": 3, "bm7:7": 4 });
    expect(ids(fs)).toEqual(["eq:bm1:1.1=bm7:7"]);
    expect(fs[0].message).toContain("Biểu mẫu 7, dòng 7");
    expect(check({ "bm1:1.1": 3 })).toEqual([]);
  });
});

describe("requires rule", () => {
  it("is an error when the count sits under the yes/no question it answers (definitional)", () => {
    const fs = check({ "bm1:2.1": 2, "bm1:2": 0 });
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([["requires:bm1:2.1->bm1:2", "error"]]);
    expect(fs[0].message).toBe('Biểu mẫu 1, dòng 2 "Có kiểm tra CCHC": ghi 0 (Không) nhưng dòng 2.1 "Số cuộc kiểm tra" ghi 2; cần ghi 1 (Có).');
  });

  it("is a warning between rows that are not parent and child", () => {
    const fs = check({ "bm7:6.1": 5, "bm7:8": 0 });
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([["requires:bm7:6.1->bm7:8", "warning"]]);
  });

  it("passes when the flag is right, when nothing was counted, or when the flag is blank", () => {
    expect(check({ "bm1:2.1": 2, "bm1:2": 1 })).toEqual([]);
    expect(check({ "bm1:2.1": 0, "bm1:2": 0 })).toEqual([]);
    expect(check({ "bm1:2.1": 2 })).toEqual([]);
  });
});

describe("type rule", () => {
  it("flags text in a number cell and tells where the note belongs", () => {
    const fs = check({ "bm1:1.1": "01(CTHND)" });
    expect(ids(fs)).toEqual(["type:bm1:1.1"]);
    expect(fs[0].message).toBe('Biểu mẫu 1, dòng 1.1 "Số văn bản ban hành": ô số liệu ghi chữ "01(CTHND)" — chỉ nhập số (01) vào ô Số liệu và chuyển "(CTHND)" sang cột Ghi chú.');
    expect(check({ "bm1:3": "Chưa rõ" })[0].message).toContain("cột Ghi chú");
    expect(check({ "bm1:1.1": "-" })[0].message).toBe('Biểu mẫu 1, dòng 1.1 "Số văn bản ban hành": ô số liệu ghi chữ "-" — nếu không có thì ghi 0, nếu chưa có số liệu thì để trống.');
  });

  it("flags negative counts and money, non-integer counts, ratios outside 0–100", () => {
    expect(ids(check({ "bm1:1.1": -3 }))).toEqual(["type:bm1:1.1"]);
    expect(check({ "bm1:1.1": -3 })[0].message).toContain("số âm (-3)");
    expect(ids(check({ "bm1:3": -0.5 }))).toEqual(["type:bm1:3"]);
    expect(ids(check({ "bm1:1.1": 2.5 }))).toEqual(["type:bm1:1.1"]);
    expect(check({ "bm1:1.1": 2.5 })[0].message).toContain("2,5, không phải số nguyên");
    expect(ids(check({ "bm1:4": 120 }))).toEqual(["type:bm1:4"]);
    expect(ids(check({ "bm1:4": -1 }))).toEqual(["type:bm1:4"]);
  });

  it("accepts money with decimals, 0, and ratio inputs within 0–100", () => {
    expect(check({ "bm1:3": 12.75, "bm1:1.1": 0, "bm1:4": 4.76, "bm1:5": "Tốt" })).toEqual([]);
  });
});

describe("code rule", () => {
  it("flags an answer outside the list, listing the allowed codes with labels", () => {
    const fs = check({ "bm1:2": "Chưa rõ" });
    expect(ids(fs)).toEqual(["code:bm1:2"]);
    expect(fs[0].message).toBe('Biểu mẫu 1, dòng 2 "Có kiểm tra CCHC": ghi "Chưa rõ", không phải mã hợp lệ; chỉ nhận 1 = Có; 0 = Không.');
    expect(ids(check({ "bm1:2": 3 }))).toEqual(["code:bm1:2"]);
    expect(check({ "bm1:2": 1 })).toEqual([]);
    expect(check({ "bm1:2": 0 })).toEqual([]);
  });
});

describe("engine", () => {
  it("finds nothing on an empty report: a rule with no values is skipped", () => {
    expect(check({})).toEqual([]);
    expect(check({ "bm1:1.1": null, "bm1:2": "", "bm7:6": null })).toEqual([]);
  });

  it("sorts errors first, then by form and row order", () => {
    const fs = check({ "bm7:8": 0, "bm1:2.1": 1, "bm1:2": 0, "bm7:6": 5, "bm7:6.1": 1, "bm7:6.2": 1, "bm1:1.1": -1, "bm7:7": -1 });
    expect(ids(fs)).toEqual(["type:bm1:1.1", "requires:bm1:2.1->bm1:2", "sum:bm7:6", "type:bm7:7", "requires:bm7:6.1->bm7:8"]);
  });
});

describe("workbook snapshot", () => {
  const counts = { "bm7:6": 3978, "bm7:6.1": 3810, "bm7:6.2": 168 };

  it("finds nothing in an intact workbook", () => {
    const values = { ...counts, "bm7:6.7": 95.78 };
    expect(checkReport(T, data(values), snapshot(values))).toEqual([]);
  });

  it("reports a ratio formula overwritten with a number, comparing it with the formula's result", () => {
    const values = { ...counts, "bm7:6.7": 95.8 };
    const fs = checkReport(T, data(values), snapshot(values, { "bm7:6.7": { formula: undefined } }));
    expect(ids(fs)).toEqual(["formula:bm7:6.7"]);
    expect(fs[0].severity).toBe("error");
    expect(fs[0].message).toBe(
      "Biểu mẫu 7, dòng 6.7 \"Tỷ lệ hồ sơ trực tuyến\" (ô 'BM7 Điện tử'!D11): công thức bị ghi đè bằng số 95,8; công thức sẽ cho 3.810/3.978 = 95,78%. Hãy khôi phục công thức để tỷ lệ tự cập nhật.",
    );
    expect(fs[0].addresses).toEqual(["'BM7 Điện tử'!D11", "'BM7 Điện tử'!D8", "'BM7 Điện tử'!D7"]);
  });

  it("reports an overwritten formula once even when the typed number contradicts the counts", () => {
    const values = { ...counts, "bm7:6.7": 99 };
    expect(ids(checkReport(T, data(values), snapshot(values, { "bm7:6.7": { formula: undefined } })))).toEqual(["formula:bm7:6.7"]);
  });

  it("reports a formula overwritten with text once, as an overwritten formula", () => {
    const values = { ...counts, "bm7:6.7": "khoảng 96%" };
    const fs = checkReport(T, data(values), snapshot(values, { "bm7:6.7": { formula: undefined } }));
    expect(ids(fs)).toEqual(["formula:bm7:6.7"]);
    expect(fs[0].message).toContain('bị ghi đè bằng chữ "khoảng 96%"');
  });

  it("reports a cleared formula cell", () => {
    const fs = checkReport(T, data(counts), snapshot(counts, { "bm7:6.7": { formula: undefined, value: null } }));
    expect(ids(fs)).toEqual(["formula:bm7:6.7"]);
    expect(fs[0].message).toContain("công thức bị xóa (ô để trống)");
  });

  it("warns about an edited formula, but not about case or spacing", () => {
    const values = { ...counts, "bm7:6.7": 95.78 };
    const edited = checkReport(T, data(values), snapshot(values, { "bm7:6.7": { formula: "=ROUND(CCHC_bm7_6_1/CCHC_bm7_6*100,2)" } }));
    expect(edited.map((f) => [f.rule, f.severity])).toEqual([["formula:bm7:6.7", "warning"]]);
    const respaced = snapshot(values);
    respaced.values["bm7:6.7"].formula = respaced.values["bm7:6.7"].formula!.toLowerCase().replace(/,/g, ", ");
    expect(checkReport(T, data(values), respaced)).toEqual([]);
  });

  it("reports a deleted row (#REF! name) once, whether its value or note name broke", () => {
    const values = { "bm7:6": 10, "bm7:6.2": 6 };
    const snap = snapshot(values);
    delete snap.values["bm7:6.1"];
    snap.brokenNames.push("CCHC_bm7_6_1", "CCHC_note_bm7_6_1");
    const fs = checkReport(T, data(values), snap);
    expect(ids(fs)).toEqual(["deleted:bm7:6.1"]);
    expect(fs[0].message).toContain("dòng đã bị xóa");
    expect(fs[0].message).toContain('Biểu mẫu 7, dòng 6.1 "Hồ sơ trực tuyến"');
  });

  it("reports a deleted form sheet once, not each of its rows", () => {
    const snap = snapshot({});
    snap.sheetNames = snap.sheetNames.filter((s) => s !== "BM7 Điện tử");
    for (const k of Object.keys(snap.values)) if (k.startsWith("bm7:")) delete snap.values[k];
    snap.brokenNames.push("CCHC_bm7_6", "CCHC_bm7_6_1", "CCHC_bm7_6_7");
    const fs = checkReport(T, data({}), snap);
    expect(ids(fs)).toEqual(["sheet:bm7"]);
    expect(fs[0].message).toContain("biểu đã bị xóa");
    expect(fs[0].message).toContain("BM7 Điện tử");
  });

  it("checks type and code rules on values read from a workbook", () => {
    const values = { "bm1:1.1": "01(CTHND)", "bm1:2": 3 };
    const fs = checkReport(T, data(values), snapshot(values));
    expect(ids(fs)).toEqual(["type:bm1:1.1", "code:bm1:2"]);
    expect(fs[0].addresses).toEqual(["'BM1 Chỉ đạo'!D8"]);
  });
});
