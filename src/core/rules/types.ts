/**
 * Validation rules and their results. A rule is plain data derived from the template catalog;
 * a finding is a record (rule id, severity, message, cells, values) any front end can map to
 * cells — the task pane, the CLI, or comments in the sheet.
 */
import type { CodeOption, RatioDef, RowKind } from "../catalog/types";

export type Severity = "error" | "warning";

interface RuleBase {
  /** Stable, readable id: "ratio:bm7:6.7", "sum:bm3:1", "type:bm1:2.1", … */
  id: string;
  severity: Severity;
  /** Row keys the rule reads, the row it speaks about first. */
  cells: string[];
  /** The relation's note from the template, quoted in the message. */
  note?: string;
}

/** A stated ratio agrees with num / den × 100 at its stated precision. */
export interface RatioRule extends RuleBase {
  kind: "ratio";
  key: string;
  ratio: RatioDef;
}

/** whole = Σ parts (definitional). */
export interface SumRule extends RuleBase {
  kind: "sum";
  whole: string;
  parts: string[];
}

/** Σ parts ≤ whole: a part never exceeds its whole. */
export interface LeRule extends RuleBase {
  kind: "le";
  whole: string;
  parts: string[];
}

/** a = b: the same fact reported twice. */
export interface EqRule extends RuleBase {
  kind: "eq";
  a: string;
  b: string;
}

/** when > 0 ⇒ then = value. */
export interface RequiresRule extends RuleBase {
  kind: "requires";
  when: string;
  then: string;
  value: number;
}

/** A number cell holds a number of the right sort: no text, not negative, whole counts, ratios in 0–100. */
export interface TypeRule extends RuleBase {
  kind: "type";
  key: string;
  rowKind: Extract<RowKind, "count" | "money" | "ratio">;
}

/** A coded answer is one of the listed codes. */
export interface CodeRule extends RuleBase {
  kind: "code";
  key: string;
  codes: CodeOption[];
}

/** Workbooks only: a ratio cell still holds the formula the layout wrote. */
export interface FormulaRule extends RuleBase {
  kind: "formula";
  key: string;
  ratio: RatioDef;
}

export type Rule = RatioRule | SumRule | LeRule | EqRule | RequiresRule | TypeRule | CodeRule | FormulaRule;
export type RuleKind = Rule["kind"];

export interface Finding {
  rule: string;
  severity: Severity;
  /** Vietnamese, naming the row(s) and the values. */
  message: string;
  /** Row keys involved (the one at fault first). */
  cells: string[];
  /** Where those cells are ("'BM7 Điện tử'!D45"), when the data came from a workbook. */
  addresses?: string[];
  values: Record<string, number | string | null>;
}
