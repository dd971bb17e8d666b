/**
 * The template catalog: a report template is plain data (JSON), validated by
 * `template.schema.json`. Everything downstream — worksheet layout, .xlsx, rules,
 * Word appendix — is derived from these types, so they know nothing of Office.
 */

/** What a row holds, which decides its cell format, validation and rules. */
export type RowKind =
  | "section" // a header row: no value cell
  | "count" // whole number ≥ 0 (Văn bản, Nhiệm vụ, Hồ sơ, Người, …)
  | "money" // decimal ≥ 0, Triệu đồng
  | "ratio" // percentage; a formula when `ratio` is given, else an input (denominator off the form)
  | "code" // coded answer from `codes`
  | "text"; // free text

export interface CodeOption {
  value: number;
  label: string; // "Có", "Không", "Trực tuyến", …
}

/** num / den × 100 where each side is the SUM of the listed row keys. */
export interface RatioDef {
  num: string[];
  den: string[];
}

export interface RowDef {
  /** Stable row code; the row key is `${formId}:${code}`. Printed STT, or `<parent>.a` for unnumbered lines. */
  code: string;
  /** STT exactly as printed ("2.1.", "I", "-", ""), for display. */
  stt: string;
  label: string;
  /** Đơn vị tính as printed ("Văn bản", "%", "Có = 1; Không = 0"); may be empty. */
  unit: string;
  kind: RowKind;
  /** Indent depth under its section: 0 for top rows. */
  level: number;
  codes?: CodeOption[];
  ratio?: RatioDef;
  /** Default Ghi chú text printed on the form, if any. */
  note?: string;
}

export interface FormDef {
  /** "bm1", "pl2", "pl", "th" — the prefix of every row key on this form. */
  id: string;
  /** Printed caption: "Biểu mẫu 1", "Phụ lục 2", "Phụ lục II". */
  caption: string;
  /** Printed subject: "Công tác chỉ đạo điều hành CCHC". */
  title: string;
  /** Worksheet name (≤ 31 chars, no []:*?/\). */
  sheetName: string;
  rows: RowDef[];
}

/**
 * Declared relations between rows (keys), for the validator:
 * - sum: whole = Σ parts (a definitional identity);
 * - le:  Σ parts ≤ whole (a part never exceeds its whole);
 * - eq:  a = b across forms (the same fact reported twice).
 */
export type Relation =
  | { kind: "sum"; whole: string; parts: string[]; note?: string }
  | { kind: "le"; whole: string; parts: string[]; note?: string }
  | { kind: "eq"; a: string; b: string; note?: string }
  /** if `when` > 0 then `then` must equal `value` (e.g. survey count > 0 ⇒ survey done = 1). */
  | { kind: "requires"; when: string; then: string; value: number; note?: string };

export interface NarrativeSection {
  /** "I", "II", "II.1", …, "V" — also the key of staff text in the values file's `narrative`. */
  id: string;
  heading: string;
  /** Row keys whose values the generated sentences of this section speak of (order kept). */
  facts?: string[];
}

export interface TemplateDef {
  id: string;
  /** Semantic version; a workbook remembers the version that laid it out. */
  version: string;
  title: string;
  /** Where the form comes from: province and the seed report it was read from. */
  origin: { province: string; source: string };
  /** The upper level's name as the template words it ("UBND huyện", "UBND tỉnh"). */
  upperLevel: string;
  /** Default recipients ("Nơi nhận"), without the final "- Lưu: VT.". */
  recipients: string[];
  /** Online public services vocabulary of this version. */
  onlineServiceWording?: "muc-do-3-4" | "mot-phan-toan-trinh";
  narrative: NarrativeSection[];
  forms: FormDef[];
  relations: Relation[];
  /** Transcription remarks: garbled numbering kept as printed, and the like. */
  notes: string[];
}

/** A values file / the data read back from a workbook. */
export interface ReportData {
  template: string;
  templateVersion?: string;
  info: Partial<ReportInfo>;
  /** Row key → what is in the value cell: number, text typed by staff, or null for blank. */
  values: Record<string, number | string | null>;
  notes?: Record<string, string>;
  narrative?: Record<string, string>;
  /** Staff edits of generated sentences, by sentence id (a row key): text rewrites it, null switches it off. */
  sentences?: Record<string, string | null>;
}

export type PeriodKind = "Q1" | "H1" | "Q3" | "Y";

export interface ReportInfo {
  /** "xã" | "phường" | "thị trấn" */
  unitKind: string;
  /** "Thanh Giang" (without the unit kind) */
  unitName: string;
  upperLevel: string;
  province: string;
  /** Place name used in the date line; defaults to unitName. */
  place: string;
  period: PeriodKind;
  year: number;
  /** ISO dates yyyy-mm-dd. */
  windowFrom: string;
  windowTo: string;
  docNumber: string;
  /** ISO date of signing. */
  docDate: string;
  signerName: string;
  /** "CHỦ TỊCH", "PHÓ CHỦ TỊCH" */
  signerTitle: string;
  /** "TM." or "KT." */
  signerAuthority: string;
  recipients: string[];
}
