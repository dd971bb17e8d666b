/* global Excel */
/**
 * Tinting the cells the checks point at, with conditional formats the add-in removes again.
 * Clearing works from the catalog (every value cell of the template), not from memory, so a
 * reloaded pane still removes what an earlier one added. One sync either way.
 */
import type { WorkbookSnapshot } from "../core/snapshot";
import { SHEET_PROTECTION } from "./layout";

export const HIGHLIGHT = { fill: "#F8D7DA", font: "#842029" };

/** Cells as "sheet" + "D45". */
export interface CellRef {
  sheet: string;
  address: string;
}

export async function applyHighlights(context: Excel.RequestContext, snapshot: WorkbookSnapshot, failing: CellRef[]): Promise<void> {
  const bySheet = new Map<string, { clear: string[]; add: string[] }>();
  const entry = (sheet: string) => bySheet.get(sheet) ?? bySheet.set(sheet, { clear: [], add: [] }).get(sheet)!;
  for (const cell of Object.values(snapshot.values)) entry(cell.sheet).clear.push(cell.address);
  for (const cell of failing) entry(cell.sheet).add.push(cell.address);
  for (const [sheet, { clear, add }] of bySheet) {
    if (!snapshot.sheetNames.includes(sheet)) continue;
    const ws = context.workbook.worksheets.getItem(sheet);
    // Conditional formats are cell formats: the protected form sheet is opened for the change and closed again.
    ws.protection.unprotect();
    for (const address of clear) ws.getRange(address).conditionalFormats.clearAll();
    for (const address of add) {
      const cf = ws.getRange(address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = HIGHLIGHT.fill;
      cf.custom.format.font.color = HIGHLIGHT.font;
    }
    ws.protection.protect(SHEET_PROTECTION);
  }
  await context.sync();
}
