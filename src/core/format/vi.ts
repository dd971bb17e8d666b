/** Vietnamese number and date formatting for everything a person reads (Word, messages, pane). */

const integerFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const decimalFormats = new Map<number, Intl.NumberFormat>();

/** 3978 → "3.978"; 95.78 → "95,78" (up to `maxDecimals`, no trailing zeros). */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (maxDecimals === 0) return integerFormat.format(value);
  let fmt = decimalFormats.get(maxDecimals);
  if (!fmt) {
    fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: maxDecimals });
    decimalFormats.set(maxDecimals, fmt);
  }
  return fmt.format(value);
}

/** 95.78 → "95,78%" */
export function formatPercent(value: number): string {
  return `${formatNumber(value, 2)}%`;
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function toIsoDate({ year, month, day }: YMD): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The date line of NĐ 30/2020: "ngày 05 tháng 02 năm 2024" — a day below 10 and
 * the months 1 and 2 take a leading zero; other months do not ("tháng 12").
 */
export function formatDocumentDate(date: YMD): string {
  const month = date.month <= 2 ? pad2(date.month) : String(date.month);
  return `ngày ${pad2(date.day)} tháng ${month} năm ${date.year}`;
}

/** 15/12/2023 — the short form used in the data-window line and tables. */
export function formatShortDate(date: YMD): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${date.year}`;
}

/** Excel serial day number (1900 date system) ↔ calendar date. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export function excelSerialToDate(serial: number): YMD {
  const d = new Date(EXCEL_EPOCH_MS + Math.round(serial) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
export function dateToExcelSerial({ year, month, day }: YMD): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / 86400000);
}

/** Vietnamese capitals that keep diacritics ("xã Thanh Giang" → "XÃ THANH GIANG"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase("vi-VN");
}

/** "Quý I năm 2024" → "Quy-I-2024": ASCII for file names. */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
