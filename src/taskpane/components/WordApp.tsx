import { useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/rules/types";
import { openReportInWord, wordSupported, REQUIRED_WORD_API } from "../word-document";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, boxSizing: "border-box" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

/**
 * The pane inside Word: the route for Excel on Mac, where a download from the pane silently fails.
 * Staff pick the workbook file; the report opens as a new Word document.
 */
export function WordApp() {
  const styles = useStyles();
  const [file, setFile] = useState<File | undefined>();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Finding[]>([]);
  const [status, setStatus] = useState<{ intent: "success" | "error" | "warning"; title: string; text: string } | undefined>();

  if (!wordSupported()) {
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Phiên bản Word này chưa hỗ trợ</MessageBarTitle>
            Cần Word hỗ trợ WordApi {REQUIRED_WORD_API} trở lên (Microsoft 365 hoặc Word 2021). Hãy cập nhật Word.
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  async function open(draft: boolean) {
    if (!file) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const result = await openReportInWord(await file.arrayBuffer(), draft);
      setErrors(result.errors);
      if (result.opened) setStatus({ intent: "success", title: draft ? "Đã mở bản dự thảo" : "Đã mở báo cáo", text: "Báo cáo mở trong một cửa sổ Word mới; hãy lưu lại (Tệp → Lưu)." });
      else setStatus({ intent: "error", title: `Còn ${result.errors.length} lỗi số liệu`, text: "Sửa trong Excel rồi chọn lại tệp, hoặc mở bản dự thảo." });
    } catch (e) {
      setStatus({ intent: "error", title: "Không mở được báo cáo", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        Báo cáo CCHC
      </Text>
      <Text>Chọn tệp Excel đã lập bằng add-in Báo cáo CCHC (nhớ lưu tệp trong Excel trước). Báo cáo sẽ mở trong Word.</Text>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={() => picker.current?.click()}>Chọn tệp Excel…</Button>
        <Text>{file ? file.name : "Chưa chọn tệp"}</Text>
        {/* The browser's own file button speaks the browser's language; ours speaks Vietnamese. */}
        <input ref={picker} type="file" accept=".xlsx" hidden aria-label="Tệp Excel báo cáo (.xlsx)" onChange={(e) => setFile(e.target.files?.[0])} />
      </div>
      {errors.length > 0 && (
        <ul>
          {errors.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!file || busy} onClick={() => void open(false)}>
          Mở báo cáo trong Word
        </Button>
        <Button disabled={!file || busy} onClick={() => void open(true)}>
          Mở bản dự thảo
        </Button>
        {busy && <Spinner size="tiny" label="Đang tạo báo cáo…" />}
      </div>
    </main>
  );
}
