import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "./manifest-check";

const root = join(__dirname, "../..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

describe("manifest.xml (offline check)", () => {
  it("passes every check in the source tree", () => {
    expect(checkManifest(manifest, root)).toEqual([]);
  });

  it("declares the Excel workbook host, ReadWriteDocument, ExcelApi 1.9 and the Vietnamese name", () => {
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(manifest).toMatch(/<Override Locale="vi-VN" Value="Báo cáo CCHC"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
  });

  it("reports malformed XML", () => {
    expect(checkManifest(manifest.replace("</Id>", "</Idx>"), root).join("\n")).toMatch(/XML không hợp lệ/);
  });

  it("reports a child out of schema order and a missing required element", () => {
    const swapped = manifest.replace(/(<Version>.*?<\/Version>)\s*(<ProviderName>.*?<\/ProviderName>)/s, "$2$1");
    expect(checkManifest(swapped, root).join("\n")).toMatch(/Sai thứ tự: Version/);
    const missing = manifest.replace(/<Permissions>.*?<\/Permissions>/, "");
    expect(checkManifest(missing, root)).toContain("Thiếu phần tử bắt buộc: Permissions");
  });

  it("reports an undefined resid", () => {
    expect(checkManifest(manifest.replace('resid="TaskpaneButton.Tooltip"', 'resid="Khong.Co"'), root)).toContain('resid "Khong.Co" (Description) chưa được định nghĩa trong Resources');
  });

  it("reports http and foreign-origin URLs", () => {
    const errors = checkManifest(manifest.replace('DefaultValue="https://localhost:3000/help.html"', 'DefaultValue="http://example.com/help.html"'), root).join("\n");
    expect(errors).toMatch(/SupportUrl: phải dùng https/);
    expect(errors).toMatch(/SupportUrl: URL ngoài nguồn/);
  });

  it("reports an icon of the wrong size", () => {
    const errors = checkManifest(manifest.replace(/icon-80\.png/g, "icon-64.png"), root).join("\n");
    expect(errors).toMatch(/phải là PNG 80×80 \(đang là 64×64\)/);
  });

  // The production build rewrites every URL to the configured origin; CI builds before testing.
  const built = join(root, "dist/manifest.xml");
  const haveBuild = existsSync(built);
  if (!haveBuild && process.env.CI === "true") throw new Error("dist/manifest.xml is missing: run `npm run build` before the tests (CI does).");
  (haveBuild ? it : it.skip)("the production manifest in dist/ points at the configured origin and passes", () => {
    const prod = readFileSync(built, "utf8");
    const origin = new URL(process.env.CCHC_URL_PROD || require(join(root, "package.json")).config.url_prod).origin;
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain(`${origin}/`);
    expect(checkManifest(prod, join(root, "dist"))).toEqual([]);
  });
});
