/**
 * The report as data, before any Word: generated sentences for the narrative (from the rows each
 * section names in `facts`), the staff's own paragraphs, and everything else the document shows
 * (header grid, title, Nơi nhận, signature, appendix tables). Pure: no docx, no I/O, no Office —
 * the task pane can show and edit this model, and src/word packs it at the edge.
 */
import type { FormDef, NarrativeSection, ReportData, ReportInfo, RowDef, TemplateDef } from "../catalog/types";
import { asNumber, computeRatio, type CellValue } from "../compute";
import { completeInfo, unitTitle } from "../info";
import { periodPhrase, subjectLine } from "../period";
import { formatDocumentDate, formatNumber, formatShortDate, parseIsoDate, upperVi } from "../format/vi";

// ---------------------------------------------------------------- model

export interface GeneratedSentence {
  /** Stable id: the row key the sentence speaks of ("bm7:6.7"). */
  id: string;
  /** The text as generated from the data. */
  generated: string;
  /** What the document prints: the staff's rewrite if any, else `generated`. */
  text: string;
  /** False when the staff switched the sentence off. */
  enabled: boolean;
  edited: boolean;
}

export interface NarrativeSectionModel {
  id: string;
  /** Printed heading with its number: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "1. Cải cách thể chế". */
  heading: string;
  /** 0 for "I".."V", 1 for "II.1", … */
  level: number;
  /** The staff's paragraphs (data.narrative[id], one per line). */
  paragraphs: string[];
  sentences: GeneratedSentence[];
}

export interface NarrativeModel {
  sections: NarrativeSectionModel[];
}

/** Staff edits of generated sentences by id: a string rewrites it, null switches it off. */
export type SentenceEdits = Record<string, string | null>;

export interface AppendixRow {
  key: string;
  stt: string;
  label: string;
  /** Đơn vị tính; for coded rows one option per line. */
  unit: string;
  /** Formatted Vietnamese style ("3.978", "95,78", "1 (Có)"), "" when blank. */
  value: string;
  note: string;
  kind: RowDef["kind"];
  level: number;
  /** Right-align in the table (numbers) or left (text). */
  numeric: boolean;
}

export interface AppendixForm {
  id: string;
  caption: string;
  title: string;
  rows: AppendixRow[];
}

export interface ReportDocument {
  draft: boolean;
  header: {
    /** "UỶ BAN NHÂN DÂN", "XÃ THANH GIANG" */
    issuer: string[];
    /** "Số: 35/BC-UBND" */
    number: string;
    motto: string;
    mottoSub: string;
    /** "Thanh Giang, ngày 13 tháng 12 năm 2023" */
    placeDate: string;
  };
  title: string;
  /** The subject under the title, one printed line each. */
  subject: string[];
  /** "(Số liệu tính từ ngày 10/12/2022 đến ngày 09/12/2023)" */
  dataWindow: string;
  opening: string;
  sections: NarrativeSectionModel[];
  closing: string;
  recipients: { label: string; items: string[] };
  signature: { lines: string[]; name: string };
  /** `title` may hold "\n" where the printed line breaks. */
  appendix: { heading: string; title: string; attachment: string; forms: AppendixForm[] };
  /** For the file's core properties. */
  meta: { title: string; unit: string };
}

// ---------------------------------------------------------------- wording helpers

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** An acronym keeps its capitals mid-sentence: TTHC, UBND, VBQPPL, PAKN, ĐVSN, CCHC. */
const isAcronym = (word: string) => word.length > 1 && word === upperVi(word) && /\p{L}/u.test(word);

/** "Số hồ sơ …" → "số hồ sơ …" but "TTHC …" stays. */
export function lowerFirst(text: string): string {
  const first = text.split(/\s/)[0] ?? "";
  if (!first || isAcronym(first.replace(/[^\p{L}]/gu, ""))) return text;
  return text.charAt(0).toLocaleLowerCase("vi-VN") + text.slice(1);
}

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase("vi-VN") + text.slice(1);

