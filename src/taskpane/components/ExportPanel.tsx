import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/rules/types";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ExportPanel(props: {
  findings: Finding[] | undefined;
  canDownload: boolean;
  busy: boolean;
  onExport: (draft: boolean) => void;
}) {
  const styles = useStyles();
  const errors = props.findings?.filter((f) => f.severity === "error") ?? [];
  const warnings = props.findings?.filter((f) => f.severity === "warning") ?? [];
  if (!props.canDownload) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Excel cho Mac không tải tệp từ ngăn add-in</MessageBarTitle>
          Hãy lưu sổ làm việc này, mở <b>Word</b>, bấm <b>Trang đầu → Báo cáo CCHC</b> rồi chọn tệp Excel này: báo cáo sẽ mở
          ngay trong Word. (Hoặc dùng Excel trên web hay Excel cho Windows để tải tệp .docx.)
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div>
      {props.findings === undefined && <Text>Kiểm tra số liệu (bước 3) trước khi xuất báo cáo.</Text>}
      {errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Còn {errors.length} lỗi số liệu</MessageBarTitle>
            Báo cáo chính thức chỉ xuất được khi hết lỗi. Có thể xuất bản dự thảo (có chữ "DỰ THẢO" trên mọi trang).
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Cần xem lại {warnings.length} điểm trước khi gửi</MessageBarTitle>
            <ul className={styles.list}>
              {warnings.slice(0, 5).map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy || props.findings === undefined || errors.length > 0} onClick={() => props.onExport(false)}>
          Xuất báo cáo Word
        </Button>
        <Button disabled={props.busy || props.findings === undefined} onClick={() => props.onExport(true)}>
          Xuất bản dự thảo
        </Button>
        {props.busy && <Spinner size="tiny" label="Đang tạo báo cáo…" />}
      </div>
    </div>
  );
}
