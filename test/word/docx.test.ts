/** The .docx as Word reads it: page setup, fonts, header grid, page numbers, sentences, appendix tables, draft. */
import { documentModel } from "../../src/core/report/narrative";
import { buildReportDocx, packReport, reportToBuffer } from "../../src/word/build";
import { all, attr, bodyTables, children, headerRefs, openDocx, paragraphs, tableTexts, textOf, type OpenedDocx } from "./docx-xml";
import { DATA, T } from "./fixture";

const build = async (draft: boolean) => openDocx(await packReport(buildReportDocx(documentModel(T, DATA, { draft }))));

let final: OpenedDocx;
let draft: OpenedDocx;
beforeAll(async () => {
  [final, draft] = await Promise.all([build(false), build(true)]);
});

const sections = (d: OpenedDocx) => all(d.document, "sectPr");
const headerText = (d: OpenedDocx, id: string) => textOf(d.headers.get(id)!);
const headerXml = (d: OpenedDocx, id: string) => d.headers.get(id)!.documentElement.toString();

test("A4 portrait, NĐ 30 margins, in every section", () => {
  expect(sections(final)).toHaveLength(2);
  for (const s of sections(final)) {
    const size = children(s, "pgSz")[0];
    expect([attr(size, "w"), attr(size, "h")]).toEqual(["11906", "16838"]);
    const m = children(s, "pgMar")[0];
    expect({ top: attr(m, "top"), bottom: attr(m, "bottom"), left: attr(m, "left"), right: attr(m, "right") }).toEqual({ top: "1134", bottom: "1134", left: "1701", right: "850" });
  }
});

test("Times New Roman everywhere", () => {
  const fonts = all(final.document, "rFonts");
  expect(fonts.length).toBeGreaterThan(50);
  for (const f of fonts) expect([attr(f, "ascii"), attr(f, "hAnsi"), attr(f, "cs")]).toEqual(["Times New Roman", "Times New Roman", "Times New Roman"]);
  const defaults = all(final.styles, "rPrDefault")[0];
  expect(attr(all(defaults, "rFonts")[0], "ascii")).toBe("Times New Roman");
});

test("page numbers: none on page 1, a centred PAGE field from page 2", () => {
  const [report, annex] = sections(final);
  expect(children(report, "titlePg")).toHaveLength(1);
  const refs = headerRefs(report);
  expect(headerXml(final, refs.first)).not.toMatch(/PAGE/);
  expect(headerXml(final, refs.default)).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
  expect(headerXml(final, refs.default)).toMatch(/<w:jc w:val="center"\/>/);
  expect(headerXml(final, headerRefs(annex).default)).toMatch(/PAGE/);
});

test("header grid: issuing body and number left, motto and date right, no borders", () => {
  const grid = bodyTables(final.document)[0];
  expect(tableTexts(grid)).toEqual([
    ["UỶ BAN NHÂN DÂN\nXÃ THANH GIANG\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"],
    ["Số:      /BC-UBND", "Thanh Giang, ngày 13 tháng 12 năm 2023"],
  ]);
  const borders = all(children(grid, "tblPr")[0], "tblBorders")[0];
  for (const side of ["top", "bottom", "left", "right", "insideH", "insideV"]) expect(attr(children(borders, side)[0], "val")).toBe("none");
  // The short rules are bottom borders of the empty paragraph under each block.
  const cells = all(grid, "tc");
  for (const c of cells.slice(0, 2)) expect(attr(all(children(c, "p").at(-1)!, "bottom")[0], "val")).toBe("single");
  // Sizes: issuing body 13 bold, motto line 14 bold, date 14 italic.
  const sz = (c: Element, i: number) => attr(all(children(c, "p")[i], "sz")[0], "val");
  expect([sz(cells[0], 0), sz(cells[1], 1), sz(cells[3], 0)]).toEqual(["26", "28", "28"]);
  expect(all(children(cells[3], "p")[0], "i")).toHaveLength(1);
});

