/** A small inline template shaped like seed 000 (Thanh Giang, năm 2023), with known values, for Word tests. */
import type { ReportData, TemplateDef } from "../../src/core/catalog/types";

export const T: TemplateDef = {
  id: "test-word",
  version: "1.0.0",
  title: "Mẫu thử Word",
  origin: { province: "Hải Dương", source: "test" },
  upperLevel: "UBND huyện Thanh Miện",
  recipients: ["Phòng Nội vụ", "TT. Đảng ủy xã", "TT. HĐND xã", "Lãnh đạo UBND xã"],
  narrative: [
    { id: "I", heading: "Công tác chỉ đạo, điều hành", facts: ["bm1:1", "bm1:2", "bm1:2.1", "bm1:2.2", "bm1:5", "bm1:5.2"] },
    { id: "II", heading: "Kết quả thực hiện nhiệm vụ cải cách hành chính" },
    { id: "II.1", heading: "Cải cách thể chế", facts: ["bm2:1"] },
    { id: "II.6", heading: "Xây dựng và phát triển chính quyền điện tử, chính quyền số", facts: ["bm7:6.7", "bm7:6.7.1", "bm7:6.7.2", "bm7:6.8", "bm7:9"] },
    { id: "III", heading: "Đánh giá chung" },
  ],
  forms: [
    {
      id: "bm1",
      caption: "Biểu mẫu 1",
      title: "Công tác chỉ đạo điều hành CCHC",
      sheetName: "BM1 Chỉ đạo",
      rows: [
        { code: "1", stt: "1.", label: "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)", unit: "Văn bản", kind: "count", level: 0 },
        { code: "2", stt: "2.", label: "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", unit: "%", kind: "ratio", level: 0, ratio: { num: ["bm1:2.2"], den: ["bm1:2.1"] } },
        { code: "2.1", stt: "2.1.", label: "Số nhiệm vụ đề ra trong kế hoạch", unit: "Nhiệm vụ", kind: "count", level: 1 },
        { code: "2.2", stt: "2.2.", label: "Số nhiệm vụ đã hoàn thành và đang thực hiện", unit: "Nhiệm vụ", kind: "count", level: 1 },
        { code: "3", stt: "3.", label: "Kiểm tra CCHC", unit: "", kind: "section", level: 0 },
        { code: "3.1", stt: "3.1.", label: "Số phòng chuyên môn đã kiểm tra", unit: "Phòng, đơn vị", kind: "count", level: 1 },
        { code: "5", stt: "5.", label: "Khảo sát sự hài lòng của người dân, tổ chức", unit: "Có = 1; Không = 0", kind: "code", level: 0, codes: [{ value: 1, label: "Có" }, { value: 0, label: "Không" }] },
        { code: "5.2", stt: "5.2.", label: "Hình thức khảo sát", unit: "Trực tuyến = 0; Phát phiếu = 1; Kết hợp = 2", kind: "code", level: 1, codes: [{ value: 0, label: "Trực tuyến" }, { value: 1, label: "Phát phiếu" }, { value: 2, label: "Kết hợp" }] },
      ],
    },
    {
      id: "bm2",
      caption: "Biểu mẫu 2",
      title: "Cải cách thể chế",
      sheetName: "BM2 Thể chế",
      rows: [{ code: "1", stt: "1.", label: "Số VBQPPL do cấp xã ban hành", unit: "Văn bản", kind: "count", level: 0 }],
    },
    {
      id: "bm7",
      caption: "Biểu mẫu 7",
      title: "Xây dựng chính quyền điện tử, Chính quyền số",
      sheetName: "BM7 Điện tử",
      rows: [
        { code: "6", stt: "6.", label: "Cung cấp dịch vụ công trực tuyến", unit: "", kind: "section", level: 0 },
        { code: "6.7", stt: "6.7.", label: "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến", unit: "%", kind: "ratio", level: 1, ratio: { num: ["bm7:6.7.2"], den: ["bm7:6.7.1"] } },
        { code: "6.7.1", stt: "6.7.1.", label: "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến)", unit: "Hồ sơ", kind: "count", level: 2 },
        { code: "6.7.2", stt: "6.7.2.", label: "Số hồ sơ TTHC đã tiếp nhận trực tuyến", unit: "Hồ sơ", kind: "count", level: 2 },
        { code: "6.8", stt: "6.8.", label: "Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến", unit: "%", kind: "ratio", level: 1, ratio: { num: ["bm7:6.8.2"], den: ["bm7:6.8.1"] } },
        { code: "6.8.1", stt: "6.8.1.", label: "Tổng số TTHC có yêu cầu nghĩa vụ tài chính", unit: "Thủ tục", kind: "count", level: 2 },
        { code: "6.8.2", stt: "6.8.2.", label: "Số TTHC đã được tích hợp thanh toán trực tuyến", unit: "Thủ tục", kind: "count", level: 2 },
        { code: "9", stt: "9.", label: "Kinh phí CCHC được giao", unit: "Triệu đồng", kind: "money", level: 0 },
      ],
    },
  ],
  relations: [{ kind: "le", whole: "bm7:6.7.1", parts: ["bm7:6.7.2"] }],
  notes: [],
};

export const DATA: ReportData = {
  template: T.id,
  info: {
    unitKind: "xã",
    unitName: "Thanh Giang",
    province: "Hải Dương",
    period: "Y",
    year: 2023,
    windowFrom: "2022-12-10",
    windowTo: "2023-12-09",
    docNumber: "",
    docDate: "2023-12-13",
    signerName: "Vũ Đình Nguyễn",
  },
  values: {
    "bm1:1": 72,
    "bm1:2": 91.66, // hand-typed; the report shows 33/36 as computed: 91,67
    "bm1:2.1": 36,
    "bm1:2.2": 33,
    "bm1:3.1": null,
    "bm1:5": 1,
    "bm1:5.2": 1,
    "bm2:1": 0,
    "bm7:6.7": 97.76,
    "bm7:6.7.1": 3978,
    "bm7:6.7.2": 3810,
    "bm7:6.8": null,
    "bm7:6.8.1": 51,
    "bm7:6.8.2": 51,
    "bm7:9": 1250.5,
  },
  notes: { "bm1:1": "Kết luận, chỉ thị" },
  narrative: {
    I: "Năm 2023, công tác cải cách hành chính tiếp tục được cấp ủy Đảng, chính quyền xã quan tâm chỉ đạo.\nUBND xã đã ban hành các văn bản chỉ đạo cụ thể.",
    III: "Lãnh đạo xã quyết tâm thực hiện công tác cải cách hành chính.",
  },
};
