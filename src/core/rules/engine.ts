/**
 * Runs the derived rules over a report's values (and, for a workbook, its snapshot) and returns
 * findings. Semantics follow XBRL formula assertions as Arelle implements them: a rule none of whose
 * cells has a value is skipped, a blank cell is unknown (not zero), and a stated ratio agrees with the
 * computed one when the computed value lies in the interval its stated decimals stand for.
 */
import { templateRows, type CatalogRow } from "../catalog";
import type { ReportData, TemplateDef } from "../catalog/types";
import { nameForKey, noteName } from "../layout/names";
import { ratioFormula } from "../layout/formulas";
import { asNumber, computeRatio, type CellValue } from "../compute";
import type { WorkbookSnapshot } from "../snapshot";
import { formatNumber } from "../format/vi";
import { deriveRules } from "./derive";
import { proseFindings } from "./prose";
import type { CodeRule, EqRule, Finding, FormulaRule, LeRule, RatioRule, RequiresRule, Rule, Severity, SumRule, TypeRule } from "./types";

interface Compiled {
  rules: Rule[];
  rows: Map<string, CatalogRow>;
  /** Print position of every row key, for sorting findings. */
  pos: Map<string, number>;
}

// Templates are immutable data: derive once per template, not once per check (500-file batches).
const compiled = new WeakMap<TemplateDef, Compiled>();

function compile(template: TemplateDef): Compiled {
  let c = compiled.get(template);
  if (!c) {
    const all = templateRows(template);
    c = { rules: deriveRules(template), rows: new Map(all.map((r) => [r.key, r])), pos: new Map(all.map((r, i) => [r.key, i])) };
    compiled.set(template, c);
  }
  return c;
}

// ---------------------------------------------------------------- numbers

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Decimals of a number's shortest representation: 58.7 → 1, 91.66 → 2, 100 → 0, 1e-7 → 7. */
export function statedDecimals(v: number): number {
  const [mantissa, exp] = String(Math.abs(v)).split("e");
  const frac = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp ?? 0));
}

/**
 * A stated percentage agrees with num/den × 100 when the exact value lies in
 * [stated − ½·10^−d, stated + ½·10^−d]. 100 and 0 claim completeness: they agree only when exact.
 */
export function ratioAgrees(stated: number, num: number, den: number): boolean {
  if (stated === 100) return num === den;
  if (stated === 0) return num === 0;
  const exact = (num / den) * 100;
  const half = 0.5 * 10 ** -statedDecimals(stated);
  return Math.abs(exact - stated) <= half + 1e-9;
}

/** Vietnamese number showing every decimal the value has (counts as typed: 3.978; 95,8). */
function fmt(v: number): string {
  return formatNumber(v, Math.max(2, statedDecimals(v)));
}

