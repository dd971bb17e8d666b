/** Workbook-scoped names: every value cell is reachable by a name derived from its row key. */

export const NAME_PREFIX = "CCHC_";

/** "bm7:6.7.1" → "CCHC_bm7_6_7_1". Codes never hold "_", so the mapping is one-to-one. */
export function nameForKey(key: string): string {
  return NAME_PREFIX + key.replace(/[:.]/g, "_");
}

/** Ghi chú cells are named too, so a note follows its row wherever the row moves. */
export function noteName(key: string): string {
  return `${NAME_PREFIX}note_${key.replace(/[:.]/g, "_")}`;
}

/** Inverse of nameForKey/noteName's key part: "bm7_6_7_1" → "bm7:6.7.1". */
export function keyFromMangled(mangled: string): string {
  return mangled.replace("_", ":").replace(/_/g, ".");
}

/** The Thuyết minh sheet's switch ("Có"/"Không") and rewrite cell for a generated sentence. */
export function sentenceUseName(id: string): string {
  return `${NAME_PREFIX}use_${id.replace(/[:.]/g, "_")}`;
}
export function sentenceTextName(id: string): string {
  return `${NAME_PREFIX}sen_${id.replace(/[:.]/g, "_")}`;
}

export function infoName(field: string): string {
  return `${NAME_PREFIX}info_${field}`;
}

export function narrativeName(sectionId: string): string {
  return `${NAME_PREFIX}nar_${sectionId.replace(/\./g, "_")}`;
}

/** Column letter(s) of a 1-based column index. */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Quotes a sheet name for a reference: 'BM1 Chỉ đạo'!$D$7 */
export function sheetRef(sheet: string, address: string): string {
  const abs = address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

/** The inverse of sheetRef: "'BM1 Chỉ đạo'!$D$7" or "Sheet1!D7" → { sheet, address: "D7" }; undefined for #REF! and ranges. */
export function parseSheetRef(ref: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: `${m[3]}${m[4]}` };
}
