/** Reporting periods and their data windows (Bộ Nội vụ 581/BNV-CCHC); provinces may override the dates. */
import type { PeriodKind } from "./catalog/types";
import { toIsoDate } from "./format/vi";

export const PERIODS: { kind: PeriodKind; label: string }[] = [
  { kind: "Q1", label: "Quý I" },
  { kind: "H1", label: "6 tháng" },
  { kind: "Q3", label: "Quý III" },
  { kind: "Y", label: "Năm" },
];

export function periodLabel(kind: PeriodKind): string {
  return PERIODS.find((p) => p.kind === kind)?.label ?? kind;
}

export function periodFromLabel(label: string): PeriodKind | undefined {
  const t = label.trim().toLowerCase();
  return PERIODS.find((p) => p.label.toLowerCase() === t || p.kind.toLowerCase() === t)?.kind;
}

/** Default data window: from 15/12 of the previous year to 14/3, 14/6, 14/9 or 14/12. */
export function defaultWindow(kind: PeriodKind, year: number): { from: string; to: string } {
  const endMonth = { Q1: 3, H1: 6, Q3: 9, Y: 12 }[kind];
  const from = kind === "Q3" ? { year, month: 6, day: 15 } : { year: year - 1, month: 12, day: 15 };
  return { from: toIsoDate(from), to: toIsoDate({ year, month: endMonth, day: 14 }) };
}

/** "Quý I năm 2024", "6 tháng đầu năm 2023", "năm 2023" — the period as prose. */
export function periodPhrase(kind: PeriodKind, year: number): string {
  switch (kind) {
    case "Q1":
      return `Quý I năm ${year}`;
    case "H1":
      return `6 tháng đầu năm ${year}`;
    case "Q3":
      return `Quý III năm ${year}`;
    case "Y":
      return `năm ${year}`;
  }
}

/** What comes after: "phương hướng nhiệm vụ năm 2024", or none for the quarters. */
export function nextPeriodPhrase(kind: PeriodKind, year: number): string | undefined {
  if (kind === "Y") return `năm ${year + 1}`;
  if (kind === "H1") return `6 tháng cuối năm ${year}`;
  return undefined;
}

/** The report's subject line under "BÁO CÁO". */
export function subjectLine(kind: PeriodKind, year: number): string {
  const base = `Kết quả thực hiện công tác cải cách hành chính ${periodPhrase(kind, year)}`;
  const next = nextPeriodPhrase(kind, year);
  return next ? `${base}, phương hướng nhiệm vụ ${next}` : base;
}
