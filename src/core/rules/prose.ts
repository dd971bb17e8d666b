/**
 * Staff paragraphs against the sheets. The seeds' commonest contradiction is a paragraph that quotes
 * a count and its share ("trực tuyến 3.810 hồ sơ đạt 99,8%") while the form computes another share
 * (3.810/3.978 = 95,78%). A percentage is checked only when its own clause names the numerator of a
 * ratio on the forms (10 or more, so a stray small number is not taken for one), so a share of
 * something no form counts ("1.269 hồ sơ bằng 98,4%") raises nothing.
 * A warning: the sentence is the staff's own, and the fix may be in the prose or on the form.
 */
import { valueRows } from "../catalog";
import type { ReportData, RowDef, TemplateDef } from "../catalog/types";
import { asNumber } from "../compute";
import { formatNumber } from "../format/vi";
import type { Finding } from "./types";

interface QuotedRatio {
  key: string;
  row: RowDef;
  caption: string;
  numerator: number;
  denominator: number;
}

function ratiosWithData(template: TemplateDef, data: ReportData): QuotedRatio[] {
  const out: QuotedRatio[] = [];
  for (const { key, row, form } of valueRows(template)) {
    if (!row.ratio) continue;
    const num = row.ratio.num.map((k) => asNumber(data.values[k]));
    const den = row.ratio.den.map((k) => asNumber(data.values[k]));
    if (num.some((v) => v === undefined) || den.some((v) => v === undefined)) continue;
    const numerator = num.reduce<number>((s, v) => s + (v ?? 0), 0);
    const denominator = den.reduce<number>((s, v) => s + (v ?? 0), 0);
    // A numerator under 10 is too common a number to tell which ratio a clause means.
    if (denominator > 0 && numerator >= 10) out.push({ key, row, caption: form.caption, numerator, denominator });
  }
  return out;
}

/** "3.810" → 3810, "99,8" → 99.8 (Vietnamese separators). */
const viNumber = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));

/** The clause before a percentage: back to the last ";", "(", line break or sentence end (". "). */
function clauseBefore(text: string, end: number): string {
  const before = text.slice(Math.max(0, end - 240), end);
  const cut = Math.max(before.lastIndexOf(";"), before.lastIndexOf("("), before.lastIndexOf("\n"), before.search(/\.\s(?!.*\.\s)/s));
  return before.slice(cut + 1);
}

function agrees(stated: string, r: QuotedRatio): boolean {
  const value = viNumber(stated);
  if (value === 100) return r.numerator === r.denominator;
  const decimals = stated.split(",")[1]?.length ?? 0;
  return Math.abs((r.numerator / r.denominator) * 100 - value) <= 0.5 * 10 ** -decimals + 1e-9;
}

export function proseFindings(template: TemplateDef, data: ReportData): Finding[] {
  const ratios = ratiosWithData(template, data);
  if (!ratios.length) return [];
  const findings: Finding[] = [];
  for (const section of template.narrative) {
    const text = data.narrative?.[section.id];
    if (!text) continue;
    let n = 0;
    for (const m of text.matchAll(/(?<![\d.,])(\d{1,3}(?:,\d+)?)\s?%/g)) {
      n++;
      const counts = [...clauseBefore(text, m.index!).matchAll(/\d{1,3}(?:\.\d{3})+|\d+/g)].map((c) => viNumber(c[0]));
      // The ratio this clause speaks of: the one whose numerator it names (the nearest mention wins).
      const quoted = counts
        .reverse()
        .map((c) => ratios.find((r) => r.numerator === c))
        .find(Boolean);
      if (!quoted || agrees(m[1], quoted)) continue;
      const exact = Math.round((quoted.numerator / quoted.denominator) * 10000) / 100;
      findings.push({
        rule: `prose:${section.id}#${n}`,
        severity: "warning",
        message:
          `Thuyết minh mục ${section.id}: đoạn văn ghi "${formatNumber(quoted.numerator, 0)} … ${m[0].trim()}" nhưng ${quoted.caption}, ` +
          `dòng ${quoted.row.code} tính ra ${formatNumber(quoted.numerator, 0)}/${formatNumber(quoted.denominator, 0)} = ${formatNumber(exact)}%. ` +
          `Hãy sửa đoạn văn cho khớp, hoặc để add-in tự viết câu số liệu.`,
        cells: [quoted.key],
        values: { stated: viNumber(m[1]), computed: exact },
      });
    }
  }
  return findings;
}