// Form instructions in brackets are for the person filling it in, not for the reader of the prose.
const INSTRUCTION = /\s*\((?:tính\s+)?(?:lũy kế|luỹ kế|chỉ thống kê|kết luận|sử dụng|bao gồm cả|tất cả)[^)]*\)/giu;

/** The row's label as prose: no STT, no instructions, no trailing punctuation, one line. */
export function proseLabel(label: string): string {
  return label
    .replace(/\s+/g, " ")
    .replace(INSTRUCTION, "")
    .replace(/[\s.:;,]+$/, "")
    .trim();
}

/** "Hồ sơ" → "hồ sơ"; "PAKN" stays; "Cơ quan, đơn vị" → "cơ quan, đơn vị". */
function proseUnit(unit: string): string {
  const u = unit.replace(/\s+/g, " ").trim();
  // "-" and "Số lượng" say nothing after a number; coded units ("Có = 1") are not units at all.
  if (!u || u === "%" || u === "-" || /^số lượng$/iu.test(u) || /=/.test(u)) return "";
  return u
    .split(/,\s*/)
    .map((part) => (isAcronym(part.split(" ")[0]) ? part : part.toLocaleLowerCase("vi-VN")))
    .join(", ");
}

/** Counts with up to 2 decimals (a stray 2,5 stays visible), money with 3. */
function numberFor(row: RowDef, v: number): string {
  return formatNumber(v, row.kind === "money" ? 3 : 2);
}

const quantity = (n: string, unit: string) => (unit ? `${n} ${unit}` : n);

const sentence = (text: string) => {
  const t = upperFirst(text.trim());
  return /[.!?:]$/.test(t) ? t.replace(/:$/, ".") : `${t}.`;
};

// ---------------------------------------------------------------- data access

interface Ctx {
  template: TemplateDef;
  data: ReportData;
  rows: Map<string, { form: FormDef; row: RowDef }>;
}

function context(template: TemplateDef, data: ReportData): Ctx {
  const rows = new Map<string, { form: FormDef; row: RowDef }>();
  for (const form of template.forms) for (const row of form.rows) rows.set(`${form.id}:${row.code}`, { form, row });
  return { template, data, rows };
}

/** The value a ratio row shows: computed from its definition, or the typed value when it has none. */
export function ratioValue(row: RowDef, key: string, data: ReportData): number | undefined {
  if (row.ratio) return computeRatio(row.ratio, (k) => data.values[k]);
  return asNumber(data.values[key]);
}

function codeLabel(row: RowDef, v: number): string | undefined {
  return row.codes?.find((c) => c.value === v)?.label;
}

// ---------------------------------------------------------------- sentences by row kind

interface Draft {
  id: string;
  text: string;
  /** Other fact keys this sentence already speaks of (not repeated later). */
  covers: string[];
}

/** "Tổng số hồ sơ …: 3.978 hồ sơ, trong đó hồ sơ trực tuyến: 3.810 hồ sơ; hồ sơ trực tiếp: 168 hồ sơ." */
function amountSentence(ctx: Ctx, key: string, row: RowDef, v: number): Draft {
  const head = `${proseLabel(row.label)}: ${quantity(numberFor(row, v), proseUnit(row.unit))}`;
  const partKeys = [
    ...new Set(ctx.template.relations.flatMap((r) => ((r.kind === "sum" || r.kind === "le") && r.whole === key ? r.parts : []))),
  ];
  const parts: string[] = [];
  const covers: string[] = [];
  for (const pk of partKeys) {
    const p = ctx.rows.get(pk);
    const pv = asNumber(ctx.data.values[pk]);
    if (!p || pv === undefined) continue;
    parts.push(`${lowerFirst(proseLabel(p.row.label))}: ${quantity(numberFor(p.row, pv), proseUnit(p.row.unit))}`);
    covers.push(pk);
  }
  return { id: key, text: sentence(parts.length ? `${head}, trong đó ${parts.join("; ")}` : head), covers };
}

/**
 * A computed ratio. With its single denominator among the facts it reads like the seeds
 * ("…: 3.978 hồ sơ, trong đó …: 3.810 hồ sơ; tỷ lệ … đạt 95,78%"); otherwise
 * "Tỷ lệ …  đạt 95,78% (3.810/3.978 hồ sơ)".
 */
