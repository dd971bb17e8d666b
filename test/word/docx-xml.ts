/** Opens a .docx the way Word would: unzip, parse word/document.xml, its headers and styles. */
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

type El = Element;

export interface OpenedDocx {
  zip: JSZip;
  document: Document;
  styles: Document;
  /** Header parts by relationship id. */
  headers: Map<string, Document>;
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => parse(await zip.file(path)!.async("string"));
  const document = await read("word/document.xml");
  const styles = await read("word/styles.xml");
  const rels = await read("word/_rels/document.xml.rels");
  const headers = new Map<string, Document>();
  for (const rel of all(rels.documentElement, "Relationship", "*")) {
    if (rel.getAttribute("Type")?.endsWith("/header")) headers.set(rel.getAttribute("Id")!, await read(`word/${rel.getAttribute("Target")}`));
  }
  return { zip, document, styles, headers };
}

export function all(node: El | Document, local: string, ns = W): El[] {
  return Array.from((node as El).getElementsByTagNameNS(ns, local));
}

/** Direct children with a given local name (w:tr of a table, not of nested tables). */
export function children(node: El, local: string): El[] {
  return Array.from(node.childNodes).filter((n): n is El => n.nodeType === 1 && (n as El).localName === local);
}

export const attr = (el: El | undefined, name: string) => el?.getAttributeNS(W, name) ?? el?.getAttribute(`w:${name}`) ?? null;

export const textOf = (node: El | Document) => all(node, "t").map((t) => t.textContent ?? "").join("");

/** Every body paragraph's text, in order (tables included). */
export const paragraphs = (node: El | Document) => all(node, "p").map(textOf);

/** A table as rows of cell texts (cells' paragraphs joined with "\n"). */
export function tableTexts(tbl: El): string[][] {
  return children(tbl, "tr").map((tr) => children(tr, "tc").map((tc) => children(tc, "p").map(textOf).join("\n")));
}

/** The body's top-level tables. */
export function bodyTables(doc: Document): El[] {
  const body = all(doc, "body")[0];
  return children(body, "tbl");
}

export function headerRefs(sectPr: El): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ref of children(sectPr, "headerReference")) out[attr(ref, "type")!] = ref.getAttributeNS(R, "id") ?? ref.getAttribute("r:id")!;
  return out;
}

/** docx → pdf next to it, with a private LibreOffice profile so parallel runs do not fight over the user's one. */
export function docxToPdf(docx: string, dir: string): string {
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], {
    stdio: "ignore",
    timeout: 120_000,
  });
  return join(dir, docx.split("/").pop()!.replace(/\.docx$/, ".pdf"));
}

/** Text of document.xml and every header part of a base64 .docx (the DỰ THẢO marker lives in the headers). */
export async function docxText(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, "base64"));
  const parts = Object.keys(zip.files).filter((f) => /^word\/(document|header\d*)\.xml$/.test(f));
  return (await Promise.all(parts.map((f) => zip.file(f)!.async("string")))).join("\n");
}