test("title, subject, body justified with a first-line indent, sentences as generated", () => {
  const ps = paragraphs(final.document);
  const i = ps.indexOf("BÁO CÁO");
  expect(ps.slice(i, i + 4)).toEqual([
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2023,",
    "phương hướng nhiệm vụ năm 2024",
    "(Số liệu tính từ ngày 10/12/2022 đến ngày 09/12/2023)",
  ]);
  expect(ps).toContain(
    "- Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến): 3.978 hồ sơ, trong đó số hồ sơ TTHC đã tiếp nhận trực tuyến: 3.810 hồ sơ; tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến đạt 95,78%.",
  );
  expect(ps).toContain("- Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến đạt 100% (51/51 thủ tục).");
  expect(ps).toContain("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH");
  const body = all(final.document, "p").find((p) => textOf(p).startsWith("Ủy ban nhân dân xã Thanh Giang báo cáo"))!;
  expect(attr(all(body, "jc")[0], "val")).toBe("both");
  expect(attr(all(body, "ind")[0], "firstLine")).toBe("720");
  expect(attr(all(body, "spacing")[0], "after")).toBe("120");
  expect(attr(all(body, "sz")[0], "val")).toBe("28");
});

test("Nơi nhận beside the signature block", () => {
  const sign = bodyTables(final.document)[1];
  const [[left, right]] = tableTexts(sign);
  expect(left).toBe("Nơi nhận:\n- Phòng Nội vụ;\n- TT. Đảng ủy xã;\n- TT. HĐND xã;\n- Lãnh đạo UBND xã;\n- Lưu: VT.");
  expect(right.split("\n").filter(Boolean)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Vũ Đình Nguyễn"]);
  const label = children(all(sign, "tc")[0], "p")[0];
  expect([attr(all(label, "sz")[0], "val"), all(label, "b").length, all(label, "i").length]).toEqual(["24", 1, 1]);
});

test("appendix: one real table per form, repeated merged header, formatted numbers right-aligned", () => {
  const ps = paragraphs(final.document);
  expect(ps).toContain("PHỤ LỤC");
  expect(ps).toContain("(Kèm theo Báo cáo số      /BC-UBND ngày 13/12/2023)");
  const forms = bodyTables(final.document).slice(2);
  expect(forms).toHaveLength(3);
  const [bm1, bm2, bm7] = forms.map(tableTexts);
  expect([bm1.length, bm2.length, bm7.length]).toEqual([2 + 8, 2 + 1, 2 + 8]);

  const rows = children(forms[0], "tr");
  for (const tr of rows.slice(0, 2)) expect(all(tr, "tblHeader")).toHaveLength(1);
  expect(all(rows[2], "tblHeader")).toHaveLength(0);
  const top = children(rows[0], "tc");
  expect(top.map(textOf)).toEqual(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Kết quả thống kê"]);
  expect(attr(all(top[3], "gridSpan")[0], "val")).toBe("2");
  expect(attr(all(top[0], "vMerge")[0], "val")).toBe("restart");
  expect(bm1[1].slice(-2)).toEqual(["Số liệu", "Ghi chú"]);

  expect(bm1[2]).toEqual(["1.", "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)", "Văn bản", "72", "Kết luận, chỉ thị"]);
  expect(bm1[3][3]).toBe("91,67");
  expect(bm1[8][3]).toBe("1 (Có)");
  expect(bm7.map((r) => r[3])).toEqual(expect.arrayContaining(["3.978", "3.810", "95,78", "100", "1.250,5"]));

  const valueCell = children(rows[2], "tc")[3];
  expect(attr(all(valueCell, "jc")[0], "val")).toBe("right");
  // Column widths fit the text width (9355 twips).
  const grid = all(forms[0], "gridCol").map((g) => Number(attr(g, "w")));
  expect(grid.reduce((a, b) => a + b, 0)).toBe(9355);
});

test("DỰ THẢO on every page of a draft only", async () => {
  for (const s of sections(draft)) for (const id of Object.values(headerRefs(s))) expect(headerText(draft, id)).toContain("DỰ THẢO");
  expect(sections(draft).flatMap((s) => Object.keys(headerRefs(s)))).toEqual(["default", "first", "default"]);
  for (const h of final.headers.values()) expect(textOf(h)).not.toContain("DỰ THẢO");
  expect(paragraphs(final.document).join("\n")).not.toContain("DỰ THẢO");
});

test("Node buffer packing gives the same document", async () => {
  const buf = await reportToBuffer(buildReportDocx(documentModel(T, DATA)));
  expect(Buffer.isBuffer(buf)).toBe(true);
  expect(paragraphs((await openDocx(buf)).document)).toEqual(paragraphs(final.document));
});
