/**
 * Offline manifest check (office-addin-manifest validate needs Microsoft's online service):
 * well-formed XML, required elements in schema order, every resid defined, every URL https on
 * the add-in's own origin, every icon file present at its declared size.
 */
import { DOMParser } from "@xmldom/xmldom";
import { XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** OfficeApp's children in the order the TaskPaneApp schema requires; `true` marks the required ones. */
const OFFICEAPP_ORDER: [string, boolean][] = [
  ["Id", true],
  ["AlternateId", false],
  ["Version", true],
  ["ProviderName", true],
  ["DefaultLocale", true],
  ["DisplayName", true],
  ["Description", true],
  ["IconUrl", true],
  ["HighResolutionIconUrl", false],
  ["SupportUrl", false],
  ["AppDomains", false],
  ["Hosts", true],
  ["Requirements", false],
  ["DefaultSettings", true],
  ["Permissions", true],
  ["VersionOverrides", false],
];

function pngSize(file: string): { width: number; height: number } | undefined {
  const b = readFileSync(file);
  if (b.length < 24 || b.toString("ascii", 1, 4) !== "PNG") return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const children = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const all = (doc: Document, local: string) => Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === local);

export function checkManifest(xml: string, assetRoot: string): string[] {
  const errors: string[] = [];
  // xmldom is lenient (it accepts a mismatched end tag); the strict well-formedness check comes first.
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`XML không hợp lệ (dòng ${wellFormed.err.line}): ${wellFormed.err.msg}`];
  const doc = new DOMParser({
    errorHandler: { warning: (m: string) => errors.push(`XML không hợp lệ: ${m}`), error: (m: string) => errors.push(`XML không hợp lệ: ${m}`), fatalError: (m: string) => errors.push(`XML không hợp lệ: ${m}`) },
  }).parseFromString(xml, "text/xml");
  if (errors.length) return errors;
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp") return ["Phần tử gốc phải là OfficeApp."];

  // Schema order of OfficeApp's children.
  const names = children(root).map((e) => e.localName);
  let last = -1;
  for (const name of names) {
    const at = OFFICEAPP_ORDER.findIndex(([n]) => n === name);
    if (at < 0) errors.push(`Phần tử không có trong lược đồ OfficeApp: ${name}`);
    else if (at < last) errors.push(`Sai thứ tự: ${name} phải đứng trước ${OFFICEAPP_ORDER[last][0]}`);
    else last = at;
  }
  for (const [name, required] of OFFICEAPP_ORDER) if (required && !names.includes(name)) errors.push(`Thiếu phần tử bắt buộc: ${name}`);

  // Every resid points at a defined resource.
  const defined = new Set(["Image", "Url", "String"].flatMap((t) => all(doc, t).map((e) => e.getAttribute("id")).filter((x): x is string => !!x)));
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const resid = el.getAttribute("resid");
    if (resid && !defined.has(resid)) errors.push(`resid "${resid}" (${el.localName}) chưa được định nghĩa trong Resources`);
  }

  // Every URL is https on the add-in's own origin (taken from SourceLocation).
  const source = all(doc, "SourceLocation").find((e) => e.parentNode && (e.parentNode as Element).localName === "DefaultSettings")?.getAttribute("DefaultValue");
  if (!source) return [...errors, "Thiếu DefaultSettings/SourceLocation"];
  const origin = new URL(source).origin;
  const urls: { where: string; url: string }[] = [];
  for (const local of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) for (const e of all(doc, local)) if (e.getAttribute("DefaultValue")) urls.push({ where: local, url: e.getAttribute("DefaultValue")! });
  for (const e of [...all(doc, "Image"), ...all(doc, "Url")]) if (e.getAttribute("DefaultValue")) urls.push({ where: `${e.localName} ${e.getAttribute("id")}`, url: e.getAttribute("DefaultValue")! });
  for (const e of all(doc, "AppDomain")) urls.push({ where: "AppDomain", url: (e.textContent ?? "").trim() });
  for (const { where, url } of urls) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      errors.push(`${where}: URL không hợp lệ "${url}"`);
      continue;
    }
    if (u.protocol !== "https:") errors.push(`${where}: phải dùng https (${url})`);
    if (u.origin !== origin) errors.push(`${where}: URL ngoài nguồn của add-in ${origin} (${url})`);
  }

  // Icons: the file exists under assetRoot and has the declared size.
  const iconSizes: { url: string; size: number; where: string }[] = [];
  const icon = all(doc, "IconUrl")[0]?.getAttribute("DefaultValue");
  if (icon) iconSizes.push({ url: icon, size: 32, where: "IconUrl" });
  const hiRes = all(doc, "HighResolutionIconUrl")[0]?.getAttribute("DefaultValue");
  if (hiRes) iconSizes.push({ url: hiRes, size: 64, where: "HighResolutionIconUrl" });
  const imageById = new Map(all(doc, "Image").filter((e) => e.getAttribute("id")).map((e) => [e.getAttribute("id")!, e.getAttribute("DefaultValue")!]));
  for (const use of all(doc, "Image").filter((e) => e.getAttribute("resid"))) {
    const url = imageById.get(use.getAttribute("resid")!);
    if (url) iconSizes.push({ url, size: Number(use.getAttribute("size")), where: `Icon ${use.getAttribute("resid")}` });
  }
  for (const { url, size, where } of iconSizes) {
    const path = join(assetRoot, new URL(url).pathname.replace(new URL(source).pathname.replace(/[^/]*$/, ""), ""));
    if (!existsSync(path)) {
      errors.push(`${where}: không có tệp biểu tượng ${path}`);
      continue;
    }
    const dim = pngSize(path);
    if (!dim || dim.width !== size || dim.height !== size) errors.push(`${where}: ${path} phải là PNG ${size}×${size} (đang là ${dim ? `${dim.width}×${dim.height}` : "không phải PNG"})`);
  }
  return errors;
}