function ratioSentence(ctx: Ctx, key: string, row: RowDef, facts: Set<string>): Draft | undefined {
  const pct = ratioValue(row, key, ctx.data);
  if (pct === undefined) return undefined;
  const label = proseLabel(row.label);
  if (!row.ratio) return { id: key, text: sentence(`${label} đạt ${formatNumber(pct, 2)}%`), covers: [] };

  const sum = (keys: string[]) => keys.reduce((s, k) => s + (asNumber(ctx.data.values[k]) ?? 0), 0);
  const [num, den] = [sum(row.ratio.num), sum(row.ratio.den)];
  const numRows = row.ratio.num.map((k) => ctx.rows.get(k)?.row).filter((r): r is RowDef => !!r);
  const denRows = row.ratio.den.map((k) => ctx.rows.get(k)?.row).filter((r): r is RowDef => !!r);
  const units = new Set([...numRows, ...denRows].map((r) => proseUnit(r.unit)));
  const unit = units.size === 1 ? [...units][0] : "";

  // The long form only when the denominator's label names what is counted ("Tổng số hồ sơ …", "Số nhiệm vụ …");
  // "Kế hoạch được giao: 700 triệu đồng" alone would not say of what.
  const denNamesItself = !!denRows[0] && /^(tổng\s+)?số\s/iu.test(proseLabel(denRows[0].label));
  if (row.ratio.den.length === 1 && row.ratio.num.length === 1 && facts.has(row.ratio.den[0]) && denNamesItself && numRows[0]) {
    const text =
      `${proseLabel(denRows[0].label)}: ${quantity(formatNumber(den, 2), proseUnit(denRows[0].unit))}, ` +
      `trong đó ${lowerFirst(proseLabel(numRows[0].label))}: ${quantity(formatNumber(num, 2), proseUnit(numRows[0].unit))}; ` +
      `${lowerFirst(label)} đạt ${formatNumber(pct, 2)}%`;
    return { id: key, text: sentence(text), covers: [...row.ratio.num, ...row.ratio.den] };
  }
  // "n/d" states both rows' numbers: they need no sentence of their own.
  const text = `${label} đạt ${formatNumber(pct, 2)}% (${quantity(`${formatNumber(num, 2)}/${formatNumber(den, 2)}`, unit)})`;
  return { id: key, text: sentence(text), covers: [...row.ratio.num, ...row.ratio.den] };
}

function factSentence(ctx: Ctx, key: string, facts: Set<string>): Draft | undefined {
  const found = ctx.rows.get(key);
  if (!found) return undefined;
  const { row } = found;
  const v = ctx.data.values[key];
  const label = proseLabel(row.label);
  switch (row.kind) {
    case "section":
      return undefined;
    case "ratio":
      return ratioSentence(ctx, key, row, facts);
    case "count":
    case "money": {
      if (isBlank(v)) return undefined;
      const n = asNumber(v);
      // Text typed into a number cell ("01 (CTHND)") is quoted as typed.
      if (n === undefined) return { id: key, text: sentence(`${label}: ${String(v).trim()}`), covers: [] };
      return amountSentence(ctx, key, row, n);
    }
    case "code": {
      if (isBlank(v)) return undefined;
      const n = asNumber(v);
      const answer = n !== undefined ? codeLabel(row, n) : undefined;
      return { id: key, text: sentence(`${label}: ${answer ? lowerFirst(answer) : String(v).trim()}`), covers: [] };
    }
    case "text":
      if (isBlank(v)) return undefined;
      return { id: key, text: sentence(`${label}: ${String(v).trim()}`), covers: [] };
  }
}

