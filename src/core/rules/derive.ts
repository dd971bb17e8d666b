/** Rules are not written by hand: every one follows from a row kind, a ratio or a declared relation. */
import type { Relation, TemplateDef } from "../catalog/types";
import { valueRows } from "../catalog";
import type { Rule, Severity } from "./types";

/**
 * A condition on a sub-row of the question it conditions ("5. Khảo sát: Có/Không" → "5.1. Số phiếu khảo sát")
 * is definitional: counting surveys while answering "Không" is a contradiction, an error. Between
 * unrelated rows it is a plausibility hint, a warning.
 */
function requiresSeverity(when: string, then: string): Severity {
  return when.startsWith(`${then}.`) ? "error" : "warning";
}

function relationRule(rel: Relation): Rule {
  const rule = relationRuleBare(rel);
  if (rel.note) rule.note = rel.note;
  return rule;
}

function relationRuleBare(rel: Relation): Rule {
  switch (rel.kind) {
    case "sum":
      return {
        id: `sum:${rel.whole}`,
        severity: "error",
        kind: "sum",
        cells: [rel.whole, ...rel.parts],
        whole: rel.whole,
        parts: rel.parts,
      };
    case "le":
      return { id: `le:${rel.whole}`, severity: "error", kind: "le", cells: [rel.whole, ...rel.parts], whole: rel.whole, parts: rel.parts };
    case "eq":
      return { id: `eq:${rel.a}=${rel.b}`, severity: "error", kind: "eq", cells: [rel.a, rel.b], a: rel.a, b: rel.b };
    case "requires":
      return {
        id: `requires:${rel.when}->${rel.then}`,
        severity: requiresSeverity(rel.when, rel.then),
        kind: "requires",
        cells: [rel.then, rel.when],
        when: rel.when,
        then: rel.then,
        value: rel.value,
      };
  }
}

/** Row-level rules in print order, then the template's relations in declaration order. */
export function deriveRules(template: TemplateDef): Rule[] {
  const rules: Rule[] = [];
  for (const { key, row } of valueRows(template)) {
    if (row.kind === "count" || row.kind === "money" || row.kind === "ratio") {
      rules.push({ id: `type:${key}`, severity: "error", kind: "type", cells: [key], key, rowKind: row.kind });
    }
    if (row.kind === "code" && row.codes?.length) {
      rules.push({ id: `code:${key}`, severity: "error", kind: "code", cells: [key], key, codes: row.codes });
    }
    if (row.ratio) {
      const cells = [key, ...row.ratio.num, ...row.ratio.den];
      rules.push({ id: `ratio:${key}`, severity: "error", kind: "ratio", cells, key, ratio: row.ratio });
      rules.push({ id: `formula:${key}`, severity: "error", kind: "formula", cells, key, ratio: row.ratio });
    }
  }
  // Two relations on the same whole would share an id: number the later ones so ids stay unique and stable.
  const seen = new Map<string, number>();
  for (const rel of template.relations) {
    const rule = relationRule(rel);
    const n = (seen.get(rule.id) ?? 0) + 1;
    seen.set(rule.id, n);
    if (n > 1) rule.id += `#${n}`;
    rules.push(rule);
  }
  return rules;
}
