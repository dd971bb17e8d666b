import { Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { PeriodKind, ReportInfo } from "../../core/catalog/types";
import { UNIT_KINDS } from "../../core/info";
import { defaultWindow, PERIODS } from "../../core/period";
import { formatShortDate, parseIsoDate } from "../../core/format/vi";

const useStyles = makeStyles({
  // Two columns where there is room, one at 320 px; minmax(0, …) lets inputs shrink instead of overflowing.
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 140px), 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  wide: { gridColumn: "1 / -1" },
  control: { width: "100%", minWidth: 0 },
});

export function InfoForm(props: { info: Partial<ReportInfo>; onChange: (info: Partial<ReportInfo>) => void }) {
  const styles = useStyles();
  const { info, onChange } = props;
  const set = (patch: Partial<ReportInfo>) => onChange({ ...info, ...patch });
  const setPeriod = (period: PeriodKind, year: number) => {
    const w = defaultWindow(period, year);
    set({ period, year, windowFrom: w.from, windowTo: w.to });
  };
  const from = parseIsoDate(info.windowFrom ?? "");
  const to = parseIsoDate(info.windowTo ?? "");
  const window = from && to ? `${formatShortDate(from)} – ${formatShortDate(to)}` : "";
  // While a year is being typed ("20", "202") the window waits for four digits.
  const setYear = (text: string) => {
    const year = Number(text);
    if (/^\d{4}$/.test(text) && year >= 2000 && year <= 2100) setPeriod(info.period ?? "Y", year);
    else set({ year: text === "" ? undefined : year });
  };
  return (
    <div className={styles.grid}>
      <Field label="Loại đơn vị">
        <Select className={styles.control} value={info.unitKind ?? "xã"} onChange={(_, d) => set({ unitKind: d.value })}>
          {UNIT_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </Select>
      </Field>
      <Field label="Tên đơn vị" required>
        <Input className={styles.control} value={info.unitName ?? ""} placeholder="Thanh Giang" onChange={(_, d) => set({ unitName: d.value })} />
      </Field>
      <Field label="Kỳ báo cáo">
        <Select className={styles.control} value={info.period ?? "Y"} onChange={(_, d) => setPeriod(d.value as PeriodKind, info.year ?? new Date().getFullYear())}>
          {PERIODS.map((p) => (
            <option key={p.kind} value={p.kind}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Năm">
        <Input className={styles.control} type="number" value={String(info.year ?? "")} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field className={styles.wide} label="Số liệu tính từ – đến" hint="Theo Công văn 581/BNV-CCHC; sửa trên sheet Thông tin nếu tỉnh quy định khác.">
        <Input className={styles.control} readOnly value={window} aria-label="Khoảng thời gian lấy số liệu" />
      </Field>
      <Field className={styles.wide} label="Cơ quan cấp trên">
        <Input className={styles.control} value={info.upperLevel ?? ""} onChange={(_, d) => set({ upperLevel: d.value })} />
      </Field>
      <Field label="Chức vụ người ký">
        <Input className={styles.control} value={info.signerTitle ?? "CHỦ TỊCH"} onChange={(_, d) => set({ signerTitle: d.value })} />
      </Field>
      <Field label="Họ tên người ký">
        <Input className={styles.control} value={info.signerName ?? ""} onChange={(_, d) => set({ signerName: d.value })} />
      </Field>
      <Field label="Số văn bản" hint='Phần số, thành "Số: …/BC-UBND".'>
        <Input className={styles.control} value={info.docNumber ?? ""} onChange={(_, d) => set({ docNumber: d.value })} />
      </Field>
      <Field label="Ngày ký">
        <Input className={styles.control} type="date" value={info.docDate ?? ""} onChange={(_, d) => set({ docDate: d.value })} />
      </Field>
      <Field className={styles.wide} label="Nơi nhận" hint='Mỗi nơi nhận một dòng; "Lưu: VT." được thêm tự động.'>
        <Textarea
          className={styles.control}
          resize="vertical"
          rows={5}
          value={(info.recipients ?? []).join("\n")}
          onChange={(_, d) => set({ recipients: d.value.split("\n").map((l) => l.replace(/^\s*-\s*/, "")) })}
        />
      </Field>
    </div>
  );
}