/** The generated sentences of one section, in `facts` order, each fact spoken of once. */
export function sectionSentences(
  template: TemplateDef,
  data: ReportData,
  section: NarrativeSection,
  edits: SentenceEdits = {},
): GeneratedSentence[] {
  const ctx = context(template, data);
  const facts = new Set(section.facts ?? []);
  const spoken = new Set<string>();
  const out: GeneratedSentence[] = [];
  for (const key of section.facts ?? []) {
    if (spoken.has(key)) continue;
    const draft = factSentence(ctx, key, facts);
    if (!draft) continue;
    spoken.add(key);
    draft.covers.forEach((k) => spoken.add(k));
    const edit = edits[draft.id];
    out.push({
      id: draft.id,
      generated: draft.text,
      text: typeof edit === "string" && edit.trim() ? edit.trim() : draft.text,
      enabled: edit !== null && edit !== "",
      edited: typeof edit === "string" && edit.trim() !== "",
    });
  }
  return out;
}

/**
 * The sentence ids a section can produce (each fact once, parts folded into their total), found by
 * generating the section from data with every row filled. The Thuyết minh sheet offers one switch
 * and one rewrite cell for each.
 */
export function sentenceIds(template: TemplateDef, section: NarrativeSection): string[] {
  const values: ReportData["values"] = {};
  for (const form of template.forms)
    for (const row of form.rows) {
      const key = `${form.id}:${row.code}`;
      if (row.kind === "code") values[key] = row.codes![row.codes!.length - 1].value;
      else if (row.kind === "text") values[key] = "…";
      else if (row.kind !== "section") values[key] = 1;
    }
  return sectionSentences(template, { template: template.id, info: {}, values }, section).map((s) => s.id);
}

/** "I" → "I. CÔNG TÁC …"; "II.1" → "1. Cải cách thể chế"; "II.2.1" → "a) Về niêm yết …" (numbered headings are kept). */
function printedHeading(section: NarrativeSection): { heading: string; level: number } {
  const parts = section.id.split(".");
  const level = parts.length - 1;
  const heading = section.heading.trim();
  const last = parts[parts.length - 1];
  // Third level takes letters, as the seeds and NĐ 30 do: a), b), c) …
  const number = level >= 2 && /^\d+$/.test(last) ? `${String.fromCharCode(96 + Number(last))})` : `${last}.`;
  if (/^(\d+|[IVX]+|[a-zđ])[.)]\s/u.test(heading)) return { heading, level };
  return { heading: `${number} ${level === 0 ? upperVi(heading) : heading}`, level };
}

export function buildNarrative(template: TemplateDef, data: ReportData, edits: SentenceEdits = {}): NarrativeModel {
  return {
    sections: template.narrative.map((section) => ({
      id: section.id,
      ...printedHeading(section),
      paragraphs: (data.narrative?.[section.id] ?? "")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
      sentences: sectionSentences(template, data, section, edits),
    })),
  };
}

// ---------------------------------------------------------------- appendix

/** The value cell as printed in the appendix: 3.978 · 95,78 (computed) · 1 (Có) · text as typed. */
export function appendixValue(row: RowDef, key: string, data: ReportData): string {
  if (row.kind === "section") return "";
  if (row.kind === "ratio") {
    const pct = ratioValue(row, key, data);
    if (pct !== undefined) return formatNumber(pct, 2);
    // No computable value: keep typed text visible (a ratio with a definition shows blank, as Excel's formula would).
    const v = data.values[key];
    return !row.ratio && typeof v === "string" ? v.trim() : "";
  }
  const v = data.values[key];
  if (isBlank(v)) return "";
  const n = asNumber(v);
  if (n === undefined) return String(v).trim();
  if (row.kind === "code") {
    const label = codeLabel(row, n);
    return label ? `${n} (${label})` : String(n);
  }
  return numberFor(row, n);
}

function appendixForms(template: TemplateDef, data: ReportData): AppendixForm[] {
  return template.forms.map((form) => ({
    id: form.id,
    caption: form.caption,
    title: form.title.replace(/\s+/g, " ").trim(),
    rows: form.rows.map((row) => {
      const key = `${form.id}:${row.code}`;
      const value = appendixValue(row, key, data);
      return {
        key,
        stt: row.stt,
        label: row.label.replace(/\s+/g, " ").trim(),
        unit:
          row.kind === "code"
            ? row.unit
                .split(/\s*;\s*/)
                .filter(Boolean)
                .join("\n")
            : row.unit,
        value,
        note: (data.notes?.[key] ?? row.note ?? "").trim(),
        kind: row.kind,
        level: row.level,
        numeric: row.kind !== "text" && (value === "" || value === "-" || /^[\d.,]+( \(.*\))?$/.test(value)),
      };
    }),
  }));
}

