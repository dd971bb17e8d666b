/** The report information ("Thông tin" sheet): one definition shared by the layout, readers, pane and Word. */
import type { PeriodKind, ReportInfo, TemplateDef } from "./catalog/types";
import { defaultWindow, periodFromLabel, periodLabel, PERIODS } from "./period";

export type InfoFieldKind = "text" | "list" | "year" | "date" | "lines";

export interface InfoField {
  field: keyof ReportInfo;
  label: string;
  kind: InfoFieldKind;
  options?: string[];
  hint: string;
}

export const UNIT_KINDS = ["xã", "phường", "thị trấn", "đặc khu"];

export const INFO_FIELDS: InfoField[] = [
  { field: "unitKind", label: "Loại đơn vị", kind: "list", options: UNIT_KINDS, hint: "Xã, phường, thị trấn hoặc đặc khu." },
  { field: "unitName", label: "Tên đơn vị", kind: "text", hint: 'Tên riêng, không kèm "xã": ví dụ Thanh Giang.' },
  { field: "upperLevel", label: "Cơ quan cấp trên", kind: "text", hint: "Ví dụ: UBND huyện Thanh Miện, UBND tỉnh Hải Dương." },
  { field: "province", label: "Tỉnh/thành phố", kind: "text", hint: "Ví dụ: Hải Dương." },
  { field: "place", label: "Địa danh ghi ngày tháng", kind: "text", hint: "Địa danh đứng trước ngày tháng văn bản; thường là tên đơn vị." },
  { field: "period", label: "Kỳ báo cáo", kind: "list", options: PERIODS.map((p) => p.label), hint: "Quý I, 6 tháng, Quý III hoặc Năm." },
  { field: "year", label: "Năm báo cáo", kind: "year", hint: "Ví dụ: 2024." },
  {
    field: "windowFrom",
    label: "Số liệu tính từ ngày",
    kind: "date",
    hint: "Mặc định theo Công văn 581/BNV-CCHC; sửa nếu tỉnh quy định khác.",
  },
  {
    field: "windowTo",
    label: "Số liệu tính đến ngày",
    kind: "date",
    hint: "Mặc định theo Công văn 581/BNV-CCHC; sửa nếu tỉnh quy định khác.",
  },
  { field: "docNumber", label: "Số văn bản", kind: "text", hint: 'Phần số, ví dụ 35 (thành "Số: 35/BC-UBND"); để trống nếu chưa cấp số.' },
  { field: "docDate", label: "Ngày ký", kind: "date", hint: "Ngày ban hành báo cáo." },
  { field: "signerAuthority", label: "Thẩm quyền ký", kind: "list", options: ["TM.", "KT."], hint: "TM. (thay mặt) hoặc KT. (ký thay)." },
  { field: "signerTitle", label: "Chức vụ người ký", kind: "text", hint: "Ví dụ: CHỦ TỊCH hoặc PHÓ CHỦ TỊCH." },
  { field: "signerName", label: "Họ tên người ký", kind: "text", hint: "Ví dụ: Vũ Đình Nguyễn." },
  { field: "recipients", label: "Nơi nhận", kind: "lines", hint: 'Mỗi nơi nhận một dòng (Alt+Enter), không cần "Lưu: VT".' },
];

export function defaultInfo(template: TemplateDef, year = new Date().getFullYear(), period: PeriodKind = "Y"): ReportInfo {
  const w = defaultWindow(period, year);
  return {
    unitKind: "xã",
    unitName: "",
    upperLevel: template.upperLevel,
    province: template.origin.province,
    place: "",
    period,
    year,
    windowFrom: w.from,
    windowTo: w.to,
    docNumber: "",
    docDate: "",
    signerName: "",
    signerTitle: "CHỦ TỊCH",
    signerAuthority: "TM.",
    recipients: [...template.recipients],
  };
}

/** Fills what the data leaves out from the template's defaults (window from period and year). */
export function completeInfo(template: TemplateDef, info: Partial<ReportInfo>): ReportInfo {
  const period = info.period ?? "Y";
  const year = info.year ?? new Date().getFullYear();
  const base = defaultInfo(template, year, period);
  const merged = { ...base, ...Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined && v !== "")) } as ReportInfo;
  if (!merged.place) merged.place = merged.unitName;
  return merged;
}

export { periodFromLabel, periodLabel };

/** "xã Thanh Giang" */
export function unitTitle(info: Pick<ReportInfo, "unitKind" | "unitName">): string {
  return `${info.unitKind} ${info.unitName}`.trim();
}
