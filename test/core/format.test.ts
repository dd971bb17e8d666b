import { asciiSlug, dateToExcelSerial, excelSerialToDate, formatDocumentDate, formatNumber, formatPercent, formatShortDate, parseIsoDate, upperVi } from "../../src/core/format/vi";
import { defaultWindow, subjectLine, periodFromLabel } from "../../src/core/period";
import { computeRatio, roundHalfAway } from "../../src/core/compute";

describe("Vietnamese number formatting", () => {
  it("groups thousands with dots and uses a decimal comma", () => {
    expect(formatNumber(3978)).toBe("3.978");
    expect(formatNumber(1234567.5)).toBe("1.234.567,5");
    expect(formatNumber(95.78)).toBe("95,78");
    expect(formatPercent(95.78)).toBe("95,78%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatNumber(4.756, 2)).toBe("4,76");
  });
});

describe("dates in the NĐ 30/2020 date line", () => {
  it("puts a leading zero on days below 10 and on months 1 and 2 only", () => {
    expect(formatDocumentDate({ year: 2023, month: 12, day: 13 })).toBe("ngày 13 tháng 12 năm 2023");
    expect(formatDocumentDate({ year: 2024, month: 2, day: 5 })).toBe("ngày 05 tháng 02 năm 2024");
    expect(formatDocumentDate({ year: 2024, month: 3, day: 15 })).toBe("ngày 15 tháng 3 năm 2024");
    expect(formatShortDate({ year: 2022, month: 12, day: 10 })).toBe("10/12/2022");
  });
  it("rejects impossible ISO dates and round-trips Excel serials", () => {
    expect(parseIsoDate("2023-02-30")).toBeNull();
    const d = { year: 2024, month: 3, day: 14 };
    expect(dateToExcelSerial(d)).toBe(45365);
    expect(excelSerialToDate(45365)).toEqual(d);
  });
  it("keeps diacritics in capitals and strips them for file names", () => {
    expect(upperVi("xã Thanh Giang")).toBe("XÃ THANH GIANG");
    expect(asciiSlug("Quý I năm 2024 xã Bình Yên")).toBe("Quy-I-nam-2024-xa-Binh-Yen");
  });
});

describe("periods (581/BNV-CCHC)", () => {
  it("gives the default data windows", () => {
    expect(defaultWindow("Q1", 2024)).toEqual({ from: "2023-12-15", to: "2024-03-14" });
    expect(defaultWindow("H1", 2023)).toEqual({ from: "2022-12-15", to: "2023-06-14" });
    expect(defaultWindow("Q3", 2024)).toEqual({ from: "2024-06-15", to: "2024-09-14" });
    expect(defaultWindow("Y", 2023)).toEqual({ from: "2022-12-15", to: "2023-12-14" });
  });
  it("builds the subject line", () => {
    expect(subjectLine("Q1", 2024)).toBe("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024");
    expect(subjectLine("Y", 2023)).toBe("Kết quả thực hiện công tác cải cách hành chính năm 2023, phương hướng nhiệm vụ năm 2024");
    expect(periodFromLabel("6 tháng")).toBe("H1");
  });
});

describe("ratio arithmetic", () => {
  const get = (v: Record<string, number | string | null>) => (k: string) => v[k];
  it("computes Σnum/Σden×100 rounded half away from zero", () => {
    expect(computeRatio({ num: ["a"], den: ["b"] }, get({ a: 3810, b: 3978 }))).toBe(95.78);
    expect(computeRatio({ num: ["a", "c"], den: ["b"] }, get({ a: 1, c: 1, b: 3 }))).toBe(66.67);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
  });
  it("is blank when a side is all blank or the denominator is zero; text is not a number", () => {
    expect(computeRatio({ num: ["a"], den: ["b"] }, get({ a: null, b: 4 }))).toBeUndefined();
    expect(computeRatio({ num: ["a"], den: ["b"] }, get({ a: 1, b: 0 }))).toBeUndefined();
    expect(computeRatio({ num: ["a"], den: ["b"] }, get({ a: "01(CTHND)", b: 4 }))).toBeUndefined();
  });
});