/**
 * "PHỤ LỤC" + a title over several forms; a template that is one "Phụ lục II" table prints that
 * caption as the heading and its title with the period, as seed 002 does, and no caption again above the table.
 */
function appendix(template: TemplateDef, data: ReportData, info: ReportInfo, attachment: string): ReportDocument["appendix"] {
  const forms = appendixForms(template, data);
  const period = periodPhrase(info.period, info.year);
  if (forms.length === 1 && /^phụ lục/iu.test(forms[0].caption)) {
    const [only] = forms;
    return { heading: upperVi(only.caption), title: `${only.title} ${period}`, attachment, forms: [{ ...only, caption: "", title: "" }] };
  }
  // Broken where the seeds break it, so the period never dangles alone on a second line.
  return { heading: "PHỤ LỤC", title: `Thống kê số liệu kết quả thực hiện\ncông tác cải cách hành chính ${period}`, attachment, forms };
}

// ---------------------------------------------------------------- the whole document

const BLANK_NUMBER = "     "; // room for the number written by hand after signing

function dateParts(info: ReportInfo) {
  const d = parseIsoDate(info.docDate ?? "");
  return {
    line: d ? formatDocumentDate(d) : `ngày      tháng      năm ${info.year}`,
    short: d ? formatShortDate(d) : `     /     /${info.year}`,
  };
}

function signatureLines(info: ReportInfo): string[] {
  const title = upperVi(info.signerTitle || "CHỦ TỊCH");
  // NĐ 30/2020: a deputy signing for the chairman of a collective body: TM. body / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
  if (/^KT\.?$/i.test(info.signerAuthority.trim())) return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", title];
  return ["TM. ỦY BAN NHÂN DÂN", title];
}

export interface DocumentOptions {
  draft?: boolean;
  sentences?: SentenceEdits;
}

export function documentModel(template: TemplateDef, data: ReportData, opts: DocumentOptions = {}): ReportDocument {
  const info = completeInfo(template, data.info);
  const unit = unitTitle(info);
  const number = `${info.docNumber.trim() || BLANK_NUMBER}/BC-UBND`;
  const date = dateParts(info);
  const from = parseIsoDate(info.windowFrom);
  const to = parseIsoDate(info.windowTo);
  const subject = subjectLine(info.period, info.year);
  const about = lowerFirst(subject);

  return {
    draft: !!opts.draft,
    header: {
      issuer: ["UỶ BAN NHÂN DÂN", upperVi(unit)],
      number: `Số: ${number}`,
      motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      mottoSub: "Độc lập - Tự do - Hạnh phúc",
      placeDate: `${info.place || info.unitName}, ${date.line}`,
    },
    title: "BÁO CÁO",
    // One printed line per clause, as the seeds break it: "…năm 2023," / "phương hướng nhiệm vụ năm 2024".
    subject: subject.split(/(?<=,) /),
    dataWindow: from && to ? `(Số liệu tính từ ngày ${formatShortDate(from)} đến ngày ${formatShortDate(to)})` : "",
    opening: `Ủy ban nhân dân ${unit} báo cáo ${about} như sau:`,
    sections: buildNarrative(template, data, opts.sentences ?? data.sentences).sections,
    closing: `Trên đây là báo cáo ${about} của Ủy ban nhân dân ${unit}./.`,
    recipients: {
      label: "Nơi nhận:",
      items: [...info.recipients.map((r) => `- ${r.replace(/[;.]\s*$/, "").trim()};`), "- Lưu: VT."],
    },
    signature: { lines: signatureLines(info), name: info.signerName.trim() },
    appendix: appendix(template, data, info, `(Kèm theo Báo cáo số ${number} ngày ${date.short})`),
    meta: { title: `Báo cáo ${about}`, unit: `Ủy ban nhân dân ${unit}` },
  };
}