/** The computed percentage at 2 decimals, or more when 2 would print the same as the stated figure. */
function fmtComputed(exact: number, stated?: number): string {
  let d = 2;
  while (d < 6 && stated !== undefined && formatNumber(exact, d) === fmt(stated) && Math.abs(exact - stated) > 1e-12) d++;
  return formatNumber(exact, d);
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

// ---------------------------------------------------------------- wording

class Context {
  constructor(
    readonly c: Compiled,
    readonly values: ReportData["values"],
    readonly snapshot?: WorkbookSnapshot,
  ) {}

  value(key: string): CellValue {
    return this.values[key];
  }

  num(key: string): number | undefined {
    return asNumber(this.values[key]);
  }

  /** Numbers of all keys, or undefined when any is blank or not a number. */
  nums(keys: string[]): number[] | undefined {
    const out: number[] = [];
    for (const k of keys) {
      const v = this.num(k);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }

  private shortLabel(key: string): string {
    const label = this.c.rows.get(key)?.row.label.replace(/\s+/g, " ").trim() ?? key;
    if (label.length <= 60) return label;
    return `${label.slice(0, 60).replace(/\s+\S*$/, "")} …`;
  }

  /** `Biểu mẫu 7, dòng 6.7 "Tỷ lệ …"` */
  rowName(key: string): string {
    const r = this.c.rows.get(key);
    if (!r) return `dòng ${key}`;
    return `${r.form.caption}, dòng ${r.row.code} "${this.shortLabel(key)}"`;
  }

  /** `dòng 6.1` on the same form as `from`, else `Biểu mẫu 3, dòng 6.1`; with the label when asked. */
  ref(key: string, from: string, withLabel = false): string {
    const r = this.c.rows.get(key);
    if (!r) return `dòng ${key}`;
    const base = r.form.id === this.c.rows.get(from)?.form.id ? `dòng ${r.row.code}` : `${r.form.caption}, dòng ${r.row.code}`;
    return withLabel ? `${base} "${this.shortLabel(key)}"` : base;
  }

  /** `các dòng 2.1 + 2.2` (codes only after the first form prefix). */
  refList(keys: string[], from: string): string {
    if (keys.length === 1) return this.ref(keys[0], from, true);
    return `các dòng ${keys.map((k) => this.ref(k, from).replace(/^dòng /, "")).join(" + ")}`;
  }

  /** A code with its label when the row has one: `1 (Có)`. */
  codeText(key: string, v: number): string {
    const label = this.c.rows.get(key)?.row.codes?.find((c) => c.value === v)?.label;
    return label ? `${fmt(v)} (${label})` : fmt(v);
  }

  /** A workbook ratio cell whose formula is gone: the formula rule reports it, with the comparison, once. */
  formulaLost(key: string): boolean {
    const cell = this.snapshot?.values[key];
    return !!cell && !cell.formula && !!this.c.rows.get(key)?.row.ratio;
  }

  address(key: string): string | undefined {
    const cell = this.snapshot?.values[key];
    return cell ? `'${cell.sheet.replace(/'/g, "''")}'!${cell.address}` : undefined;
  }

  finding(rule: Rule, message: string, severity: Severity = rule.severity): Finding {
    const values: Finding["values"] = {};
    for (const k of rule.cells) {
      const v = this.values[k];
      values[k] = v === undefined ? null : v;
    }
    const f: Finding = {
      rule: rule.id,
      severity,
      message: rule.note ? `${message.replace(/\.$/, "")} (${rule.note}).` : message,
      cells: rule.cells,
      values,
    };
    if (this.snapshot) f.addresses = rule.cells.map((k) => this.address(k)).filter((a): a is string => a !== undefined);
    return f;
  }
}

// ---------------------------------------------------------------- checks, one per rule kind

function checkRatio(rule: RatioRule, x: Context): Finding | undefined {
  const stated = x.value(rule.key);
  if (typeof stated !== "number") return undefined; // blank: computed later; text: the type rule speaks
  if (x.formulaLost(rule.key)) return undefined;
  const num = x.nums(rule.ratio.num);
  const den = x.nums(rule.ratio.den);
  if (!num || !den) return undefined; // missing is not zero: nothing to compare with
  const n = sum(num);
  const d = sum(den);
  if (d === 0 || ratioAgrees(stated, n, d)) return undefined;
  return x.finding(rule, `${x.rowName(rule.key)}: ghi ${fmt(stated)}% nhưng ${fmt(n)}/${fmt(d)} = ${fmtComputed((n / d) * 100, stated)}%.`);
}

function checkSum(rule: SumRule, x: Context): Finding | undefined {
  const whole = x.num(rule.whole);
  const parts = x.nums(rule.parts);
  if (whole === undefined || !parts) return undefined;
  const total = sum(parts);
  if (same(total, whole)) return undefined;
  const detail = parts.length > 1 ? `${parts.map(fmt).join(" + ")} = ${fmt(total)}` : fmt(total);
  return x.finding(rule, `${x.rowName(rule.whole)}: ghi ${fmt(whole)} nhưng ${x.refList(rule.parts, rule.whole)} = ${detail}.`);
}

function checkLe(rule: LeRule, x: Context): Finding | undefined {
  const whole = x.num(rule.whole);
  if (whole === undefined) return undefined;
  // Blank parts are unknown but never negative, so the parts given already bound the sum from below.
  const given = rule.parts.filter((k) => x.num(k) !== undefined);
  if (!given.length) return undefined;
  const total = sum(given.map((k) => x.num(k)!));
  if (total <= whole + 1e-9) return undefined;
  const wholeRef = `${x.ref(rule.whole, given[0], true)} (${fmt(whole)})`;
  if (given.length === 1)
    return x.finding(rule, `${x.rowName(given[0])}: ghi ${fmt(total)}, lớn hơn ${wholeRef}; phần không thể vượt quá tổng.`);
  const detail = `${given.map((k) => fmt(x.num(k)!)).join(" + ")} = ${fmt(total)}`;
  return x.finding(
    rule,
    `${x.rowName(rule.whole)}: ghi ${fmt(whole)} nhưng ${x.refList(given, rule.whole)} cộng lại ${detail}, lớn hơn tổng.`,
  );
}

function checkEq(rule: EqRule, x: Context): Finding | undefined {
  const a = x.num(rule.a);
  const b = x.num(rule.b);
  if (a === undefined || b === undefined || same(a, b)) return undefined;
  return x.finding(
    rule,
    `${x.rowName(rule.a)}: ghi ${fmt(a)} nhưng ${x.ref(rule.b, rule.a, true)} ghi ${fmt(b)}; hai dòng là cùng một số liệu, phải bằng nhau.`,
  );
}

function checkRequires(rule: RequiresRule, x: Context): Finding | undefined {
  const when = x.num(rule.when);
  const then = x.num(rule.then);
  if (when === undefined || when <= 0 || then === undefined || then === rule.value) return undefined;
  return x.finding(
    rule,
    `${x.rowName(rule.then)}: ghi ${x.codeText(rule.then, then)} nhưng ${x.ref(rule.when, rule.then, true)} ghi ${fmt(when)}; cần ghi ${x.codeText(rule.then, rule.value)}.`,
  );
}

/** "01(CTHND)" → the advice to keep 01 and move "(CTHND)" to Ghi chú. */
function textAdvice(text: string): string {
  // A dash or "không" is how Word tables say "none".
  if (/^\s*([-–—x]|không|ko)\s*$/i.test(text)) return "nếu không có thì ghi 0, nếu chưa có số liệu thì để trống";
  const m = /^\s*(-?\d[\d.,]*)\s*(\S.*)$/.exec(text);
  if (m) return `chỉ nhập số (${m[1]}) vào ô Số liệu và chuyển "${m[2].trim()}" sang cột Ghi chú`;
  return "ô Số liệu chỉ nhận số; lời ghi chú xin chuyển sang cột Ghi chú";
}

function checkType(rule: TypeRule, x: Context): Finding | undefined {
  const v = x.value(rule.key);
  if (x.formulaLost(rule.key)) return undefined;
  const name = x.rowName(rule.key);
  if (typeof v === "string") return x.finding(rule, `${name}: ô số liệu ghi chữ "${v.trim()}" — ${textAdvice(v)}.`);
  if (typeof v !== "number") return undefined;
  if (!Number.isFinite(v)) return x.finding(rule, `${name}: giá trị không phải số hợp lệ.`);
  if (rule.rowKind === "ratio") {
    if (v >= 0 && v <= 100) return undefined;
    return x.finding(rule, `${name}: tỷ lệ ${fmt(v)}% nằm ngoài khoảng 0–100%.`);
  }
  if (v < 0)
    return x.finding(rule, `${name}: ghi số âm (${fmt(v)}); ${rule.rowKind === "money" ? "số tiền" : "số lượng"} không thể nhỏ hơn 0.`);
  if (rule.rowKind === "count" && !Number.isInteger(v))
    return x.finding(rule, `${name}: ghi ${fmt(v)}, không phải số nguyên; số lượng phải là số nguyên.`);
  return undefined;
}

function checkCode(rule: CodeRule, x: Context): Finding | undefined {
  const v = x.value(rule.key);
  if (typeof v === "number" && rule.codes.some((c) => c.value === v)) return undefined;
  const shown = typeof v === "number" ? fmt(v) : `"${String(v).trim()}"`;
  const allowed = rule.codes.map((c) => `${c.value} = ${c.label}`).join("; ");
  return x.finding(rule, `${x.rowName(rule.key)}: ghi ${shown}, không phải mã hợp lệ; chỉ nhận ${allowed}.`);
}

const normalizeFormula = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

/** Workbooks only: the ratio cell must still hold the formula the layout wrote. */
function checkFormula(rule: FormulaRule, x: Context): Finding | undefined {
  const cell = x.snapshot?.values[rule.key];
  if (!cell) return undefined; // a deleted row is reported as such
  const where = `${x.rowName(rule.key)} (ô ${x.address(rule.key)})`;
  const expected = ratioFormula(rule.ratio);
  if (cell.formula) {
    if (normalizeFormula(cell.formula) === normalizeFormula(expected)) return undefined;
    return x.finding(
      rule,
      `${where}: công thức đã bị sửa thành "${cell.formula}", khác công thức chuẩn "${expected}". Kiểm tra lại hoặc khôi phục công thức.`,
      "warning",
    );
  }
  const computed = computeRatio(rule.ratio, (k) => x.value(k));
  const num = rule.ratio.num.map((k) => x.num(k) ?? 0);
  const den = rule.ratio.den.map((k) => x.num(k) ?? 0);
  const would =
    computed === undefined
      ? "công thức sẽ để trống (chưa đủ số liệu)"
      : `công thức sẽ cho ${fmt(sum(num))}/${fmt(sum(den))} = ${formatNumber(computed, 2)}%`;
  const typed = isBlank(cell.value)
    ? "bị xóa (ô để trống)"
    : `bị ghi đè bằng ${typeof cell.value === "number" ? `số ${fmt(cell.value)}` : `chữ "${String(cell.value).trim()}"`}`;
  return x.finding(rule, `${where}: công thức ${typed}; ${would}. Hãy khôi phục công thức để tỷ lệ tự cập nhật.`);
}

type Check<R extends Rule> = (rule: R, x: Context) => Finding | undefined;
const CHECKS: { [K in Rule["kind"]]: Check<Extract<Rule, { kind: K }>> } = {
  ratio: checkRatio,
  sum: checkSum,
  le: checkLe,
  eq: checkEq,
  requires: checkRequires,
  type: checkType,
  code: checkCode,
  formula: checkFormula,
};

// ---------------------------------------------------------------- workbook structure

interface Placed {
  finding: Finding;
  pos: number;
}

/** Deleted form sheets and rows (names whose reference became #REF!). */
function structureFindings(template: TemplateDef, x: Context, snapshot: WorkbookSnapshot): Placed[] {
  const out: Placed[] = [];
  const sheets = new Set(snapshot.sheetNames);
  const missingForms = new Set<string>();
  for (const form of template.forms) {
    if (sheets.has(form.sheetName)) continue;
    missingForms.add(form.id);
    const first = form.rows[0] ? `${form.id}:${form.rows[0].code}` : "";
    out.push({
      pos: x.c.pos.get(first) ?? -1,
      finding: {
        rule: `sheet:${form.id}`,
        severity: "error",
        message: `${form.caption} "${form.title}": biểu đã bị xóa (không còn trang tính "${form.sheetName}"); số liệu của biểu này không kiểm tra được. Hãy khôi phục trang tính hoặc lập lại biểu.`,
        cells: [],
        values: {},
      },
    });
  }
  const byName = new Map<string, string>();
  for (const key of x.c.rows.keys()) {
    byName.set(nameForKey(key), key);
    byName.set(noteName(key), key);
  }
  const reported = new Set<string>();
  for (const name of snapshot.brokenNames) {
    const key = byName.get(name);
    if (key) {
      const form = x.c.rows.get(key)!.form;
      if (missingForms.has(form.id) || reported.has(key)) continue;
      reported.add(key);
      out.push({
        pos: x.c.pos.get(key) ?? -1,
        finding: {
          rule: `deleted:${key}`,
          severity: "error",
          message: `${x.rowName(key)}: dòng đã bị xóa khỏi trang tính "${form.sheetName}" (tên ${name} báo #REF!). Hãy khôi phục dòng hoặc lập lại biểu.`,
          cells: [key],
          values: { [key]: null },
        },
      });
    } else if (!reported.has(name)) {
      reported.add(name);
      out.push({
        pos: -1,
        finding: {
          rule: `deleted:${name}`,
          severity: "error",
          message: `Ô được đặt tên ${name} đã bị xóa (#REF!). Hãy khôi phục hoặc lập lại bảng tính.`,
          cells: [],
          values: {},
        },
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- entry point

/** All findings for a report: errors first, then in form and row order. */
export function checkReport(template: TemplateDef, data: ReportData, snapshot?: WorkbookSnapshot): Finding[] {
  const c = compile(template);
  const x = new Context(c, data.values, snapshot);
  const placed: Placed[] = snapshot ? structureFindings(template, x, snapshot) : [];
  for (const rule of c.rules) {
    if (rule.kind === "formula" && !snapshot) continue;
    // A rule none of whose cells has a value says nothing (a formula cell is checked even when blank).
    if (rule.kind !== "formula" && rule.cells.every((k) => isBlank(data.values[k]))) continue;
    const finding = (CHECKS[rule.kind] as Check<Rule>)(rule, x);
    if (finding) placed.push({ finding, pos: c.pos.get(rule.cells[0]) ?? -1 });
  }
  // Staff paragraphs come after every row of the forms.
  for (const finding of proseFindings(template, data)) placed.push({ finding, pos: Number.MAX_SAFE_INTEGER });
  const rank = (s: Severity) => (s === "error" ? 0 : 1);
  // Array.prototype.sort is stable: equal rows keep rule order.
  placed.sort((a, b) => rank(a.finding.severity) - rank(b.finding.severity) || a.pos - b.pos);
  return placed.map((p) => p.finding);
}
