import { buildNarrative, documentModel, lowerFirst, proseLabel } from "../../src/core/report/narrative";
import { reportFileName } from "../../src/core/report/filename";
import { DATA, T } from "./fixture";

const sentencesOf = (id: string, edits = {}) => buildNarrative(T, DATA, edits).sections.find((s) => s.id === id)!.sentences;

describe("generated sentences", () => {
  test("section I: counts, a computed ratio with its parts, coded answers", () => {
    expect(sentencesOf("I").map((s) => [s.id, s.text])).toEqual([
      ["bm1:1", "Số văn bản chỉ đạo CCHC đã ban hành: 72 văn bản."],
      // 33/36 = 91,67% computed, not the hand-typed 91,66.
      ["bm1:2", "Số nhiệm vụ đề ra trong kế hoạch: 36 nhiệm vụ, trong đó số nhiệm vụ đã hoàn thành và đang thực hiện: 33 nhiệm vụ; tỷ lệ hoàn thành Kế hoạch CCHC năm đạt 91,67%."],
      ["bm1:5", "Khảo sát sự hài lòng của người dân, tổ chức: có."],
      ["bm1:5.2", "Hình thức khảo sát: phát phiếu."],
    ]);
  });

  test("section II.6: total and part, ratio without its denominator among the facts, money", () => {
    expect(sentencesOf("II.6").map((s) => [s.id, s.text])).toEqual([
      [
        "bm7:6.7",
        "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến): 3.978 hồ sơ, trong đó số hồ sơ TTHC đã tiếp nhận trực tuyến: 3.810 hồ sơ; tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến đạt 95,78%.",
      ],
      // The typed cell is blank; the ratio is still shown as computed from its rows.
      ["bm7:6.8", "Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến đạt 100% (51/51 thủ tục)."],
      ["bm7:9", "Kinh phí CCHC được giao: 1.250,5 triệu đồng."],
    ]);
  });

  test("no sentence for blank data", () => {
    const data = { ...DATA, values: { ...DATA.values, "bm1:1": null, "bm1:2.1": null, "bm1:2.2": null, "bm1:5": "" } };
    const ids = buildNarrative(T, data).sections[0].sentences.map((s) => s.id);
    expect(ids).toEqual(["bm1:5.2"]);
  });

  test("a zero denominator gives no ratio sentence, its rows speak for themselves", () => {
    const data = { ...DATA, values: { ...DATA.values, "bm7:6.7.1": 0, "bm7:6.7.2": 0 } };
    const s = buildNarrative(T, data).sections.find((x) => x.id === "II.6")!.sentences;
    expect(s.map((x) => x.text)[0]).toBe("Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến): 0 hồ sơ, trong đó số hồ sơ TTHC đã tiếp nhận trực tuyến: 0 hồ sơ.");
  });

  test("staff can switch a sentence off or rewrite it, by its stable id", () => {
    const s = sentencesOf("I", { "bm1:1": null, "bm1:5": "Đã khảo sát sự hài lòng bằng phiếu." });
    expect(s.find((x) => x.id === "bm1:1")).toMatchObject({ enabled: false });
    expect(s.find((x) => x.id === "bm1:5")).toMatchObject({ enabled: true, edited: true, text: "Đã khảo sát sự hài lòng bằng phiếu." });
  });

  test("staff paragraphs are split on newlines; headings are numbered", () => {
    const n = buildNarrative(T, DATA);
    expect(n.sections[0]).toMatchObject({ heading: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", level: 0 });
    expect(n.sections[0].paragraphs).toHaveLength(2);
    expect(n.sections[2]).toMatchObject({ heading: "1. Cải cách thể chế", level: 1 });
  });

  test("labels as prose", () => {
    expect(proseLabel("Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)")).toBe("Tỷ lệ hoàn thành Kế hoạch CCHC năm");
    expect(lowerFirst("Số hồ sơ")).toBe("số hồ sơ");
    expect(lowerFirst("TTHC đủ điều kiện")).toBe("TTHC đủ điều kiện");
  });
});

describe("document model", () => {
  const m = documentModel(T, DATA);

  test("header, title, window, closing", () => {
    expect(m.header).toEqual({
      issuer: ["UỶ BAN NHÂN DÂN", "XÃ THANH GIANG"],
      number: "Số:      /BC-UBND",
      motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      mottoSub: "Độc lập - Tự do - Hạnh phúc",
      placeDate: "Thanh Giang, ngày 13 tháng 12 năm 2023",
    });
    expect(m.subject).toEqual(["Kết quả thực hiện công tác cải cách hành chính năm 2023,", "phương hướng nhiệm vụ năm 2024"]);
    expect(m.dataWindow).toBe("(Số liệu tính từ ngày 10/12/2022 đến ngày 09/12/2023)");
    expect(m.recipients.items.at(-1)).toBe("- Lưu: VT.");
    expect(m.signature).toEqual({ lines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name: "Vũ Đình Nguyễn" });
    expect(m.appendix.attachment).toBe("(Kèm theo Báo cáo số      /BC-UBND ngày 13/12/2023)");
  });

  test("a numbered report signed by a deputy; leading zeros in the date", () => {
    const d = documentModel(T, { ...DATA, info: { ...DATA.info, docNumber: "35", docDate: "2024-02-05", signerAuthority: "KT.", signerTitle: "Phó Chủ tịch" } });
    expect(d.header.number).toBe("Số: 35/BC-UBND");
    expect(d.header.placeDate).toBe("Thanh Giang, ngày 05 tháng 02 năm 2024");
    expect(d.signature.lines).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
  });

  test("appendix values: counts, computed ratios, codes", () => {
    const rows = new Map(m.appendix.forms.flatMap((f) => f.rows).map((r) => [r.key, r]));
    expect(rows.get("bm7:6.7.1")!.value).toBe("3.978");
    expect(rows.get("bm7:6.7")!.value).toBe("95,78");
    expect(rows.get("bm1:2")!.value).toBe("91,67");
    expect(rows.get("bm1:5")!.value).toBe("1 (Có)");
    expect(rows.get("bm1:5.2")!.unit).toBe("Trực tuyến = 0\nPhát phiếu = 1\nKết hợp = 2");
    expect(rows.get("bm1:1")!.note).toBe("Kết luận, chỉ thị");
    expect(rows.get("bm1:3.1")!.value).toBe("");
  });

  test("file name", () => {
    expect(reportFileName({ period: "Y", year: 2023, unitKind: "xã", unitName: "Thanh Giang" })).toBe("BC-CCHC-Nam-2023-xa-Thanh-Giang.docx");
    expect(reportFileName({ period: "Q1", year: 2024, unitKind: "phường", unitName: "Bình Yên" }, { draft: true })).toBe("BC-CCHC-Quy-I-2024-phuong-Binh-Yen-du-thao.docx");
  });
});
