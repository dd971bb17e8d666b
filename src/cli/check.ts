/* global console */
/** `cchc check FILE [--json]`: runs the rules over a values file or a laid-out workbook. */
import { rowIndex } from "../core/catalog";
import { checkReport } from "../core/rules/engine";
import type { Finding } from "../core/rules/types";
import { loadExtraTemplates, loadReport } from "./input";

/** Exit code 1 when any finding is an error, else 0. UsageError from loading propagates (exit 2). */
export async function cmdCheck(file: string, opts: { json?: boolean; templateFiles?: string[] } = {}): Promise<number> {
  const extra = loadExtraTemplates(opts.templateFiles ?? []);
  const { template, data, snapshot } = await loadReport(file, extra);
  const findings = checkReport(template, data, snapshot);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;

  if (opts.json) {
    const out = findings.map(({ rule, severity, message, cells, values }) => ({ rule, severity, message, cells, values }));
    console.log(JSON.stringify({ findings: out }));
    return errors ? 1 : 0;
  }

  // Group by the form of the finding's first cell; findings about a whole sheet carry its id in the rule.
  const rows = rowIndex(template);
  const formOf = (f: Finding): string | undefined => {
    if (f.cells[0]) return rows.get(f.cells[0])?.form.id;
    const m = /^sheet:(.+)$/.exec(f.rule);
    return m?.[1];
  };
  const groups: { title: string; findings: Finding[] }[] = [];
  const general = findings.filter((f) => !formOf(f));
  if (general.length) groups.push({ title: "Chung", findings: general });
  for (const form of template.forms) {
    const mine = findings.filter((f) => formOf(f) === form.id);
    if (mine.length) groups.push({ title: `${form.caption} — ${form.title}`, findings: mine });
  }

  console.log(`Kiểm tra ${file} (mẫu ${template.id}, phiên bản ${template.version})`);
  if (!findings.length) console.log("Không phát hiện lỗi hay điểm cần xem lại.");
  for (const g of groups) {
    console.log(`\n${g.title}`);
    // Findings arrive errors first; keep that inside each form.
    const sorted = [...g.findings.filter((f) => f.severity === "error"), ...g.findings.filter((f) => f.severity === "warning")];
    for (const f of sorted) {
      const where = f.addresses?.length && !f.message.includes(f.addresses[0]) ? ` [${f.addresses[0]}]` : "";
      console.log(`  ${f.severity === "error" ? "Lỗi" : "Cảnh báo"}: ${f.message}${where}`);
    }
  }
  console.log(`\n${errors} lỗi, ${warnings} cảnh báo`);
  return errors ? 1 : 0;
}
