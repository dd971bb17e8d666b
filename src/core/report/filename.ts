/** The report's default file name, shared by the CLI and the task pane: BC-CCHC-Nam-2023-xa-Thanh-Giang.docx */
import type { ReportInfo } from "../catalog/types";
import { asciiSlug } from "../format/vi";
import { unitTitle } from "../info";
import { periodLabel } from "../period";

export function reportFileName(
  info: Pick<ReportInfo, "period" | "year" | "unitKind" | "unitName">,
  opts: { draft?: boolean } = {},
): string {
  const parts = ["BC-CCHC", asciiSlug(`${periodLabel(info.period)} ${info.year}`), asciiSlug(info.unitName ? unitTitle(info) : "")];
  if (opts.draft) parts.push("du-thao");
  return `${parts.filter(Boolean).join("-")}.docx`;
}
