/* global Office, Word, btoa */
/** Inside Word: build the report from a workbook file and open it as a new document (WordApi 1.3). */
import type { Finding } from "../core/rules/types";

export const REQUIRED_WORD_API = "1.3";

export function wordSupported(): boolean {
  return Office.context.requirements.isSetSupported("WordApi", REQUIRED_WORD_API);
}

/** The .docx bytes of a laid-out workbook, or the errors that block a final report. */
export async function reportFromWorkbook(xlsx: ArrayBuffer, draft: boolean): Promise<{ docx?: Uint8Array; errors: Finding[] }> {
  // Everything heavy (ExcelJS, docx) loads only now, never with the pane.
  const [
    { readXlsxSnapshot },
    { findTemplate },
    { snapshotToReportData },
    { checkReport },
    { documentModel },
    { buildReportDocx, packReport },
  ] = await Promise.all([
    import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read"),
    import("../core/catalog"),
    import("../core/snapshot"),
    import(/* webpackChunkName: "rules" */ "../core/rules/engine"),
    import(/* webpackChunkName: "word" */ "../core/report/narrative"),
    import(/* webpackChunkName: "word" */ "../word/build"),
  ]);
  const snapshot = await readXlsxSnapshot(xlsx);
  const template = snapshot.templateId ? findTemplate(snapshot.templateId) : undefined;
  if (!template)
    throw new Error("Tệp này không phải sổ làm việc do Báo cáo CCHC lập (hoặc dùng mẫu biểu chưa có). Hãy chọn đúng tệp Excel báo cáo.");
  const data = snapshotToReportData(template, snapshot);
  const errors = checkReport(template, data, snapshot).filter((f) => f.severity === "error");
  if (errors.length && !draft) return { errors };
  return { docx: await packReport(buildReportDocx(documentModel(template, data, { draft }))), errors };
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function openReportInWord(xlsx: ArrayBuffer, draft: boolean): Promise<{ opened: boolean; errors: Finding[] }> {
  const { docx, errors } = await reportFromWorkbook(xlsx, draft);
  if (!docx) return { opened: false, errors };
  await Word.run(async (context) => {
    context.application.createDocument(toBase64(docx)).open();
    await context.sync();
  });
  return { opened: true, errors };
}
